// The checker's engine: one combined regular expression per (mode, jurisdictions) makes a single pass over the
// text; the heavier analysis (sentence bounds, negation, who or what a phrase describes, evidence of behaviour)
// runs only around a match. Compiled once per key and cached; nothing is compiled per call.
// No Node APIs here: the web app runs this on every keystroke.

import { CONTEXT, RULES } from './rules.generated';
import type { CheckOptions, Finding, Jurisdiction, Mode, RuleData } from './types';

export const ALL_JURISDICTIONS: Jurisdiction[] = ['us', 'uk', 'eu'];

interface RuntimeRule {
  data: RuleData;
  requireBefore?: RegExp;
  requireAfter?: RegExp;
  unlessBefore?: RegExp;
  unlessAfter?: RegExp;
  unlessSentence?: RegExp;
}

/** A phrase pattern, anchored (sticky) so it is tried only at a word where it can start. */
interface Candidate {
  re: RegExp;
  source: string;
  rule: RuntimeRule;
  weight: number;
}

/** The phrases that can start at one word, with one combined test that rules them all out in a single call. */
interface CandidateList {
  any: RegExp | null;
  list: Candidate[];
}

function candidateList(list: Candidate[]): CandidateList {
  list.sort((a, b) => b.weight - a.weight);
  const any = list.length > 1 ? new RegExp(`\\b(?:${list.map((c) => c.source).join('|')})\\b`, 'iy') : null;
  return { any, list };
}

interface Compiled {
  /** Word hash -> the phrases that can start with that word, longest first. */
  byWord: Map<number, CandidateList>;
  /** Phrases that start with any word followed by 's ("Maria's age"). */
  possessive: CandidateList;
  /** Phrases that start with a number ("55-year-old"). */
  numeric: CandidateList;
  documentRules: RuntimeRule[];
  /** Every first word, for the benchmark's ceiling. */
  words: string[];
}

const THING_AFTER = new RegExp(CONTEXT.thingAfter, 'i');
const THING_BEFORE = new RegExp(CONTEXT.thingBefore, 'i');
const NEGATION_BEFORE = new RegExp(CONTEXT.negationBefore, 'i');
const EVIDENCE = new RegExp(CONTEXT.evidence, 'i');
const POSSESSIVE_BEFORE = /\b(?:his|her|their|your|my)\s+$/i;

/** How far around a match the context analysis looks, in characters. */
const WINDOW = 240;

const runtime: RuntimeRule[] = RULES.map((data) => ({
  data,
  requireBefore: data.requireBefore ? new RegExp(data.requireBefore, 'i') : undefined,
  requireAfter: data.requireAfter ? new RegExp(data.requireAfter, 'i') : undefined,
  unlessBefore: data.unlessBefore ? new RegExp(data.unlessBefore, 'i') : undefined,
  unlessAfter: data.unlessAfter ? new RegExp(data.unlessAfter, 'i') : undefined,
  unlessSentence: data.unlessSentence ? new RegExp(data.unlessSentence, 'i') : undefined,
}));

/** Rough specificity: more words and more literal characters first, so the longer phrase wins at a position. */
function weight(source: string): number {
  const literal = source.replace(/\\.|\[[^\]]*\]|[()?:|*+{}^$]/g, '');
  const words = (source.match(/\\s\+/g) ?? []).length;
  return words * 1000 + literal.length;
}

/** Letters and digits (ASCII and Latin-1/Extended-A letters) make words; everything else separates them. */
function isWordCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

/** The same hash the scanner computes over a word's characters, lower-cased. */
function hashWord(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    h = (Math.imul(h, 31) + c) & 0x3fffffff;
  }
  return h;
}

const cache = new Map<string, Compiled>();

