// The one pass over a text: hashes each word as it is read and tries the phrases that can start there, then the
// findings about the whole document. No Node APIs: the web app runs this on every keystroke.

import { type CandidateList, type Compiled, type FirstWord, NUMBER_HASH, type RuleSet } from './matching';
import { accepts, type ContextTests } from './suppression';
import type { CheckOptions, Finding, RuleData } from './types';
import { JURISDICTIONS } from './vocabulary';
import { isWordCode, LOWER } from './words';

/** The categories whose findings block sending (protected characteristics and their proxies). */
const BLOCKING = new Set(['protected', 'proxy']);
/** Longer than any phrase a pattern matches (the context analysis itself looks 240 characters either side). */
const MAX_PHRASE = 1000;

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
 * The hash of the word after `from` as a pattern's third word is read (compile/first-words.ts, wordTriples): its
 * ASCII letters and digits up to the first other character, lower-cased; -1 when the text ends first. A word that
 * starts with another letter hashes as the empty word, which no pattern's third word is.
 */
function thirdWord(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x250 && LOWER[c] !== 0) break;
    i++;
  }
  if (i === n) return -1;
  let h = 0;
  for (; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) break;
    h = (Math.imul(h, 31) + c) & 0x3fffffff;
  }
  return h;
}

/**
 * An incremental checker over a given rule set: feed it a document in segments cut at sentence or paragraph ends,
 * then call finish() for the findings about the whole document (request mode). Memory does not grow with the
 * document.
 */
export class RuleScanner {
  private readonly compiled: Compiled;
  private readonly context: ContextTests;
  private readonly signals = new Set<string>();
  private words = 0;
  /** Where the next segment starts in the whole document. */
  protected offset = 0;
  /** The end of the findings so far in this segment: a signal inside one is not read. */
  private coveredUntil = -1;

  constructor(ruleSet: RuleSet, options: CheckOptions = {}) {
    const mode = options.mode ?? 'feedback';
    const jurisdictions = options.jurisdictions?.length ? options.jurisdictions : JURISDICTIONS;
    this.compiled = ruleSet.compiled(mode, jurisdictions);
    this.context = ruleSet.context;
  }

  /** Checks the next segment; offsets in the findings count from the start of the whole document. */
  push(segment: string): Finding[] {
    const base = this.offset;
    this.offset += segment.length;
    const { byWord } = this.compiled;
    const findings: Finding[] = [];
    const n = segment.length;
    this.coveredUntil = -1;
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
      let lower = c < 0x250 ? (LOWER[c] ?? 0) : 0;
      if (lower === 0) {
        i++;
        continue;
      }
      const start = i;
      let h = 0;
      do {
        h = (Math.imul(h, 31) + lower) & 0x3fffffff; // stays a small integer: fast Map keys
        c = ++i < n ? segment.charCodeAt(i) : 32;
        lower = c < 0x250 ? (LOWER[c] ?? 0) : 0;
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
          i,
          base,
          findings,
        );
        prevStart = -1;
        if (end > start) this.coveredUntil = Math.max(this.coveredUntil, end);
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
      this.resolve(prevEntry, prevPossessive, prevNumeric, -1, false, segment, prevStart, n, base, findings);
    this.words += words;
    return findings;
  }

