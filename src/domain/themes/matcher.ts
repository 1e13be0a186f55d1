// The theme matcher over a vocabulary: which improvement themes a piece of feedback names. Pure and deterministic:
// no I/O, no clock; browser-safe.
//
// Vocabulary (themes.yaml). Each theme has two kinds of phrases, matched case-insensitively in one pass over the text:
// - GAP phrases say by themselves that something fell short ("missed two typos", "hard to follow", "unprepared",
//   "someone with more years", "the role was filled internally"). They count unless negated just before ("did not
//   seem unprepared").
// - TOPIC phrases only name an area ("system design", "communication", "attention to detail"). They count only when
//   their clause says it fell short (missed, lacked, not, below, gap, improve, work on, ...) or states it as a
//   requirement, and never in a clause of praise ("great communication, but ..."; "the one thing you did best was
//   communication"). A clause is cut at "but", "however", "although", ";" and ":"; with no cue in the clause, the
//   sentence decides (a shortfall and no praise).
// The words of shortfall, praise, requirement, negation and the clause breaks are data too (cues.yaml).
// Single words that are everyday English ("detail", "test", "lead", "design") are never topics on their own: "I
// will detail my plan" names no theme.

import { weight } from '../../checker/words';
import { splitSentences } from '../text';
import type { ThemeCues, ThemeData } from './types';

/** The cues as the matcher runs them. */
interface Cues {
  /** A clause says something fell short. */
  shortfall: RegExp;
  /** A clause that clears the area ("no concerns about your communication", "couldn't fault"). */
  noConcern: RegExp;
  /** A clause states a requirement (composer drafts: "Testing is a requirement of this role"). */
  requirement: RegExp;
  /** A clause praises. */
  praise: RegExp;
  /** A negation just before a gap phrase clears it ("did not seem unprepared"; not "did not cover what happens when"). */
  negated: RegExp;
  /** Where a sentence divides into clauses. */
  clauseBreak: RegExp;
}

const words = (list: readonly string[]) => `\\b(?:${list.join('|')})\\b`;
const endings = (list: readonly string[]) => (list.length ? [`(?:${list.join('|')})\\b`] : []);

/** The regular expressions of cues.yaml: whole words, word endings, the words between a negation and a phrase. */
export function cueExpressions(cues: ThemeCues): Cues {
  const { negation, clauseBreaks } = cues;
  const negator = [`\\b(?:${negation.words.join('|')})`, ...negation.endings.map((e) => `(?:${e})`)];
  return {
    shortfall: new RegExp([words(cues.shortfall.words), ...endings(cues.shortfall.endings)].join('|'), 'i'),
    noConcern: new RegExp(words(cues.noConcern), 'i'),
    requirement: new RegExp(words(cues.requirement), 'i'),
    praise: new RegExp(words(cues.praise), 'i'),
    negated: new RegExp(`(?:${negator.join('|')})\\s+(?:(?:${negation.between.join('|')})\\s+){0,2}$`, 'i'),
    clauseBreak: new RegExp([...clauseBreaks.marks, `,?\\s+${words(clauseBreaks.words)}`].join('|'), 'gi'),
  };
}

interface Alternative {
  theme: string;
  kind: 'gap' | 'topic';
  source: string;
}

/** A phrase as the matcher runs it: a space stands for any white space. */
const expand = (source: string) => source.replace(/ /g, '\\s+');

export interface ThemeMatch {
  theme: string;
  /** The sentence that matched; text.slice(start, end) === evidence. */
  evidence: string;
  start: number;
  end: number;
  /** The phrase that matched, inside the sentence. */
  phrase: { text: string; start: number; end: number };
}

interface Span {
  start: number;
  end: number;
}

/** The clause of sentence s (offsets in text) around [at, atEnd). */
function clauseAround(cues: Cues, text: string, s: Span, at: number, atEnd: number): Span {
  const sentence = text.slice(s.start, s.end);
  let from = s.start;
  let to = s.end;
  const breaks = cues.clauseBreak;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(sentence); m !== null; m = breaks.exec(sentence)) {
    const b0 = s.start + m.index;
    const b1 = b0 + m[0].length;
    if (b1 <= at) from = b1;
    else if (b0 >= atEnd) {
      to = b0;
      break;
    }
  }
  return { start: from, end: to };
}

