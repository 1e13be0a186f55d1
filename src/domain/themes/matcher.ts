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
// will detail my plan" names no theme. The words of a theme's area (words.ts) read what phrases leave open: a gap's
// one theme, and a sentence of free text no phrase matches, in its clauses that say something fell short.

import { weight } from '../../checker/words';
import { splitSentences } from '../text';
import type { ThemeCues, ThemeData } from './types';
import { type FoundWord, wordIndex } from './words';

/**
 * What a word of a theme's area adds to the theme's score in a gap (a phrase adds 2 in the criterion's name, 1.5 as a
 * gap phrase and 1 as a topic in the evidence): each listed word counts once in the criterion and once in the
 * evidence; a word of a field's own practice (a patient, a lesson, a prospect, a ledger) counts as much as a phrase
 * in the criterion, so the field's theme wins over a generic one.
 */
export const WORD_WEIGHT = { word: 1, fieldWord: 2 } as const;

/**
 * Words that, in a criterion's name, only say that what follows fell short ("Common Mistakes", "Mistake #6", "One
 * Mistake Can Kill It"): a heading over a list of shortfalls, not the area of attention to detail. They count in the
 * evidence, and phrases such as "small mistakes" count anywhere.
 */
const LIST_OF_SHORTFALLS = new Set(['mistake', 'error']);

/**
 * Words that, in a criterion's name, only label the case that follows ("Scenario 1", "Scenario: the angry caller"):
 * a heading over an example, not the area of problem solving. They count in the evidence.
 */
const CASE_LABELS = new Set(['scenario']);

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

/** A straight apostrophe in a phrase also matches a typographic one ("didn't", "didn’t"), in or out of a class. */
export function apostrophes(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === ']') {
      inClass = false;
      out += c;
    } else if (c === "'") out += inClass ? "'’" : "['’]";
    else out += c;
  }
  return out;
}

/** A phrase as the matcher runs it: a space stands for any white space, an apostrophe either kind. */
const expand = (source: string) => apostrophes(source.replace(/ /g, '\\s+'));

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

/**
 * The listed words that say by themselves that something fell short: a gap phrase of their own theme matches the word
 * alone or after "was" ("unprepared", "typos", "careless", "was nervous"), where "explain" or "lesson" only name an
 * area. Negated ("I wasn't nervous"), such a word clears its clause in free text; a negated area word ("didn't explain
 * well") is the shortfall itself.
 */
export function wordsSayingShortfall(themes: readonly ThemeData[]): Set<string> {
  const out = new Set<string>();
  for (const t of themes) {
    const gap = t.gap.map((source) => new RegExp(`^(?:${expand(source)})$`, 'iu'));
    for (const w of t.words)
      if (['', 'was ', 'were ', 'seemed '].some((before) => gap.some((re) => re.test(before + w))))
        out.add(w);
  }
  return out;
}

/** One gap as the feedback gives it: the criterion it was assessed against (if any) and what was observed. */
export interface Gap {
  criterion?: string | null;
  evidence: string;
}

export interface GapTheme {
  theme: string;
  /** Where the deciding phrase was found. */
  from: 'criterion' | 'evidence';
  /** The phrase that decided, as written. */
  phrase: string;
}

/**
 * How a gap's text is read: a criterion's name counts as named ('name': every phrase counts, it is the area that fell
 * short), its observed evidence is known to describe a shortfall ('gap': a topic counts unless its clause clears it or
 * only praises), free text keeps the cues of themesOf ('feedback').
 */
type Reading = 'name' | 'gap' | 'feedback';

export interface ThemeMatcher {
  /**
   * The improvement themes a piece of feedback names, in the order of their first evidence: each theme at most
   * once, with the sentence it was first found in. A sentence no phrase matches is read by the words of each
   * theme's area in its clauses that say something fell short. Praise and neutral text name no theme.
   */
  themesOf(text: string): ThemeMatch[];
  /** Themes a description asks for by naming them as requirements (topic phrases, no shortfall needed). */
  requestedBy(description: string): string[];
  /**
   * The one theme of a gap, from its criterion's name and the evidence observed together, or null when neither
   * names one. Never reads advice: pass only the criterion and what was observed.
   */
  themeOfGap(gap: Gap): GapTheme | null;
  /** Each theme's score toward a gap's one theme (themeOfGap takes the highest), for measuring how sure it is. */
  gapScores(gap: Gap): Map<string, number>;
}