  /**
   * Tries what can start at a word, knowing the next word's hash (-1 at the end of the segment) and where the next
   * word ends (`after`): a long list is narrowed by the word after that (matching.ts, ThirdIndex).
   */
  private resolve(
    entry: FirstWord | undefined,
    possessive: boolean,
    numeric: boolean,
    next: number,
    nextNumeric: boolean,
    text: string,
    start: number,
    after: number,
    base: number,
    findings: Finding[],
  ): number {
    let end = -1;
    if (entry) {
      if (entry.pairs >= 0) this.compiled.expand(entry);
      let list =
        entry.bySecond?.get(next) ??
        (nextNumeric ? entry.bySecond?.get(NUMBER_HASH) : undefined) ??
        entry.singles;
      if (list?.third) list = list.third.at(next === -1 ? -1 : thirdWord(text, after));
      if (list?.length) end = this.tryAt(list, text, start, base, findings);
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
    for (const cand of cands) {
      cand.re.lastIndex = start;
      const m = cand.re.exec(text);
      if (!m) continue;
      const end = start + m[0].length;
      if (!accepts(this.context, cand.rule, text, start, end)) continue;
      // A signal only marks that something is present: it takes no words from the rules that report.
      if (cand.rule.data.signal) {
        if (start >= this.coveredUntil) this.signals.add(cand.rule.data.signal);
        continue;
      }
      // Inside an earlier finding's words a phrase of another category is reported too: "does not fit our company
      // values" is a proxy and a vague verdict; "whose experience is a better match for our team culture" a
      // comparison and a proxy.
      if (start < this.coveredUntil && !this.overlapAllowed(cand.rule.data.category, findings, start + base))
        continue;
      findings.push(makeFinding(cand.rule.data, text, start, end, base));
      return end;
    }
    return -1;
  }

  /**
   * A finding of `category` starting at `at` inside earlier findings: only of another category, and not a protected
   * characteristic inside a proxy's words or the reverse ("immigrant" in "digital immigrant" says nothing more).
   */
  private overlapAllowed(category: string, findings: Finding[], at: number): boolean {
    // Findings are in order of start, and a phrase is far shorter than MAX_PHRASE: only the last few can reach `at`.
    for (let i = findings.length - 1; i >= 0; i--) {
      const f = findings[i]!;
      if (f.start < at - MAX_PHRASE) break;
      if (f.end <= at) continue;
      if (f.category === category) return false;
      if (BLOCKING.has(category) && BLOCKING.has(f.category)) return false;
    }
    return true;
  }

  /**
   * A part of a document checked on its own, as `join` takes it: its findings (offsets from its start), the signals
   * it raised and how many words it has. Kept, it serves every document the same part is found in.
   */
  part(text: string): CheckedPart {
    const findings = this.push(text);
    return { findings, signals: [...this.signals], words: this.words };
  }

  /** A part checked earlier taken in at `at`: its signals and words counted, its findings moved there. */
  take(part: CheckedPart, at: number): Finding[] {
    for (const s of part.signals) this.signals.add(s);
    this.words += part.words;
    return part.findings.map((f) => ({ ...f, start: f.start + at, end: f.end + at }));
  }

  /** Findings about the whole document (missing thanks, too long, no reason given); they point at offset 0. */
  finish(): Finding[] {
    const out: Finding[] = [];
    if (this.words === 0) return out;
    for (const rule of this.compiled.documentRules) {
      const t = rule.data.document;
      if (
        t?.kind === 'absent' &&
        !this.signals.has(t.signal) &&
        (t.when ?? []).every((s) => this.signals.has(s))
      )
        out.push(makeFinding(rule.data, '', 0, 0, 0));
      if (t?.kind === 'maxWords' && this.words > t.limit) {
        const f = makeFinding(rule.data, '', 0, 0, 0);
        f.message = f.message.replace('{words}', String(this.words));
        out.push(f);
      }
    }
    return out;
  }
}

/** What `RuleScanner.part` keeps of a part of a document. */
export interface CheckedPart {
  readonly findings: readonly Finding[];
  readonly signals: readonly string[];
  readonly words: number;
}

/**
 * Words a phrase may take a period after ("cand.", "vs.", "St. Maartener"): a part that ends with one and its period
 * may be the start of a phrase that goes on in the next part.
 */
const DOTTED = new Set(['cand', 'vs', 'st']);

/**
 * Whether a document may be checked in two parts at `at` (text.slice(0, at) and the rest, then `joinParts`) with
 * the same findings as in one. So it may where a sentence ends: a period, '!' or '?' after a word that takes none
 * (DOTTED), then a space or a line break. No phrase of the rules reads past such an end: none takes '.', '!' or '?'
 * but the DOTTED words' periods, their look-aheads see the end itself (the same either way), and their look-behinds
 * need a word right before, which the end is not. Everything around a match that clears it is read within its
 * sentence (suppression.ts), which the part's own start or end bounds as the end of the sentence does. The part after
 * starts with the white space, so a sentence's start is where it was.
 */
export function separableAt(text: string, at: number): boolean {
  const end = text.charCodeAt(at - 1);
  if (end !== 46 && end !== 33 && end !== 63) return false;
  const next = text.charCodeAt(at);
  if (next !== 32 && next !== 10) return false;
  if (end !== 46) return true;
  let k = at - 1;
  while (k > 0 && isWordCode(text.charCodeAt(k - 1))) k--;
  return !DOTTED.has(text.slice(k, at - 1).toLowerCase());
}

/**
 * The findings of a document checked in parts cut where `separableAt` allows, each checked by `RuleScanner.part`
 * (with the same options) and given with where it starts: the same as `checkWith` of the whole.
 */
export function joinParts(
  ruleSet: RuleSet,
  parts: readonly { part: CheckedPart; at: number }[],
  options: CheckOptions = {},
): Finding[] {
  const scanner = new RuleScanner(ruleSet, options);
  const findings: Finding[] = [];
  for (const { part, at } of parts) for (const f of scanner.take(part, at)) findings.push(f);
  const whole = scanner.finish();
  return whole.length ? [...whole, ...findings].sort((a, b) => a.start - b.start) : findings;
}

/** The findings of a rule set in one text: the document's own first, then in order of position. */
export function checkWith(ruleSet: RuleSet, text: string, options: CheckOptions = {}): Finding[] {
  const scanner = new RuleScanner(ruleSet, options);
  const findings = scanner.push(text);
  const whole = scanner.finish();
  return whole.length ? [...whole, ...findings].sort((a, b) => a.start - b.start) : findings;
}