function compile(mode: Mode, jurisdictions: readonly Jurisdiction[]): Compiled {
  const key = `${mode}|${[...jurisdictions].sort().join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const applies = (r: RuntimeRule) =>
    r.data.mode === mode && r.data.jurisdictions.some((j) => jurisdictions.includes(j));
  const chosen = runtime.filter(applies);
  const byWord = new Map<number, Candidate[]>();
  const possessive: Candidate[] = [];
  const numeric: Candidate[] = [];
  const words = new Set<string>();
  for (const rule of chosen) {
    rule.data.patterns.forEach((source, i) => {
      const re = new RegExp(`\\b(?:${source})\\b`, 'iy');
      const cand: Candidate = { re, source: `(?:${source})`, rule, weight: weight(source) };
      for (const word of rule.data.triggers[i]) {
        if (word === '#poss') possessive.push(cand);
        else if (word === '#digit') numeric.push(cand);
        else {
          words.add(word);
          const h = hashWord(word);
          const list = byWord.get(h) ?? [];
          if (!list.includes(cand)) list.push(cand);
          byWord.set(h, list);
        }
      }
    });
  }
  const lists = new Map<number, CandidateList>();
  for (const [h, list] of byWord) lists.set(h, candidateList(list));
  const compiled: Compiled = {
    byWord: lists,
    possessive: candidateList(possessive),
    numeric: candidateList(numeric),
    documentRules: chosen.filter((r) => r.data.document),
    words: [...words].sort(),
  };
  cache.set(key, compiled);
  return compiled;
}

/**
 * The benchmark's practical ceiling: one combined regular expression over every word a phrase can start with, i.e.
 * the least work any matcher must do to find the candidates.
 */
export function vocabularySource(mode: Mode = 'feedback'): string {
  const quote = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = compile(mode, ALL_JURISDICTIONS).words;
  return `\\b(?:${words.map(quote).join('|')}|\\d+|[a-z]+['’]s)\\b`;
}

function isBoundary(text: string, i: number): boolean {
  // i is the index of a character that may end a sentence.
  const c = text.charCodeAt(i);
  if (c === 10 /* \n */) return true;
  if (c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 59 /* ; */) {
    const next = text.charCodeAt(i + 1);
    return Number.isNaN(next) || next === 32 || next === 10 || next === 13 || next === 9;
  }
  return false;
}

function sentenceStart(text: string, from: number, floor: number): number {
  const limit = Math.max(floor, from - WINDOW);
  for (let i = from - 1; i >= limit; i--) if (isBoundary(text, i)) return i + 1;
  return limit;
}

function sentenceEnd(text: string, from: number, ceiling: number): number {
  const limit = Math.min(ceiling, from + WINDOW);
  for (let i = from; i < limit; i++) if (isBoundary(text, i)) return i + 1;
  return limit;
}

function accepts(rule: RuntimeRule, text: string, start: number, end: number): boolean {
  const d = rule.data;
  const s0 = sentenceStart(text, start, 0);
  const s1 = sentenceEnd(text, end, text.length);
  const before = text.slice(s0, start);
  const after = text.slice(end, s1);
  if (rule.requireBefore && !rule.requireBefore.test(before)) return false;
  if (rule.requireAfter && !rule.requireAfter.test(after)) return false;
  if (rule.unlessBefore?.test(before)) return false;
  if (rule.unlessAfter?.test(after)) return false;
  if (
    d.thingCheck &&
    !POSSESSIVE_BEFORE.test(before) &&
    (THING_AFTER.test(after) || THING_BEFORE.test(before))
  ) {
    return false;
  }
  if (d.negationClears && NEGATION_BEFORE.test(before)) return false;
  if (rule.unlessSentence || d.evidenceClears) {
    const sentence = text.slice(s0, s1);
    if (rule.unlessSentence?.test(sentence)) return false;
    if (d.evidenceClears && EVIDENCE.test(sentence)) return false;
  }
  return true;
}

function makeFinding(d: RuleData, text: string, start: number, end: number, base: number): Finding {
  const matched = text.slice(start, end);
  return {
    ruleId: d.id,
    category: d.category,
    severity: d.severity,
    start: start + base,
    end: end + base,
    text: matched,
    message: d.message.replace('{text}', matched),
    suggestion: d.suggestion.replace('{text}', matched),
  };
}

/**
 * An incremental checker: feed it a document in segments cut at sentence or paragraph ends, then call finish()
 * for the findings about the whole document (request mode). Memory does not grow with the document.
 */
export class Scanner {
  private readonly compiled: Compiled;
  private readonly signals = new Set<string>();
  private words = 0;
  private offset = 0;

  constructor(options: CheckOptions = {}) {
    const mode = options.mode ?? 'feedback';
    const jurisdictions = options.jurisdictions?.length ? options.jurisdictions : ALL_JURISDICTIONS;
    this.compiled = compile(mode, jurisdictions);
  }

  /** Checks the next segment; offsets in the findings count from the start of the whole document. */
  push(segment: string): Finding[] {
    const base = this.offset;
    this.offset += segment.length;
    const { byWord, possessive, numeric } = this.compiled;
    const findings: Finding[] = [];
    const n = segment.length;
    let words = 0;
    let i = 0;
    // One pass: hash each word as it is read; at a word some phrase can start with, try those phrases there.
    while (i < n) {
      let c = segment.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      const start = i;
      let h = 0;
      do {
        if (c >= 65 && c <= 90) c |= 32;
        h = (Math.imul(h, 31) + c) & 0x3fffffff; // stays a small integer: fast Map keys
        c = ++i < n ? segment.charCodeAt(i) : 32;
      } while (isWordCode(c));
      // A word continued after an apostrophe or a hyphen ("don't", "well-organised") counts once.
      const prev = start > 1 ? segment.charCodeAt(start - 1) : 32;
      if (!((prev === 39 || prev === 0x2019 || prev === 45) && isWordCode(segment.charCodeAt(start - 2))))
        words++;
      let end = -1;
      const list = byWord.get(h);
      if (list) end = this.tryAt(list, segment, start, base, findings);
      if (end < 0 && (c === 39 || c === 0x2019) && (segment.charCodeAt(i + 1) | 32) === 115) {
        if (!isWordCode(segment.charCodeAt(i + 2)))
          end = this.tryAt(possessive, segment, start, base, findings);
      }
      const first = segment.charCodeAt(start);
      if (end < 0 && first >= 48 && first <= 57) end = this.tryAt(numeric, segment, start, base, findings);
      if (end > i) i = end;
    }
    this.words += words;
    return findings;
  }

  /** Tries phrases anchored at `start`; on the first that matches and passes its context, records it. */
  private tryAt(
    cands: CandidateList,
    text: string,
    start: number,
    base: number,
    findings: Finding[],
  ): number {
    if (cands.any) {
      cands.any.lastIndex = start;
      if (!cands.any.test(text)) return -1;
    }
    for (const cand of cands.list) {
      cand.re.lastIndex = start;
      const m = cand.re.exec(text);
      if (!m) continue;
      const end = start + m[0].length;
      if (!accepts(cand.rule, text, start, end)) continue;
      if (cand.rule.data.signal) this.signals.add(cand.rule.data.signal);
      else findings.push(makeFinding(cand.rule.data, text, start, end, base));
      return end;
    }
    return -1;
  }

  /** Findings about the whole document (missing thanks, too long); they point at offset 0. */
  finish(): Finding[] {
    const out: Finding[] = [];
    if (this.words === 0) return out;
    for (const rule of this.compiled.documentRules) {
      const t = rule.data.document!;
      if (t.kind === 'absent' && !this.signals.has(t.signal)) out.push(makeFinding(rule.data, '', 0, 0, 0));
      if (t.kind === 'maxWords' && this.words > t.limit) {
        const f = makeFinding(rule.data, '', 0, 0, 0);
        f.message = f.message.replace('{words}', String(this.words));
        out.push(f);
      }
    }
    return out;
  }
}

export function check(text: string, options: CheckOptions = {}): Finding[] {
  const scanner = new Scanner(options);
  const findings = scanner.push(text);
  const whole = scanner.finish();
  return whole.length ? [...whole, ...findings].sort((a, b) => a.start - b.start) : findings;
}

export function hasBlocking(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}

/** Every rule, for documentation and the rule-example tests. */
export function listRules(): readonly RuleData[] {
  return RULES;
}
