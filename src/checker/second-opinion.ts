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
 * Personal pronouns are not read at all. Gendered ones, so the model cannot learn to be more suspicious of a sentence
 * about a woman (or a man) than of the same sentence about anyone: "She missed three errors" and "He missed three
 * errors" score alike (sex itself is the rules' business, protected.yaml). And all of them, because in the labelled
 * sets notes about "she" or "they" are more often risky than feedback addressed to "you", which says nothing about
 * the sentence.
 */
const PRONOUNS = new Set(
  (
    'i me my mine myself you your yours yourself yourselves he him his himself she her hers herself they them ' +
    'their theirs themselves we us our ours ourselves'
  ).split(' '),
);

/**
 * The words of a text as the model reads them: lower-case letters and digits, an apostrophe inside a word dropped
 * ("don't" is "dont"), every number read as "0", personal pronouns left out (PRONOUNS). For the training script; the
 * engine computes the same hashes without building strings.
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
    if (numeric) out.push('0');
    else if (!PRONOUNS.has(w)) out.push(w);
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

/**
 * Words that say nothing alone: in a few hundred labelled sentences they pick up the style of whoever wrote the
 * risky ones ("a", "is", "so"), so they count only next to a word that is not one of them ("is too", "a bit").
 * The engine needs no list: a feature training never makes has no weight.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the is are was were be been being am so to of and or in on at for with as by that this these those it ' +
    'its there here has have had do does did will would can could should may might from but if then into about ' +
    'what which who whom when where while just also any some'
  ).split(' '),
);

/** The features of a list of words: each word (but FUNCTION_WORDS), and each pair of neighbours written "a b". */
export function features(ws: readonly string[]): string[] {
  const out = ws.filter((w) => !FUNCTION_WORDS.has(w));
  for (let i = 1; i < ws.length; i++)
    if (!FUNCTION_WORDS.has(ws[i - 1]!) || !FUNCTION_WORDS.has(ws[i]!)) out.push(`${ws[i - 1]} ${ws[i]}`);
  return out;
}

const wordHash = (w: string) => {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) & 0x3fffffff;
  return h;
};
/** PRONOUNS by hash, for the engine's loop. */
const PRONOUN_HASHES = new Set([...PRONOUNS].map(wordHash));
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
  /** The same index as an open-addressing table for the hot loop: keys, and row + 1 (0 for an empty slot). */
  keys: Int32Array;
  slots: Int32Array;
  /** The "risky" weight of each row, for the hot loop. */
  risky: Float64Array;
}

const mix = (h: number, shift: number) => Math.imul(h, 0x9e3779b1) >>> shift;

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
  const risky = new Float64Array(lines.length);
  let bits = 4;
  while (1 << bits < lines.length * 4) bits++;
  const keys = new Int32Array(1 << bits);
  const slots = new Int32Array(1 << bits);
  const mask = (1 << bits) - 1;
  lines.forEach((line, row) => {
    const tab = line.indexOf('\t');
    const h = featureHash(line.slice(0, tab));
    rows.set(h, row);
    let at = mix(h, 32 - bits);
    while (slots[at] !== 0) at = (at + 1) & mask;
    keys[at] = h;
    slots[at] = row + 1;
    const ws = line.slice(tab + 1).split(',');
    for (let k = 0; k < K; k++) weights[row * K + k] = ws[k] ? Number(ws[k]) / 100 : 0;
    risky[row] = weights[row * K]!;
  });
  return { threshold: data.threshold, bias: Float64Array.from(data.bias), rows, weights, keys, slots, risky };
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
 * Findings of the second opinion in `text`, given the rules' findings there (offsets from `base`): one `review`
 * finding for each sentence that no rule finding touches and that the model scores at or above its threshold. One
 * pass over the characters: each word's hash is looked up as it is read, with the pair it makes with the word
 * before; only "risky" is summed there, the category is worked out for a reported sentence alone.
 */
export function secondOpinion(
  text: string,
  ruled: readonly Finding[],
  base = 0,
  m: SecondOpinionModel = shippedModel(),
): Finding[] {
  const out: Finding[] = [];
  if (m.threshold > 1) return out;
  const { keys, slots, risky } = m;
  const mask = keys.length - 1;
  const shift = 32 - Math.log2(keys.length);
  // The score at the threshold, so the loop compares sums and never calls exp.
  const needed = Math.log(m.threshold / (1 - m.threshold)) - m.bias[0]!;
  // The rules' findings, by start, to skip any sentence one of them touches.
  const spans = ruled.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start);
  let next = 0;
  let maxEnd = -1;
  const n = text.length;
  // A feature counts once a sentence: the sentence number that last counted each row.
  const stamp = new Int32Array(risky.length);
  let sentence = 1;
  let z = 0;
  let sentenceStart = 0;
  let prev = -1;
  let wordCount = 0;
  const close = (end: number) => {
    // Rule findings that start before the end of this sentence: is any still open inside it?
    let touched = maxEnd > sentenceStart;
    while (next < spans.length && spans[next]!.start - base < end) {
      const f = spans[next++]!;
      if (f.end - base > sentenceStart) touched = true;
      if (f.end - base > maxEnd) maxEnd = f.end - base;
    }
    if (!touched && wordCount > 0 && z >= needed) out.push(finding(m, text, sentenceStart, end, base));
    sentence++;
    z = 0;
    prev = -1;
    wordCount = 0;
    sentenceStart = end;
  };
  let i = 0;
  while (i < n) {
    let lower = lowerOf(text.charCodeAt(i));
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
    if (numeric)
      h = 48; // every number reads as "0"
    else if (PRONOUN_HASHES.has(h)) continue;
    wordCount++;
    let row = rowOf(keys, slots, mask, shift, h);
    if (row >= 0 && stamp[row] !== sentence) {
      stamp[row] = sentence;
      z += risky[row]!;
    }
    if (prev >= 0) {
      row = rowOf(keys, slots, mask, shift, pairHash(prev, h));
      if (row >= 0 && stamp[row] !== sentence) {
        stamp[row] = sentence;
        z += risky[row]!;
      }
    }
    prev = h;
  }
  if (sentenceStart < n) close(n);
  return out;
}

/** The row of a feature hash in the open-addressing table, or -1. */
function rowOf(keys: Int32Array, slots: Int32Array, mask: number, shift: number, h: number): number {
  let at = mix(h, shift);
  for (;;) {
    const row = slots[at]!;
    if (row === 0) return -1;
    if (keys[at] === h) return row - 1;
    at = (at + 1) & mask;
  }
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
  const because = top.length ? ` (the words that weighed most: ${top.join(', ')})` : '';
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
