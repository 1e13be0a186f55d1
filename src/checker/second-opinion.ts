// The second opinion: a small statistical model (logistic regression over word unigrams and bigrams) trained on the
// checker's labelled feedback (scripts/train-second-opinion.ts writes second-opinion.generated.ts). It reads only the
// sentences no rule reported on, and where it finds one that reads like risky feedback it adds a `review` finding
// naming the words that weighed most. It never blocks: it asks a person to look again.
// No Node APIs: the web app runs this on every keystroke, so it is one pass over the characters.

import { MODEL } from './second-opinion.generated';
import type { Finding } from './types';
import { LOWER } from './words';

export const SECOND_OPINION_RULE = 'second-opinion';

/** The model's outputs: index 0 is "risky at all", then one per feedback category. */
export const OUTPUTS = ['risky', 'protected', 'proxy', 'personality', 'comparison', 'vague'] as const;
const K = OUTPUTS.length;

const DESCRIPTION: Record<string, string> = {
  protected: 'a remark about a protected characteristic',
  proxy: 'a stand-in for a protected characteristic (coded age, family, fit, appearance)',
  personality: 'a judgment of character without the behaviour behind it',
  comparison: 'a comparison with other candidates',
  vague: 'a verdict that names nothing the candidate could act on',
};

// ---- Words and features, shared with the training script ------------------------------------------------------

const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const lowerOf = (c: number) => (c < 0x250 ? (LOWER[c] ?? 0) : 0);

/**
 * A sentence ends at . ! ? ; followed by white space or the end, or at a line break. Shared with the scanner's
 * notion of a sentence (suppression.ts).
 */
function endsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 10) return true;
  if (c === 46 || c === 33 || c === 63 || c === 59) {
    const next = text.charCodeAt(i + 1);
    return Number.isNaN(next) || next === 32 || next === 10 || next === 13 || next === 9;
  }
  return false;
}

/**
 * The words of a text as the model reads them: lower-case letters and digits, an apostrophe inside a word dropped
 * ("don't" is "dont"), every number read as "0". For the training script; the engine computes the same hashes
 * without building strings.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let lower = lowerOf(text.charCodeAt(i));
    if (lower === 0) {
      i++;
      continue;
    }
    let w = '';
    let numeric = lower >= 48 && lower <= 57;
    for (;;) {
      w += String.fromCharCode(lower);
      i++;
      let c = text.charCodeAt(i);
      if (isApostrophe(c) && lowerOf(text.charCodeAt(i + 1)) !== 0) c = text.charCodeAt(++i);
      lower = i < n ? lowerOf(c) : 0;
      if (lower === 0) break;
      if (!(lower >= 48 && lower <= 57)) numeric = false;
    }
    out.push(numeric ? '0' : w);
  }
  return out;
}

/** The sentences of a text as [start, end) offsets, cut where endsSentence says. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (endsSentence(text, i)) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

/** The features of a list of words: each word, and each pair of neighbours written "a b". */
export function features(ws: readonly string[]): string[] {
  const out = [...ws];
  for (let i = 1; i < ws.length; i++) out.push(`${ws[i - 1]} ${ws[i]}`);
  return out;
}

const wordHash = (w: string) => {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) & 0x3fffffff;
  return h;
};
/** Pairs hash to negative small integers, so a pair never collides with a word and both stay fast Map keys. */
const pairHash = (a: number, b: number) => -((Math.imul(a ^ 0x2545f491, 0x9e3779b1) ^ b) & 0x3fffffff) - 1;

/** The hash the engine computes for a feature as features() writes it. */
export function featureHash(feature: string): number {
  const space = feature.indexOf(' ');
  if (space < 0) return wordHash(feature);
  return pairHash(wordHash(feature.slice(0, space)), wordHash(feature.slice(space + 1)));
}

// ---- The model ------------------------------------------------------------------------------------------------

export interface SecondOpinionModel {
  /** Probability of "risky" at or above which a sentence is reported. */
  threshold: number;
  bias: Float64Array;
  /** Feature hash -> row in `weights` (K weights a row). */
  rows: Map<number, number>;
  weights: Float64Array;
}

/**
 * Reads the generated model: one feature a line, "feature<TAB>w0,w1,...", each weight in hundredths, an empty
 * field for zero.
 */
export function parseModel(data: {
  threshold: number;
  bias: readonly number[];
  features: string;
}): SecondOpinionModel {
  const lines = data.features.split('\n').filter((l) => l.length > 0);
  const rows = new Map<number, number>();
  const weights = new Float64Array(lines.length * K);
  lines.forEach((line, row) => {
    const tab = line.indexOf('\t');
    rows.set(featureHash(line.slice(0, tab)), row);
    const ws = line.slice(tab + 1).split(',');
    for (let k = 0; k < K; k++) weights[row * K + k] = ws[k] ? Number(ws[k]) / 100 : 0;
  });
  return { threshold: data.threshold, bias: Float64Array.from(data.bias), rows, weights };
}