/** The matcher of a vocabulary: the themes in their order, each with its gap and topic phrases, and the cues. */
export function themeMatcher(themes: readonly ThemeData[], cueData: ThemeCues): ThemeMatcher {
  const cues = cueExpressions(cueData);
  const words = wordIndex(themes);
  const fieldThemes = new Set(themes.filter((t) => t.field).map((t) => t.id));
  const wordWeight = (theme: string) => (fieldThemes.has(theme) ? WORD_WEIGHT.fieldWord : WORD_WEIGHT.word);
  const pastRole = new Set(themes.filter((t) => t.pastRole).map((t) => t.id));
  const shortfallWords = wordsSayingShortfall(themes);
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
    // Each found theme with where it sorts: its sentence, then its place in the sentence.
    const found: { match: ThemeMatch; at: [number, number] }[] = [];
    const seen = new Set<string>();
    /** Sentences where some phrase matched, accepted or not: their words add nothing (a cleared phrase is settled). */
    const withPhrase = new Set<number>();
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
      withPhrase.add(si);
      // Let a phrase of another theme starting at the next character (or inside this one) have its chance.
      COMBINED.lastIndex = start + 1;
      if (!alt || seen.has(alt.theme) || !accepts(cues, alt, text, sentence, start, end)) continue;
      seen.add(alt.theme);
      found.push({
        match: {
          theme: alt.theme,
          evidence: text.slice(sentence.start, sentence.end),
          start: sentence.start,
          end: sentence.end,
          phrase: { text: m[0], start, end },
        },
        at: [sentence.start, start],
      });
    }
    // A sentence no phrase names: the words of each theme's area in its clauses that say something fell short (and
    // neither praise nor clear it), weighed as in a gap; the heavier theme first.
    sentences.forEach((sentence, i) => {
      if (withPhrase.has(i)) return;
      const scores = new Map<string, { score: number; first: FoundWord }>();
      for (const clause of clausesOf(text, sentence)) {
        const c = text.slice(clause.start, clause.end);
        if (cues.praise.test(c) || cues.noConcern.test(c)) continue;
        const inClause = words.wordsIn(c);
        // A word that says a shortfall by itself, negated just before ("I wasn't nervous", "never nervous"), is
        // cleared, and so is its negation: the clause counts only if something else in it says it fell short.
        let rest = c;
        const cleared = new Set<FoundWord>();
        for (const w of inClause) {
          if (!shortfallWords.has(w.word)) continue;
          const negation = cues.negated.exec(c.slice(0, w.start));
          if (!negation) continue;
          cleared.add(w);
          rest = rest.slice(0, negation.index) + ' '.repeat(w.end - negation.index) + rest.slice(w.end);
        }
        if (!cues.shortfall.test(rest)) continue;
        for (const w of inClause) {
          if (cleared.has(w)) continue;
          const weight = wordWeight(w.theme);
          const s = scores.get(w.theme);
          if (s) s.score += weight;
          else
            scores.set(w.theme, {
              score: weight,
              first: { ...w, start: clause.start + w.start, end: clause.start + w.end },
            });
        }
      }
      [...scores.values()]
        .sort((a, b) => b.score - a.score || a.first.start - b.first.start)
        .forEach((s, rank) => {
          found.push({
            match: {
              theme: s.first.theme,
              evidence: text.slice(sentence.start, sentence.end),
              start: sentence.start,
              end: sentence.end,
              phrase: {
                text: text.slice(s.first.start, s.first.end),
                start: s.first.start,
                end: s.first.end,
              },
            },
            at: [sentence.start, sentence.start + rank],
          });
        });
    });
    found.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
    const out: ThemeMatch[] = [];
    const named = new Set<string>();
    for (const f of found) {
      if (named.has(f.match.theme)) continue;
      named.add(f.match.theme);
      out.push(f.match);
    }
    return out;
  }

  /** The clauses of a sentence (offsets in text), cut where cues.yaml says a clause ends. */
  function clausesOf(text: string, s: Span): Span[] {
    const sentence = text.slice(s.start, s.end);
    const out: Span[] = [];
    let from = s.start;
    const breaks = cues.clauseBreak;
    breaks.lastIndex = 0;
    for (let m = breaks.exec(sentence); m !== null; m = breaks.exec(sentence)) {
      out.push({ start: from, end: s.start + m.index });
      from = s.start + m.index + m[0].length;
    }
    out.push({ start: from, end: s.end });
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

  /** Every phrase that counts in `text` under `reading`, left to right, none starting inside an earlier one. */
  function phrasesIn(text: string, reading: Reading): { alt: Alternative; text: string; start: number }[] {
    const sentences = splitSentences(text);
    const out: { alt: Alternative; text: string; start: number }[] = [];
    let si = 0;
    let taken = 0;
    COMBINED.lastIndex = 0;
    for (let m = COMBINED.exec(text); m !== null; m = COMBINED.exec(text)) {
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      const alt = ALTERNATIVES[g - 1];
      const start = m.index;
      const end = start + m[0].length;
      COMBINED.lastIndex = start + 1;
      if (!alt || start < taken) continue;
      while ((sentences[si]?.end ?? Number.POSITIVE_INFINITY) <= start) si++;
      const sentence = sentences[si] ?? { start: 0, end: text.length };
      if (reading === 'feedback' && !accepts(cues, alt, text, sentence, start, end)) continue;
      if (reading === 'gap' && !acceptsInGap(alt, text, sentence, start, end)) continue;
      taken = end;
      out.push({ alt, text: m[0], start });
    }
    return out;
  }

  /** In evidence of a gap: a gap phrase unless negated; a topic unless its clause clears it or praises without a shortfall. */
  function acceptsInGap(alt: Alternative, text: string, sentence: Span, start: number, end: number): boolean {
    const clause = clauseAround(cues, text, sentence, start, end);
    if (alt.kind === 'gap') return !cues.negated.test(text.slice(clause.start, start));
    const c = text.slice(clause.start, clause.end);
    if (cues.noConcern.test(c)) return false;
    return cues.shortfall.test(c) || !cues.praise.test(c);
  }

  function scoreGap(gap: Gap): Map<string, { score: number; order: number; first: GapTheme }> {
    // The criterion names the area assessed, so its phrases weigh most; a gap phrase in the evidence says what fell
    // short more surely than a topic; then each word of a theme's area counts. Ties go to a field's own theme,
    // then to what was found first: phrases (criterion, then evidence) before words (criterion, then evidence).
    const scores = new Map<string, { score: number; order: number; first: GapTheme }>();
    let order = 0;
    const add = (from: GapTheme['from'], found: { theme: string; text: string; weight: number }[]) => {
      for (const f of found) {
        const s = scores.get(f.theme);
        if (s) s.score += f.weight;
        else
          scores.set(f.theme, {
            score: f.weight,
            order: order++,
            first: { theme: f.theme, from, phrase: f.text },
          });
      }
    };
    const criterion = gap.criterion?.trim();
    const inCriterion = criterion ? phrasesIn(criterion, 'name').map((p) => ({ ...p, weight: 2 })) : [];
    const inEvidence = phrasesIn(gap.evidence, 'gap').map((p) => ({
      ...p,
      weight: p.alt.kind === 'gap' ? 1.5 : 1,
    }));
    const asPhrases = (found: typeof inEvidence) =>
      found.map((p) => ({ theme: p.alt.theme, text: p.text, weight: p.weight }));
    add('criterion', asPhrases(inCriterion));
    add('evidence', asPhrases(inEvidence));
    // Each mention counts once, at its heavier reading: a word inside a phrase of its own theme ("prioritization",
    // "time management") adds only what it weighs beyond the phrase.
    const asWords = (text: string, phrases: typeof inEvidence) =>
      words.wordsIn(text).map((w) => {
        const own = wordWeight(w.theme);
        const within = phrases.find(
          (p) => p.alt.theme === w.theme && w.start >= p.start && w.start < p.start + p.text.length,
        );
        return { theme: w.theme, text: w.word, weight: within ? Math.max(0, own - within.weight) : own };
      });
    if (criterion)
      add(
        'criterion',
        asWords(criterion, inCriterion).filter(
          (f) => f.weight > 0 && !LIST_OF_SHORTFALLS.has(f.text) && !CASE_LABELS.has(f.text),
        ),
      );
    add(
      'evidence',
      asWords(gap.evidence, inEvidence).filter((f) => f.weight > 0),
    );
    return scores;
  }

  function themeOfGap(gap: Gap): GapTheme | null {
    const scores = scoreGap(gap);
    // A field's practice named is the one to work on ("poor time management with 2 pts" is patient care).
    const field = (s: { first: GapTheme }) => fieldThemes.has(s.first.theme);
    let best: { score: number; order: number; first: GapTheme } | undefined;
    for (const s of scores.values())
      if (
        !best ||
        s.score > best.score ||
        (s.score === best.score && (field(s) !== field(best) ? field(s) : s.order < best.order))
      )
        best = s;
    return best?.first ?? null;
  }

  function gapScores(gap: Gap): Map<string, number> {
    return new Map([...scoreGap(gap)].map(([theme, s]) => [theme, s.score]));
  }

  return { themesOf, requestedBy, themeOfGap, gapScores };
}
