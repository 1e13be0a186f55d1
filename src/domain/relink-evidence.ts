// Links of a feedback body's sentences to evidence. composeFeedback cuts its body with splitSentences (./text), so
// after a reviewer edits the body, relinkEvidence can keep each surviving sentence's evidence and drop the links of
// sentences that were rewritten (their evidence no longer vouches for them).
// Pure: no I/O, browser-safe.

import type { ComposedSentence } from './compose/types';
import { foldSpace, splitSentences } from './text';

/**
 * The sentences of an edited body, each with the evidence of the previous sentence it still is. A sentence
 * survives when its text is unchanged (white space aside); each previous sentence is claimed at most once, in
 * order, so a repeated sentence keeps the links of its own occurrence. A rewritten or new sentence has no
 * evidence: the reviewer wrote it, and the scorecards no longer vouch for its words.
 */
export function relinkEvidence(newBody: string, previous: ComposedSentence[]): ComposedSentence[] {
  const pool = new Map<string, ComposedSentence[]>();
  for (const s of previous) {
    const key = foldSpace(s.text);
    const list = pool.get(key);
    if (list) list.push(s);
    else pool.set(key, [s]);
  }
  return splitSentences(newBody).map((span) => {
    const match = pool.get(foldSpace(span.text))?.shift();
    return { ...span, evidence: match ? match.evidence.map((e) => ({ ...e })) : [] };
  });
}
