// What clears a match once a phrase has matched: the sentence around it, a person's name spelled like a trigger
// word, a thing the phrase describes ("native app"), a negation, observed behaviour, and each rule's own context
// tests. Runs only around a match. No Node APIs: the browser loads this.

import type { RuleData } from './types';
import { isWordCode } from './words';

/** The context tests shared by every rule, as compiled from context.yaml. */
export type ContextSources = Record<
  | 'thingSkip'
  | 'thingWord'
  | 'thingBefore'
  | 'negationBefore'
  | 'evidence'
  | 'names'
  | 'nameBefore'
  | 'capitalNames',
  string
>;

export interface ContextTests {
  /** Words that may not come between a phrase and the thing it modifies (function words, pronouns). */
  thingSkip: Set<string>;
  /** A thing's noun at the start of the text: "app", "insurance", "booking flow". */
  thingWord: RegExp;
  thingBefore: RegExp;
  negationBefore: RegExp;
  evidence: RegExp;
  names: Set<string>;
  capitalNames: Set<string>;
  nameBefore: RegExp;
}

export function contextTests(sources: ContextSources): ContextTests {
  return {
    thingSkip: new Set(sources.thingSkip.split('|')),
    thingWord: new RegExp(`^${sources.thingWord}\\b`, 'i'),
    thingBefore: new RegExp(sources.thingBefore, 'i'),
    negationBefore: new RegExp(sources.negationBefore, 'i'),
    evidence: new RegExp(sources.evidence, 'gi'),
    names: new Set(sources.names.split('|')),
    capitalNames: new Set(sources.capitalNames.split('|')),
    nameBefore: new RegExp(sources.nameBefore, 'i'),
  };
}

/** A rule with its context tests compiled. */
export interface RuntimeRule {
  data: RuleData;
  requireBefore?: RegExp;
  requireAfter?: RegExp;
  unlessBefore?: RegExp;
  unlessAfter?: RegExp;
  unlessSentence?: RegExp;
  /** unlessSentence with the global flag, to look at each place it matches. */
  unlessSentenceAll?: RegExp;
  requireAfterCased?: RegExp;
}

export function runtimeRule(data: RuleData): RuntimeRule {
  return {
    data,
    requireBefore: data.requireBefore ? new RegExp(data.requireBefore, 'i') : undefined,
    requireAfter: data.requireAfter ? new RegExp(data.requireAfter, 'i') : undefined,
    unlessBefore: data.unlessBefore ? new RegExp(data.unlessBefore, 'i') : undefined,
    unlessAfter: data.unlessAfter ? new RegExp(data.unlessAfter, 'i') : undefined,
    unlessSentence: data.unlessSentence ? new RegExp(data.unlessSentence, 'i') : undefined,
    unlessSentenceAll: data.unlessSentence ? new RegExp(data.unlessSentence, 'gi') : undefined,
    requireAfterCased: data.requireAfterCased ? new RegExp(data.requireAfterCased) : undefined,
  };
}

const POSSESSIVE_BEFORE = /\b(?:his|her|their|your|my)\s+$/i;
const SURNAME_AFTER = /^[ \t]+(?!I\b)[A-Z][a-z]/;
const ALONE_AFTER = /^[ \t]*(?:,|\r?\n|$)/;
const HAS_WORD = /[A-Za-z0-9]/;

