// The checker's engine: one combined regular expression per (mode, jurisdictions) makes a single pass over the
// text; the heavier analysis (sentence bounds, negation, who or what a phrase describes, evidence of behaviour)
// runs only around a match. Compiled once per key and cached; nothing is compiled per call.
// No Node APIs here: the web app runs this on every keystroke.

import { CONTEXT, RULES } from './rules.generated';
import type { CheckOptions, Finding, Jurisdiction, Mode, RuleData } from './types';
import { JURISDICTIONS } from './vocabulary';

export const ALL_JURISDICTIONS: readonly Jurisdiction[] = JURISDICTIONS;

interface RuntimeRule {
  data: RuleData;
  requireBefore?: RegExp;
  requireAfter?: RegExp;
  unlessBefore?: RegExp;
  unlessAfter?: RegExp;
  unlessSentence?: RegExp;
  requireAfterCased?: RegExp;
}

/** A phrase pattern, anchored (sticky) so it is tried only at a word where it can start. */
interface Candidate {
  id: number;
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

/** Lists are shared between the words that lead to the same phrases ("she was", "he is" ...). */
function candidateList(list: Candidate[], shared: Map<string, CandidateList>): CandidateList {
  list.sort((a, b) => b.weight - a.weight || a.id - b.id);
  const key = list.map((c) => c.id).join(',');
  const hit = shared.get(key);
  if (hit) return hit;
  const any = list.length > 1 ? new RegExp(`\\b(?:${list.map((c) => c.source).join('|')})\\b`, 'iy') : null;
  const made = { any, list };
  shared.set(key, made);
  return made;
}

/** What can start at one word: phrases indexed by the word alone, and phrases indexed by the word and the next. */
interface FirstWord {
  singles: CandidateList | null;
  /** Next word's hash -> the singles and the pairs for that next word, merged, longest first. */
  bySecond: Map<number, CandidateList> | null;
}

interface Compiled {
  byWord: Map<number, FirstWord>;
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
const NAMES = new Set(CONTEXT.names.split('|'));
const CAPITAL_NAMES = new Set(CONTEXT.capitalNames.split('|'));
const NAME_BEFORE = new RegExp(CONTEXT.nameBefore, 'i');
const SURNAME_AFTER = /^[ \t]+(?!I\b)[A-Z][a-z]/;
const ALONE_AFTER = /^[ \t]*(?:,|\r?\n|$)/;
const HAS_WORD = /[A-Za-z0-9]/;

/** How far around a match the context analysis looks, in characters. */
const WINDOW = 240;

const runtime: RuntimeRule[] = RULES.map((data) => ({
  data,
  requireBefore: data.requireBefore ? new RegExp(data.requireBefore, 'i') : undefined,
  requireAfter: data.requireAfter ? new RegExp(data.requireAfter, 'i') : undefined,
  unlessBefore: data.unlessBefore ? new RegExp(data.unlessBefore, 'i') : undefined,
  unlessAfter: data.unlessAfter ? new RegExp(data.unlessAfter, 'i') : undefined,
  unlessSentence: data.unlessSentence ? new RegExp(data.unlessSentence, 'i') : undefined,
  requireAfterCased: data.requireAfterCased ? new RegExp(data.requireAfterCased) : undefined,
}));

/** Rough specificity: more words and more literal characters first, so the longer phrase wins at a position. */
function weight(source: string): number {
  const literal = source.replace(/\\.|\[[^\]]*\]|[()?:|*+{}^$]/g, '');
  const words = (source.match(/\\s\+/g) ?? []).length;
  return words * 1000 + literal.length;
}

/**
 * Letters and digits (ASCII and Latin-1/Extended-A letters) make words; everything else separates them. The table
 * maps a word character to its lower-case code (0 for a separator), so the scanner does one lookup a character.
 */
const LOWER = new Uint16Array(0x250);
for (let c = 0; c < 0x250; c++) {
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)) LOWER[c] = c;
  else if (c >= 65 && c <= 90) LOWER[c] = c | 32;
}
function isWordCode(c: number): boolean {
  return c < 0x250 && LOWER[c] !== 0;
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

const NUMBER_HASH = hashWord('#digit');

const cache = new Map<string, Compiled>();

function compile(mode: Mode, jurisdictions: readonly Jurisdiction[]): Compiled {
  const key = `${mode}|${[...jurisdictions].sort().join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const applies = (r: RuntimeRule) =>
    r.data.mode === mode && r.data.jurisdictions.some((j) => jurisdictions.includes(j));
  const chosen = runtime.filter(applies);
  let nextId = 0;
  const shared = new Map<string, CandidateList>();
  const singles = new Map<number, Candidate[]>();
  const pairs = new Map<number, Map<number, Candidate[]>>();
  const possessive: Candidate[] = [];
  const numeric: Candidate[] = [];
  const words = new Set<string>();
  const add = <K>(map: Map<K, Candidate[]>, key: K, cand: Candidate) => {
    const list = map.get(key) ?? [];
    if (!list.includes(cand)) list.push(cand);
    map.set(key, list);
  };
  for (const rule of chosen) {
    rule.data.patterns.forEach((source, i) => {
      const re = new RegExp(`\\b(?:${source})\\b`, 'iy');
      const cand: Candidate = { id: nextId++, re, source: `(?:${source})`, rule, weight: weight(source) };
      for (const trigger of rule.data.triggers[i]) {
        if (trigger === '#poss') possessive.push(cand);
        else if (trigger === '#digit') numeric.push(cand);
        else {
          const [first, second] = trigger.split(' ');
          words.add(first);
          if (second === undefined) add(singles, hashWord(first), cand);
          else {
            const h = hashWord(first);
            if (!pairs.has(h)) pairs.set(h, new Map());
            add(pairs.get(h)!, hashWord(second), cand);
          }
        }
      }
    });
  }
  const byWord = new Map<number, FirstWord>();
  for (const h of new Set([...singles.keys(), ...pairs.keys()])) {
    const alone = singles.get(h) ?? [];
    const second = pairs.get(h);
    let bySecond: Map<number, CandidateList> | null = null;
    if (second) {
      bySecond = new Map();
      for (const [h2, list] of second)
        bySecond.set(h2, candidateList([...new Set([...alone, ...list])], shared));
    }
    byWord.set(h, { singles: alone.length ? candidateList([...alone], shared) : null, bySecond });
  }
  const compiled: Compiled = {
    byWord,
    possessive: candidateList(possessive, shared),
    numeric: candidateList(numeric, shared),
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

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/**
 * Whether the word at [ws, we) is a person's name rather than the trigger word it spells ("Dear Sue," not "sue";
 * "Dr Young" not "young"; "This is Christian, our lead"). A title or a greeting or sign-off before it makes any
 * listed word a name; for words a trigger uses in lower case, so does a capital in mid-sentence, a capitalised word
 * after it ("Sue Chen"), or standing alone or as a vocative at the start of a line ("Sue, thank you").
 */
function isName(text: string, ws: number, we: number, s0: number): boolean {
  const word = text.slice(ws, we).toLowerCase();
  if (!NAMES.has(word)) return false;
  if (NAME_BEFORE.test(text.slice(Math.max(s0, ws - 40), ws))) return true;
  if (!CAPITAL_NAMES.has(word) || !isUpper(text.charCodeAt(ws)) || !isLower(text.charCodeAt(ws + 1)))
    return false;
  const lead = text.slice(s0, ws);
  if (HAS_WORD.test(lead) && !/[:"“(]\s*$/.test(lead)) return true;
  const after = text.slice(we, we + 24);
  return SURNAME_AFTER.test(after) || ALONE_AFTER.test(after);
}

/** Whether any word of the match is a name (see isName). */
function namesPerson(text: string, start: number, end: number, s0: number): boolean {
  let i = start;
  while (i < end) {
    while (i < end && !isWordCode(text.charCodeAt(i))) i++;
    const ws = i;
    while (i < end && isWordCode(text.charCodeAt(i))) i++;
    if (i > ws && isName(text, ws, i, s0)) return true;
  }
  return false;
}

function accepts(rule: RuntimeRule, text: string, start: number, end: number): boolean {
  const d = rule.data;
  const s0 = sentenceStart(text, start, 0);
  const s1 = sentenceEnd(text, end, text.length);
  if (namesPerson(text, start, end, s0)) return false;
  const before = text.slice(s0, start);
  const after = text.slice(end, s1);
  if (rule.requireBefore && !rule.requireBefore.test(before)) return false;
  if (rule.requireAfter && !rule.requireAfter.test(after)) return false;
  if (rule.requireAfterCased && !rule.requireAfterCased.test(after)) return false;
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
    const { byWord } = this.compiled;
    const findings: Finding[] = [];
    const n = segment.length;
    let words = 0;
    let i = 0;
    // One pass: hash each word as it is read. A word some phrase can start with is resolved when the next word is
    // known, so a common first word ("the", "you") costs a lookup, and regular expressions run only where the first
    // two words fit.
    let prevStart = -1;
    let prevEntry: FirstWord | undefined;
    let prevPossessive = false;
    let prevNumeric = false;
    while (i < n) {
      let c = segment.charCodeAt(i);
      let lower = c < 0x250 ? LOWER[c] : 0;
      if (lower === 0) {
        i++;
        continue;
      }
      const start = i;
      let h = 0;
      do {
        h = (Math.imul(h, 31) + lower) & 0x3fffffff; // stays a small integer: fast Map keys
        c = ++i < n ? segment.charCodeAt(i) : 32;
        lower = c < 0x250 ? LOWER[c] : 0;
      } while (lower !== 0);
      // A word continued after an apostrophe or a hyphen ("don't", "well-organised") counts once.
      const prev = start > 1 ? segment.charCodeAt(start - 1) : 32;
      if (!((prev === 39 || prev === 0x2019 || prev === 45) && isWordCode(segment.charCodeAt(start - 2))))
        words++;
      const first = segment.charCodeAt(start);
      const numericWord = first >= 48 && first <= 57;
      if (prevStart >= 0) {
        const end = this.resolve(
          prevEntry,
          prevPossessive,
          prevNumeric,
          h,
          numericWord,
          segment,
          prevStart,
          base,
          findings,
        );
        prevStart = -1;
        if (end > start) {
          i = end;
          continue;
        }
      }
      const entry = byWord.get(h);
      const possessive =
        (c === 39 || c === 0x2019) &&
        (segment.charCodeAt(i + 1) | 32) === 115 &&
        !isWordCode(segment.charCodeAt(i + 2));
      if (entry || possessive || numericWord) {
        prevStart = start;
        prevEntry = entry;
        prevPossessive = possessive;
        prevNumeric = numericWord;
      }
    }
    if (prevStart >= 0)
      this.resolve(prevEntry, prevPossessive, prevNumeric, -1, false, segment, prevStart, base, findings);
    this.words += words;
    return findings;
  }

  /** Tries what can start at a word, knowing the next word's hash (-1 at the end of the segment). */
  private resolve(
    entry: FirstWord | undefined,
    possessive: boolean,
    numeric: boolean,
    next: number,
    nextNumeric: boolean,
    text: string,
    start: number,
    base: number,
    findings: Finding[],
  ): number {
    let end = -1;
    if (entry) {
      const list =
        entry.bySecond?.get(next) ??
        (nextNumeric ? entry.bySecond?.get(NUMBER_HASH) : undefined) ??
        entry.singles;
      if (list) end = this.tryAt(list, text, start, base, findings);
    }
    if (end < 0 && possessive) end = this.tryAt(this.compiled.possessive, text, start, base, findings);
    if (end < 0 && numeric) end = this.tryAt(this.compiled.numeric, text, start, base, findings);
    return end;
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

// Compile the default rule set (feedback mode, every jurisdiction) at module load, and run it once over the most
// common openings so V8 has compiled their regular expressions before the first keystroke.
new Scanner().push(
  'She was not. He is a. You were the. They are. The candidate is. I think she seemed. Your age. His English. ' +
    'Not the right fit. Another candidate. We went with. Came across as. It was not. We decided to. Felt a bit.',
);

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
