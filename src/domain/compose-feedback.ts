// The feedback composer: from the interviewers' structured scorecards to a candidate-facing draft, as sections (the
// greeting; thanks, the outcome and the reason; the strength; one section per gap, largest first, with what the role
// needs, what we saw and what to practise; the close) and as plain text with a heading line above the strength and
// each gap, where every sentence keeps its link to the evidence it came from (shown to the reviewer, never to the
// candidate). Pure and deterministic: no I/O, no clock, no randomness; browser-safe.
//
// Aggregation. Per criterion, the panel's view is the MEAN of its ratings across scorecards: a gap is a criterion
// whose mean is below 3 ("meets"), gaps are ordered lowest mean first (ties: the lowest single rating, then the
// order of the job's criteria), and the strength is the highest mean of 3 or more that is not a gap (ties: the
// highest single rating, then criteria order). A single interviewer's low rating does not make a gap the rest of
// the panel disagrees with. The OBSERVATIONS quoted for a gap come from the scorecards that rated it below 3, lowest
// first; for the strength, from those that rated it 3 or 4, highest first; so quoted evidence always agrees with
// the verdict it supports.
//
// Safety. Private notes are never read. An observation that mentions any interviewer's name (any part of it) is
// left out ('names-interviewer'); one whose candidate-facing sentence the checker blocks is left out ('blocked');
// either way the gap falls back to criterion-level text. The whole body is checked again at the end, and any
// observation still involved in a blocking finding is dropped and the draft recomposed. A rating whose evidence was
// submitted despite a blocking finding ('flagged') or redacted by an admin ('redacted') is left out entirely: neither
// its evidence nor its weight reaches the draft.

import {
  type CheckedPart,
  checkPart,
  checkParts,
  type Finding,
  type Jurisdiction,
  separableAt,
} from '../checker';
import { BoundedMemo } from './bounded-memo';
import { key, summary } from './compose/aggregate';
import { render, sentencesOf } from './compose/evidence';
import { type ComposeMemo, Composer } from './compose/sections';
import type { ComposedFeedback, ComposeInput, Segment } from './compose/types';

export { ComposeMemo, countContent } from './compose/sections';
export type {
  ComposeCriterion,
  ComposedFeedback,
  ComposedSentence,
  ComposeInput,
  ComposeRating,
  ComposeScorecard,
  CriterionSummary,
  EvidenceLink,
  FeedbackGapSection,
  FeedbackSections,
  OmittedEvidence,
  OmittedWhy,
} from './compose/types';
export {
  DEFAULT_VOICE,
  type FeedbackVoice,
  GREETINGS,
  normalizeVoice,
  type Signer,
  signForReviewer,
  signOffLines,
  teamName,
  VOICE_LIMITS,
} from './compose/voice';
export { mentionsName } from './compose/wording';

/**
 * Drafts the candidate-facing feedback for a rejected application. Deterministic: the same input gives the same
 * output, with or without a `memo` shared by the drafts of a batch (it only saves checking and rewording the same
 * note again). The body never contains an interviewer's name or private notes, and no observation in it has a blocking
 * checker finding; `findings` holds what the checker still says about the whole body (for the reviewer).
 */
export function composeFeedback(input: ComposeInput, memo?: ComposeMemo): ComposedFeedback {
  const composer = new Composer(input, memo);
  const jurisdictions = input.jurisdictions?.length ? input.jurisdictions : undefined;
  // Each round drops at least one more observation, so this ends; the bound is a guard.
  for (let round = 0; round < 50; round++) {
    const plan = composer.plan();
    const { body, spans } = render(plan.paragraphs);
    const findings = checkBody(body, spans, jurisdictions);
    let dropped = false;
    for (const f of findings) {
      if (f.severity !== 'block') continue;
      for (const span of spans) {
        const overlaps =
          f.end > f.start
            ? span.start < f.end && f.start < span.end
            : f.start >= span.start && f.start < span.end;
        if (!overlaps) continue;
        for (const link of span.segment.evidence) {
          if (!composer.omitted.has(key(link.scorecardId, link.criterionId))) {
            composer.omit(link.scorecardId, link.criterionId, 'blocked');
            dropped = true;
          }
        }
      }
    }
    if (dropped) continue;
    return {
      body,
      sections: plan.sections,
      sentences: sentencesOf(body, spans),
      policy: composer.stagePolicy,
      omitted: [...composer.omitted.values()],
      gaps: plan.gaps.map(summary),
      strength: plan.strength ? summary(plan.strength) : null,
      findings,
    };
  }
  throw new Error('composeFeedback: could not settle on a draft without blocking findings');
}

/**
 * The letter's own sentences checked, by jurisdictions and text: they open and close every draft of a job, between
 * the notes (emptied past a thousand).
 */
const checkedParts = new BoundedMemo<CheckedPart>();

/**
 * `check(body, { mode: 'feedback', jurisdictions })`, with the body in parts cut after its segments where the
 * checker allows (`separableAt`: the findings are the same): a part of the letter's own sentences only, after the
 * greeting, is checked once for all drafts; a part with a note's words in it is checked each time.
 */
function checkBody(
  body: string,
  spans: { start: number; end: number; segment: Segment }[],
  jurisdictions: Jurisdiction[] | undefined,
): Finding[] {
  const options = { mode: 'feedback' as const, jurisdictions };
  const scope = jurisdictions?.join(',') ?? '*';
  const parts: { part: CheckedPart; at: number }[] = [];
  let at = 0;
  let notes = false;
  const cut = (end: number) => {
    const text = body.slice(at, end);
    const part =
      notes || at === 0
        ? checkPart(text, options)
        : checkedParts.get(`${scope}\u0000${text}`, () => checkPart(text, options));
    parts.push({ part, at });
    at = end;
    notes = false;
  };
  for (const span of spans) {
    if (span.segment.evidence.length) notes = true;
    if (span.end < body.length && separableAt(body, span.end)) cut(span.end);
  }
  if (at < body.length || parts.length === 0) cut(body.length);
  return checkParts(parts, options);
}