/** How far around a match the context analysis looks, in characters. */
const WINDOW = 240;

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
function isName(ctx: ContextTests, text: string, ws: number, we: number, s0: number): boolean {
  const word = text.slice(ws, we).toLowerCase();
  if (!ctx.names.has(word)) return false;
  if (ctx.nameBefore.test(text.slice(Math.max(s0, ws - 40), ws))) return true;
  if (!ctx.capitalNames.has(word) || !isUpper(text.charCodeAt(ws)) || !isLower(text.charCodeAt(ws + 1)))
    return false;
  const lead = text.slice(s0, ws);
  if (HAS_WORD.test(lead) && !/[:"\u201c(]\s*$/.test(lead)) return true;
  const after = text.slice(we, we + 24);
  return SURNAME_AFTER.test(after) || ALONE_AFTER.test(after);
}

/** Whether any word of the match is a name (see isName). */
function namesPerson(ctx: ContextTests, text: string, start: number, end: number, s0: number): boolean {
  let i = start;
  while (i < end) {
    while (i < end && !isWordCode(text.charCodeAt(i))) i++;
    const ws = i;
    while (i < end && isWordCode(text.charCodeAt(i))) i++;
    if (i > ws && isName(ctx, text, ws, i, s0)) return true;
  }
  return false;
}

const LEAD = /^(?:\s+|-|\u2013)/;
const SKIPPED = /^([a-z]+)(?:\s+|-)/i;

/**
 * Whether the phrase modifies a thing named just after it: "disability insurance product", "maternity-leave booking
 * flow". After a space or a hyphen, up to two words may come before the thing's noun, none of them in thingSkip.
 */
function thingAfter(ctx: ContextTests, after: string): boolean {
  const lead = LEAD.exec(after);
  if (!lead) return false;
  let rest = after.slice(lead[0].length);
  for (let skipped = 0; ; skipped++) {
    if (ctx.thingWord.test(rest)) return true;
    if (skipped === 2) return false;
    const word = SKIPPED.exec(rest);
    if (!word || ctx.thingSkip.has(word[1]!.toLowerCase())) return false;
    rest = rest.slice(word[0].length);
  }
}

/** Whether a match of the rule at [start, end) stands, given its sentence. */
export function accepts(
  ctx: ContextTests,
  rule: RuntimeRule,
  text: string,
  start: number,
  end: number,
): boolean {
  const d = rule.data;
  const s0 = sentenceStart(text, start, 0);
  const s1 = sentenceEnd(text, end, text.length);
  if (namesPerson(ctx, text, start, end, s0)) return false;
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
    (thingAfter(ctx, after) || ctx.thingBefore.test(before))
  ) {
    return false;
  }
  if (d.negationClears && ctx.negationBefore.test(before)) return false;
  if (rule.unlessSentence || d.evidenceClears) {
    const sentence = text.slice(s0, s1);
    if (rule.unlessSentence?.test(sentence) && clears(rule.unlessSentenceAll!, sentence, start - s0))
      return false;
    if (d.evidenceClears && hasEvidence(ctx.evidence, sentence, start - s0, end - s0)) return false;
  }
  return true;
}

/** A word that gives a cause: what follows it in the same clause is the reason. */
const CAUSE = /^(?:because|since|given|due to|as)\b/i;
/** A break between clauses: a comma, a colon, a semicolon, a dash or a bracket. */
const CLAUSE_BREAK = /[,;:\u2013\u2014(]|\s-\s/;

/**
 * Whether a rule's unlessSentence (`all`, global) clears the match starting at `start` in the sentence. A word of
 * cause clears it only when the match is not itself the cause it introduces: "because you could not explain the
 * retry logic, the interview was weak" clears; "he was rejected because he was not a good fit" does not, the
 * verdict being the reason given.
 */
function clears(all: RegExp, sentence: string, start: number): boolean {
  all.lastIndex = 0;
  for (let m = all.exec(sentence); m; m = all.exec(sentence)) {
    if (m[0].length === 0) all.lastIndex++;
    const end = m.index + m[0].length;
    const introducesTheMatch =
      end <= start && CAUSE.test(m[0].trim()) && !CLAUSE_BREAK.test(sentence.slice(end, start));
    if (!introducesTheMatch) return true;
  }
  return false;
}

/**
 * A verb of saying that reports someone else's judgment of the person rather than something the person did: "the
 * manager told her she was too aggressive", "he said she seemed arrogant", "wrote that he was lazy", "I was told I
 * lacked confidence", "described him as abrasive". Its object (if any) and a person as the subject of the clause
 * it introduces follow it.
 */
const REPORTING = /^(?:said|told|wrote|replied|answered|called)$/i;
const REPORTED_CLAUSE =
  /^,?\s*["\u201c]?\s*(?:(?:me|him|her|us|them|you|the (?:candidate|applicant|interviewee))\s+)?(?:that\s+)?(?:(?:i|he|she|they|you|we|the (?:candidate|applicant|interviewee))\b|as\b)/i;
/** Only quotes, articles and "as" between a verb of saying and the match: "called her “abrasive”", "called him a". */
const REPORTED_WORD = /^[\s,:"\u201c]*(?:(?:a|an|as|that|being|so)\s+)*["\u201c]?$/i;

/**
 * Whether the sentence (`sentence`, the match at [start, end) in it) describes an observed act of the person. A
 * verb of saying before the match that introduces the clause the match is in reports a judgment and is not
 * evidence; nor is a quotation that is the match itself ("called him “lazy”").
 */
function hasEvidence(evidence: RegExp, sentence: string, start: number, end: number): boolean {
  evidence.lastIndex = 0;
  for (let m = evidence.exec(sentence); m; m = evidence.exec(sentence)) {
    const at = m.index;
    const after = at + m[0].length;
    if (m[0].length === 0) evidence.lastIndex++;
    const reports =
      after <= start &&
      REPORTING.test(m[0].split(/\s/)[0]!) &&
      (REPORTED_CLAUSE.test(sentence.slice(after)) || REPORTED_WORD.test(sentence.slice(after, start)));
    const quote = /^["\u201c]/.test(m[0]);
    // A quotation is what the person said only when it has words of its own: not the match itself ("called him
    // “lazy”"), nor the gap between two quoted words ("“difficult” and “bossy”").
    const quotesTheMatch = quote && at <= start && after >= end;
    const tooShort = quote && (m[0].match(/[a-z\u2019']+/gi)?.length ?? 0) < 2;
    if (!reports && !quotesTheMatch && !tooShort) return true;
  }
  return false;
}