function accepts(
  cues: Cues,
  alt: Alternative,
  text: string,
  sentence: Span,
  start: number,
  end: number,
): boolean {
  const clause = clauseAround(cues, text, sentence, start, end);
  if (alt.kind === 'gap') return !cues.negated.test(text.slice(clause.start, start));
  const c = text.slice(clause.start, clause.end);
  if (cues.noConcern.test(c)) return false;
  if (cues.shortfall.test(c)) return true;
  if (cues.praise.test(c)) return false;
  if (cues.requirement.test(c)) return true;
  const s = text.slice(sentence.start, sentence.end);
  return cues.shortfall.test(s) && !cues.praise.test(s);
}

export interface ThemeMatcher {
  /**
   * The improvement themes a piece of feedback names, in the order of their first evidence: each theme at most
   * once, with the sentence it was first found in. Praise, neutral text and bare everyday words name no theme.
   */
  themesOf(text: string): ThemeMatch[];
  /** Themes a description asks for by naming them as requirements (topic phrases, no shortfall needed). */
  requestedBy(description: string): string[];
}

/** The matcher of a vocabulary: the themes in their order, each with its gap and topic phrases, and the cues. */
export function themeMatcher(themes: readonly ThemeData[], cueData: ThemeCues): ThemeMatcher {
  const cues = cueExpressions(cueData);
  const pastRole = new Set(themes.filter((t) => t.pastRole).map((t) => t.id));
  const alternatives: Alternative[] = [];
  for (const theme of themes) {
    for (const source of theme.gap) alternatives.push({ theme: theme.id, kind: 'gap', source });
    for (const source of theme.topic) alternatives.push({ theme: theme.id, kind: 'topic', source });
  }
  // The longer phrase wins where two start at the same place (the checker's weight); stable for equal weights.
  const ALTERNATIVES = alternatives
    .map((a, i) => ({ a, i, w: weight(expand(a.source)) }))
    .sort((x, y) => y.w - x.w || x.i - y.i)
    .map((x) => x.a);
  /** One expression for the whole vocabulary: group n + 1 is ALTERNATIVES[n]. */
  const COMBINED = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${ALTERNATIVES.map((a) => `(${expand(a.source)})`).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );

  function themesOf(text: string): ThemeMatch[] {
    const sentences = splitSentences(text);
    const out: ThemeMatch[] = [];
    const seen = new Set<string>();
    let si = 0;
    COMBINED.lastIndex = 0;
    for (let m = COMBINED.exec(text); m !== null; m = COMBINED.exec(text)) {
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      const alt = ALTERNATIVES[g - 1];
      const start = m.index;
      const end = start + m[0].length;
      while ((sentences[si]?.end ?? Number.POSITIVE_INFINITY) <= start) si++;
      const sentence = sentences[si] ?? { start: 0, end: text.length };
      if (!alt || seen.has(alt.theme) || !accepts(cues, alt, text, sentence, start, end)) {
        // Let a phrase of another theme starting at the next character have its chance.
        COMBINED.lastIndex = start + 1;
        continue;
      }
      seen.add(alt.theme);
      // Phrases of other themes may start inside this one ("more leadership experience").
      COMBINED.lastIndex = start + 1;
      out.push({
        theme: alt.theme,
        evidence: text.slice(sentence.start, sentence.end),
        start: sentence.start,
        end: sentence.end,
        phrase: { text: m[0], start, end },
      });
    }
    return out;
  }

  function requestedBy(description: string): string[] {
    const out: string[] = [];
    COMBINED.lastIndex = 0;
    for (let m = COMBINED.exec(description); m !== null; m = COMBINED.exec(description)) {
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      const alt = ALTERNATIVES[g - 1];
      if (alt?.kind !== 'topic') continue;
      if (pastRole.has(alt.theme)) continue;
      if (!out.includes(alt.theme)) out.push(alt.theme);
    }
    return out;
  }

  return { themesOf, requestedBy };
}