let model: SecondOpinionModel | undefined;
/** The shipped model, parsed on first use. */
export function shippedModel(): SecondOpinionModel {
  model ??= parseModel(MODEL);
  return model;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The model's probabilities for one text (every output), for the training script and the tests. */
export function probabilities(m: SecondOpinionModel, text: string): number[] {
  const z = Array.from(m.bias);
  for (const f of new Set(features(words(text)))) {
    const row = m.rows.get(featureHash(f));
    if (row === undefined) continue;
    for (let k = 0; k < K; k++) z[k]! += m.weights[row * K + k]!;
  }
  return z.map(sigmoid);
}

/**
 * Findings of the second opinion in `text`, given the rules' findings there: one `review` finding for each sentence
 * that no rule finding touches and that the model scores at or above its threshold. One pass over the characters:
 * each word's hash is looked up as it is read, with the pair it makes with the word before.
 */
export function secondOpinion(
  text: string,
  ruled: readonly Finding[],
  base = 0,
  m: SecondOpinionModel = shippedModel(),
): Finding[] {
  const out: Finding[] = [];
  if (m.threshold > 1) return out;
  const { rows, weights, bias } = m;
  // The rules' findings (offsets from `base`), by start, to skip any sentence one of them touches.
  const spans = ruled
    .filter((f) => f.end > f.start)
    .map((f) => ({ start: f.start - base, end: f.end - base }))
    .sort((a, b) => a.start - b.start);
  let next = 0;
  let maxEnd = -1;
  const n = text.length;
  const z = new Float64Array(K);
  const seen = new Set<number>();
  let sentenceStart = 0;
  let prev = -1;
  let wordCount = 0;
  const close = (end: number) => {
    // Rule findings that start before the end of this sentence: is any still open inside it?
    let touched = maxEnd > sentenceStart;
    while (next < spans.length && spans[next]!.start < end) {
      const f = spans[next++]!;
      if (f.end > sentenceStart) touched = true;
      if (f.end > maxEnd) maxEnd = f.end;
    }
    if (!touched && wordCount > 0) {
      if (sigmoid(bias[0]! + z[0]!) >= m.threshold) out.push(finding(m, text, sentenceStart, end, base));
    }
    z.fill(0);
    seen.clear();
    prev = -1;
    wordCount = 0;
    sentenceStart = end;
  };
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    let lower = lowerOf(c0);
    if (lower === 0) {
      if (endsSentence(text, i)) close(i + 1);
      i++;
      continue;
    }
    let h = 0;
    let numeric = true;
    for (;;) {
      if (lower < 48 || lower > 57) numeric = false;
      h = (Math.imul(h, 31) + lower) & 0x3fffffff;
      i++;
      let c = text.charCodeAt(i);
      if (isApostrophe(c) && lowerOf(text.charCodeAt(i + 1)) !== 0) c = text.charCodeAt(++i);
      lower = i < n ? lowerOf(c) : 0;
      if (lower === 0) break;
    }
    if (numeric) h = 48; // every number reads as "0"
    wordCount++;
    add(rows, weights, z, seen, h);
    if (prev >= 0) add(rows, weights, z, seen, pairHash(prev, h));
    prev = h;
  }
  if (sentenceStart < n) close(n);
  return out;
}

function add(
  rows: Map<number, number>,
  weights: Float64Array,
  z: Float64Array,
  seen: Set<number>,
  h: number,
) {
  const row = rows.get(h);
  if (row === undefined || seen.has(h)) return;
  seen.add(h);
  for (let k = 0; k < K; k++) z[k]! += weights[row * K + k]!;
}

/** The finding for a sentence the model reports, with its category and the words that weighed most. */
function finding(m: SecondOpinionModel, text: string, start: number, end: number, base: number): Finding {
  // Trim the sentence to its words.
  while (start < end && lowerOf(text.charCodeAt(start)) === 0) start++;
  let last = end;
  while (last > start && /\s/.test(text[last - 1]!)) last--;
  const sentence = text.slice(start, last);
  const z = Array.from(m.bias);
  const contributions = new Map<string, number>();
  for (const f of new Set(features(words(sentence)))) {
    const row = m.rows.get(featureHash(f));
    if (row === undefined) continue;
    for (let k = 0; k < K; k++) z[k]! += m.weights[row * K + k]!;
    contributions.set(f, m.weights[row * K]!);
  }
  let best = 1;
  for (let k = 2; k < K; k++) if (z[k]! > z[best]!) best = k;
  const category = OUTPUTS[best]!;
  const top = [...contributions]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([f]) => `“${f}”`);
  const because = top.length ? ` (mostly ${top.join(', ')})` : '';
  return {
    ruleId: SECOND_OPINION_RULE,
    category,
    severity: 'review',
    start: start + base,
    end: last + base,
    text: sentence,
    message: `This sentence reads like ${DESCRIPTION[category]}${because} to a model trained on labelled feedback, though no rule matched; review it.`,
    suggestion:
      'If it judges the person rather than what they did, say what they did and what the role needed; if it is fine, leave it.',
  };
}
