// Sentences of a feedback body and their links to evidence. composeFeedback cuts its body with splitSentences, so
// after a reviewer edits the body, relinkEvidence can keep each surviving sentence's evidence and drop the links of
// sentences that were rewritten (their evidence no longer vouches for them).
// Pure: no I/O, browser-safe.

import type { ComposedSentence } from './compose-feedback';

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Words after which a period does not end a sentence. Compared lower-case, without the final period. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'approx',
  'incl',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'jr',
  'sr',
]);
const CLOSERS = new Set([')', ']', '"', "'", '”', '’', '»']);

function endsSentence(line: string, i: number): number {
  // line[i] is '.', '!' or '?'. Returns the exclusive end of the sentence, or -1 if it does not end here.
  let j = i + 1;
  while (j < line.length && (CLOSERS.has(line[j]!) || line[j] === '.' || line[j] === '!' || line[j] === '?'))
    j++;
  if (j < line.length && !/\s/.test(line[j]!)) return -1;
  if (line[i] === '.') {
    const word = /(?:^|[\s(])([^\s(]+)$/.exec(line.slice(0, i))?.[1] ?? '';
    const bare = word.toLowerCase();
    if (ABBREVIATIONS.has(bare)) return -1;
    if (/^[A-Z]$/.test(word)) return -1; // an initial: "J. Smith"
    if (/^\d+$/.test(word) && j < line.length && /^\s+\d/.test(line.slice(j))) return -1; // "section 3. 4"
  }
  return j;
}

/**
 * The sentences of a text, with exact offsets: text.slice(start, end) === text. A line break always ends a
 * sentence (greetings, sign-offs and paragraphs are their own units); within a line, '.', '!' or '?' followed by
 * white space does, except after common abbreviations and initials. Surrounding white space is not part of a
 * sentence; empty lines yield nothing.
 */
export function splitSentences(body: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let lineStart = 0;
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = body.length;
    const line = body.slice(lineStart, lineEnd);
    let from = 0;
    const push = (a: number, b: number) => {
      let s = a;
      let e = b;
      while (s < e && /\s/.test(line[s]!)) s++;
      while (e > s && /\s/.test(line[e - 1]!)) e--;
      if (e > s) out.push({ text: line.slice(s, e), start: lineStart + s, end: lineStart + e });
    };
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c !== '.' && c !== '!' && c !== '?') continue;
      const end = endsSentence(line, i);
      if (end === -1) continue;
      push(from, end);
      from = end;
      i = end - 1;
    }
    push(from, line.length);
    lineStart = lineEnd + 1;
  }
  return out;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The sentences of an edited body, each with the evidence of the previous sentence it still is. A sentence
 * survives when its text is unchanged (white space aside); each previous sentence is claimed at most once, in
 * order, so a repeated sentence keeps the links of its own occurrence. A rewritten or new sentence has no
 * evidence: the reviewer wrote it, and the scorecards no longer vouch for its words.
 */
export function relinkEvidence(newBody: string, previous: ComposedSentence[]): ComposedSentence[] {
  const pool = new Map<string, ComposedSentence[]>();
  for (const s of previous) {
    const key = normalize(s.text);
    const list = pool.get(key);
    if (list) list.push(s);
    else pool.set(key, [s]);
  }
  return splitSentences(newBody).map((span) => {
    const match = pool.get(normalize(span.text))?.shift();
    return { ...span, evidence: match ? match.evidence.map((e) => ({ ...e })) : [] };
  });
}
