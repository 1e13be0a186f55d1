// `npm run train:second-opinion`: trains the checker's second opinion (src/checker/second-opinion.ts) and writes
// src/checker/second-opinion.generated.ts. Deterministic: the same data gives the same file byte for byte
// (test/checker/second-opinion.test.ts checks the committed file against a fresh run).
//
// The shipped model (the default settings) is trained ONLY on the feedback dev set (eval/data/feedback-dev.txt) and
// the learn half of the first real-world feedback set (eval/REALWORLD.md, `halfOf`). With `--candidate` (settings
// `sources: 'all'`) it trains on every labelled item the evaluation lets be read: the dev set, the blind set's odd
// half (eval/sets.ts, `blindHalf`), the learn halves of both real-world feedback sets and, as clean items, the theme
// sets' learn halves. Either way the held-out set, the blind set's even half and every holdout half are never read
// here: not for training, not for the threshold, not for choosing features or settings.
//
// Model: one logistic regression per output ("risky" at all, then each feedback category) over binary word and
// word-pair features, with an L1 and L2 penalty (proximal gradient descent, full batch), so most weights are zero and
// the shipped file stays small. The threshold on "risky" is chosen by grouped cross-validation on the same training
// data (a source page's items, or a block of up to 10 lines under one heading of a text set, stay in one fold): as
// shipped, on the model's own out-of-fold precision; with `thresholdWith: 'rules'`, on the out-of-fold precision of
// the rules and the second opinion together, the second opinion read only on sentences no rule finding touches. Each
// run prints the out-of-fold figures both ways, and the recall it adds where the rules are silent.
//
//   npm run train:second-opinion                 # writes the module
//   npm run train:second-opinion -- --check      # prints what it would write, differences only, writes nothing
//   SO_SETTINGS='{"l1":0.001}' npm run train:second-opinion -- --candidate --check   # try settings, by CV only
//   SO_OUT=/tmp/candidate.ts npm run train:second-opinion -- --candidate             # write the candidate elsewhere
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../eval/prng';
import { halfOf, loadRealWorld, REAL_WORLD_SETS, split } from '../eval/realworld';
import { blindHalf, type Item, loadSet } from '../eval/sets';
import { GAP_FILES, loadGapItems } from '../eval/theme-sets';
import { CATEGORIES, check } from '../src/checker';
import { features, OUTPUTS, sentences, words } from '../src/checker/second-opinion';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'src/checker/second-opinion.generated.ts');

/** Training settings; changing any of them changes the shipped file. */
export const SETTINGS = {
  seed: 20261202,
  folds: 5,
  /** A feature is kept only if at least this many training items contain it. */
  minCount: 2,
  iterations: 1000,
  learningRate: 2,
  l1: 0.0002,
  l2: 0.001,
  /**
   * Clean items are weighted so that they make this share of the training weight: most sentences users write are
   * fine, so a sentence the model knows nothing about should score low, not at the labelled sets' share of risk.
   */
  cleanShare: 0.75,
  /**
   * What the threshold is chosen on, out of fold: `model`, the model alone on every training item (as shipped); or
   * `rules`, the rules and the second opinion together (it speaks only on sentences no rule finding touches).
   */
  thresholdWith: 'model' as 'model' | 'rules',
  /** The out-of-fold precision the threshold must reach (of the model alone, or with the rules: thresholdWith). */
  targetPrecision: 0.9,
  /** ... and at most this share of clean training items may be flagged by the model out of fold. */
  maxFalseAlarmRate: 0.02,
  /**
   * The training items: `first`, the dev set and the first real-world feedback set's learn half (as shipped); `all`,
   * every labelled feedback item the evaluation lets be read (trainingItems).
   */
  sources: 'first' as 'first' | 'all',
  /** With `all`: the theme sets' learn halves as clean items too. */
  themes: false,
  /** Experiments only, not read by the engine (cross-validation with --check): lexicon classes, stripped suffixes. */
  classes: false,
  stems: false,
};

/**
 * The candidate of 2026-12-03 (eval/README.md): every readable item, settings chosen by grouped cross-validation with
 * the rules. Not shipped: on the second real-world set's holdout half its precision fell below 0.92. To rebuild it:
 * `SO_OUT=/tmp/candidate.ts npm run train:second-opinion -- --candidate`.
 */
export const CANDIDATE = {
  sources: 'all',
  themes: true,
  thresholdWith: 'rules',
  targetPrecision: 0.93,
  cleanShare: 0.85,
} as const;
if (process.argv.includes('--candidate')) Object.assign(SETTINGS, CANDIDATE);
// For trying settings by cross-validation only: SO_SETTINGS='{"l1":0.001}' npm run train:second-opinion -- --check
if (process.env.SO_SETTINGS) Object.assign(SETTINGS, JSON.parse(process.env.SO_SETTINGS));

export interface TrainItem {
  text: string;
  labels: string[];
  /** Items of one group (a source page) never span two folds. */
  group: string;
}

/** Items of a text set in blocks of this many consecutive lines under one heading share a group. */
const BLOCK = 10;

export function trainingItems(): { items: TrainItem[]; counts: Record<string, number> } {
  const items: TrainItem[] = [];
  const counts: Record<string, number> = {};
  const add = (name: string, more: TrainItem[]) => {
    items.push(...more);
    counts[name] = more.length;
  };
  // The text sets: a group is a block of up to BLOCK items under one heading (written together, often alike).
  const blocks = (name: string, set: Item[]) => {
    let section = '';
    let k = 0;
    return set
      .filter((it) => it.mode === 'feedback')
      .map((it) => {
        if (it.section !== section) {
          section = it.section;
          k = 0;
        }
        return { text: it.text, labels: it.labels, group: `${name}:${section}:${Math.floor(k++ / BLOCK)}` };
      });
  };
  if (SETTINGS.sources === 'first') {
    // As shipped: each dev item its own group.
    add(
      'dev',
      loadSet('dev')
        .filter((it) => it.mode === 'feedback')
        .map((it) => ({ text: it.text, labels: it.labels, group: `dev:${it.source}` })),
    );
  } else {
    add('dev', blocks('dev', loadSet('dev')));
    add('blindOdd', blocks('blind', blindHalf('odd')));
  }
  for (const { name, mode, file } of REAL_WORLD_SETS) {
    if (mode !== 'feedback' || (SETTINGS.sources === 'first' && name !== 'feedback')) continue;
    add(
      name,
      split(loadRealWorld(mode, file)).learn.map((r) => ({ text: r.text, labels: r.labels, group: r.url })),
    );
  }
  // The theme sets' learn halves (eval/theme-sets.ts): published statements of what fell short in someone's work,
  // labelled by theme; none is a legal risk, and they are the kind of sentence the second opinion must stay quiet on.
  if (SETTINGS.sources === 'all' && SETTINGS.themes)
    add(
      'themes',
      GAP_FILES.flatMap((f) => loadGapItems(f))
        .filter((g) => halfOf(g.url) === 'learn')
        .map((g) => ({ text: g.text, labels: [], group: g.url })),
    );
  return { items, counts };
}

// ---- Experimental features, tried by cross-validation only -------------------------------------------------------

const LEXICON_CLASSES = readdirSync(join(root, 'src/checker/lexicons'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({
    name: `@${f.slice(0, -4)}`,
    words: new Set(
      readFileSync(join(root, 'src/checker/lexicons', f), 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#') && !/[\s'-]/.test(l)),
    ),
  }));
const stem = (w: string) => w.replace(/(?:ing|ed|es|s|ly|er|est)$/, '');

/** The features training reads for a text: the engine's (features()), and any experimental ones switched on. */
function featuresOf(text: string): string[] {
  const ws = words(text);
  const out = features(ws);
  if (SETTINGS.classes)
    for (const w of ws) for (const c of LEXICON_CLASSES) if (c.words.has(w)) out.push(c.name);
  if (SETTINGS.stems) for (const w of ws) if (w.length > 4 && stem(w) !== w) out.push(`~${stem(w)}`);
  return out;
}

const K = OUTPUTS.length;
const targets = (labels: string[]) =>
  OUTPUTS.map((o, k) => (k === 0 ? labels.length > 0 : labels.includes(o)));

interface Trained {
  vocab: string[];
  bias: number[];
  /** vocab.length * K */
  weights: Float64Array;
}

/** Fits the K models on the given items (each item's features as indices into the fold's vocabulary). */
export function fitModel(items: TrainItem[]): Trained {
  const feats = items.map((it) => [...new Set(featuresOf(it.text))]);
  const count = new Map<string, number>();
  for (const fs of feats) for (const f of fs) count.set(f, (count.get(f) ?? 0) + 1);
  const vocab = [...count]
    .filter(([, c]) => c >= SETTINGS.minCount)
    .map(([f]) => f)
    .sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const X = feats.map((fs) => fs.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const Y = items.map((it) => targets(it.labels));
  const n = items.length;
  const V = vocab.length;
  const risky = Y.filter((y) => y[0]).length;
  const cleanWeight = ((SETTINGS.cleanShare / (1 - SETTINGS.cleanShare)) * risky) / Math.max(1, n - risky);
  const weightOf = Y.map((y) => (y[0] ? 1 : cleanWeight));
  const total = weightOf.reduce((a, x) => a + x, 0);
  const w = new Float64Array(V * K);
  const b = OUTPUTS.map((_, k) => {
    const pos = Y.reduce((a, y, i) => a + (y[k] ? weightOf[i]! : 0), 0);
    return Math.log((pos + 1) / (total - pos + 1));
  });
  const grad = new Float64Array(V * K);
  const { learningRate: lr, l1, l2, iterations } = SETTINGS;
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const xs = X[i]!;
      for (let k = 0; k < K; k++) {
        let z = b[k]!;
        for (const j of xs) z += w[j * K + k]!;
        const err = ((1 / (1 + Math.exp(-z)) - (Y[i]![k] ? 1 : 0)) * weightOf[i]!) / total;
        for (const j of xs) grad[j * K + k]! += err;
      }
    }
    // The bias stays at the weighted prior: a sentence with no known word scores as an average sentence, and only
    // words can raise it.
    for (let j = 0; j < V * K; j++) {
      let x = w[j]! - lr * (grad[j]! + l2 * w[j]!);
      const cut = lr * l1;
      x = x > cut ? x - cut : x < -cut ? x + cut : 0;
      w[j] = x;
    }
  }
  return { vocab, bias: b, weights: w };
}

/** Rounds to hundredths, as the shipped file stores them. */
const q = (x: number) => Math.round(x * 100);

/** The model as the engine will read it: weights in hundredths, features whose weights all round to 0 dropped. */
function shipped(t: Trained): { bias: number[]; rows: [string, number[]][] } {
  const rows: [string, number[]][] = [];
  t.vocab.forEach((f, j) => {
    const ws = OUTPUTS.map((_, k) => q(t.weights[j * K + k]!));
    if (ws.some((x) => x !== 0)) rows.push([f, ws]);
  });
  return { bias: t.bias.map((x) => q(x) / 100), rows };
}

/** P("risky") for a text under shipped weights (the same arithmetic as the engine). */
function scorer(s: { bias: number[]; rows: [string, number[]][] }) {
  const m = new Map(s.rows.map(([f, ws]) => [f, ws]));
  return (text: string) => {
    let z = s.bias[0]!;
    for (const f of new Set(featuresOf(text))) z += (m.get(f)?.[0] ?? 0) / 100;
    return 1 / (1 + Math.exp(-z));
  };
}

/**
 * What the rules say about an item, as the evaluation reads it (findings about a span, not the whole letter): whether
 * they flag it, and its sentences no rule finding touches (the only ones the second opinion reads).
 */
export function ruled(text: string): { flagged: boolean; silent: string[] } {
  const spans = check(text, { mode: 'feedback' }).filter((f) => f.end > f.start);
  const silent = sentences(text)
    .filter(([a, b]) => !spans.some((f) => f.start < b && f.end > a))
    .map(([a, b]) => text.slice(a, b).trim())
    .filter((t) => words(t).length > 0);
  return { flagged: spans.length > 0, silent };
}

/**
 * Out-of-fold P("risky") for every item, folds drawn by group with the seeded generator: the highest over its
 * sentences that no rule touches (0 if none), over all its sentences, and of the item's text read as one.
 */
export function crossValidate(
  items: TrainItem[],
  silent: string[][],
): { oof: number[]; alone: number[]; whole: number[] } {
  const rand = prng(SETTINGS.seed);
  const groups = [...new Set(items.map((i) => i.group))];
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }
  const fold = new Map(groups.map((g, i) => [g, i % SETTINGS.folds]));
  const oof = new Array<number>(items.length).fill(0);
  const alone = new Array<number>(items.length).fill(0);
  const whole = new Array<number>(items.length).fill(0);
  for (let f = 0; f < SETTINGS.folds; f++) {
    const train = items.filter((it) => fold.get(it.group) !== f);
    const score = scorer(shipped(fitModel(train)));
    items.forEach((it, i) => {
      if (fold.get(it.group) !== f) return;
      oof[i] = Math.max(0, ...silent[i]!.map(score));
      alone[i] = Math.max(0, ...sentences(it.text).map(([a, b]) => score(it.text.slice(a, b).trim())));
      whole[i] = score(it.text);
    });
  }
  return { oof, alone, whole };
}

interface AtThreshold {
  threshold: number;
  /** Risky items the rules miss and the model flags; clean items only the model flags. */
  added: number;
  falseAlarms: number;
  precision: number;
  recall: number;
  /** Recall among the risky items the rules miss. */
  silentRecall: number;
}

function atThreshold(items: TrainItem[], flagged: boolean[], oof: number[], th: number): AtThreshold {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let added = 0;
  let falseAlarms = 0;
  let missed = 0;
  items.forEach((it, i) => {
    const model = !flagged[i] && oof[i]! >= th;
    const risky = it.labels.length > 0;
    if (risky && !flagged[i]) missed++;
    if (model && risky) added++;
    if (model && !risky) falseAlarms++;
    if (flagged[i] || model) {
      if (risky) tp++;
      else fp++;
    } else if (risky) fn++;
  });
  return {
    threshold: th,
    added,
    falseAlarms,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp / (tp + fn),
    silentRecall: missed ? added / missed : 0,
  };
}

/**
 * The lowest threshold (in hundredths, 0.50 at the least) at which the out-of-fold flags keep the target precision
 * (the model's alone, or with the rules: SETTINGS.thresholdWith) and flag at most the allowed share of clean training
 * items: the most recall those limits allow.
 */
export function chooseThreshold(items: TrainItem[], flagged: boolean[], oof: number[], whole: number[]) {
  const clean = items.filter((it) => it.labels.length === 0).length;
  const rows: string[] = [];
  let chosen: AtThreshold | undefined;
  for (let t = 99; t >= 30; t--) {
    const r = atThreshold(items, flagged, oof, t / 100);
    let ok: boolean;
    if (SETTINGS.thresholdWith === 'rules')
      ok = r.precision >= SETTINGS.targetPrecision && r.falseAlarms <= SETTINGS.maxFalseAlarmRate * clean;
    else {
      // As shipped: the model alone, each item's text read as one.
      let tp = 0;
      let fp = 0;
      items.forEach((it, i) => {
        if (whole[i]! >= t / 100) {
          if (it.labels.length) tp++;
          else fp++;
        }
      });
      const p = tp + fp ? tp / (tp + fp) : 1;
      ok = p >= SETTINGS.targetPrecision && fp <= SETTINGS.maxFalseAlarmRate * clean;
    }
    if (ok && t >= 50) chosen = r;
    if (t % 5 === 0 || t >= 85)
      rows.push(
        `  ${r.threshold.toFixed(2)}  model adds ${r.added} risky, ${r.falseAlarms} clean; with the rules precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}; recall where the rules are silent ${r.silentRecall.toFixed(3)}`,
      );
  }
  const none = atThreshold(items, flagged, oof, 1.01);
  return { threshold: chosen?.threshold ?? 1.01, at: chosen ?? none, rules: none, rows };
}

/** The model alone, out of fold, at a threshold: as if no rule existed (every risky item, not only the rules' misses). */
function modelAlone(items: TrainItem[], alone: number[], th: number) {
  let tp = 0;
  let fp = 0;
  let risky = 0;
  items.forEach((it, i) => {
    if (it.labels.length) risky++;
    if (alone[i]! >= th) {
      if (it.labels.length) tp++;
      else fp++;
    }
  });
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp / risky, flagged: tp + fp };
}

export function train() {
  const { items, counts } = trainingItems();
  const rulings = items.map((it) => ruled(it.text));
  const { oof, alone, whole } = crossValidate(
    items,
    rulings.map((r) => r.silent),
  );
  const { threshold, rows, at, rules } = chooseThreshold(
    items,
    rulings.map((r) => r.flagged),
    oof,
    whole,
  );
  const single = modelAlone(items, alone, threshold);
  const bySource: Record<string, number> = {};
  items.forEach((it, i) => {
    if (!it.labels.length && !rulings[i]!.flagged && oof[i]! >= threshold) {
      const source = it.group.startsWith('http') ? 'pages' : it.group.split(':')[0]!;
      bySource[source] = (bySource[source] ?? 0) + 1;
    }
  });
  const model = shipped(fitModel(items));
  const risky = items.filter((i) => i.labels.length > 0).length;
  const perCategory = CATEGORIES.feedback.map(
    (c) => `${c} ${items.filter((i) => i.labels.includes(c)).length}`,
  );
  const header = [
    '// Generated by `npm run train:second-opinion` (scripts/train-second-opinion.ts); do not edit.',
    ...(SETTINGS.sources === 'first'
      ? [
          `// Trained on ${items.length} feedback items: the dev set (eval/data/feedback-dev.txt, ${counts.dev} items) and the`,
          `// learn half of the real-world feedback set (eval/REALWORLD.md, ${counts.feedback} items); ${risky} risky, ${items.length - risky} not`,
          `// (${perCategory.join(', ')}). Never read: the held-out set, the blind set, the real-world holdout half.`,
        ]
      : [
          `// Trained on ${items.length} feedback items: the dev set (eval/data/feedback-dev.txt, ${counts.dev}), the blind set's`,
          `// odd half (${counts.blindOdd}), the learn halves of the real-world feedback sets (eval/REALWORLD.md: ${counts.feedback} and ${counts['feedback 2']})`,
          `// and, as clean items, the theme sets' learn halves (${counts.themes ?? 0});`,
          `// ${risky} risky, ${items.length - risky} not (${perCategory.join(', ')}).`,
          "// Never read: the held-out set, the blind set's even half, the real-world holdout halves.",
        ]),
    SETTINGS.thresholdWith === 'model'
      ? `// Threshold on P(risky) chosen by ${SETTINGS.folds}-fold cross-validation on the same items: ${threshold.toFixed(2)}.`
      : `// Threshold on P(risky) chosen by grouped ${SETTINGS.folds}-fold cross-validation on the same items, with the rules: ${threshold.toFixed(2)}.`,
    `// ${model.rows.length} features (word or word pair) with a weight; weights in hundredths per output: ${OUTPUTS.join(', ')}.`,
  ].join('\n');
  const body = model.rows.map(([f, ws]) => `${f}\t${ws.map((x) => (x === 0 ? '' : String(x))).join(',')}`);
  const text = `${header}
export const MODEL = {
  threshold: ${threshold},
  bias: [${model.bias.join(', ')}],
  features: \`
${body.join('\n')}
\`,
};
`;
  return {
    text,
    rows,
    items: items.length,
    features: model.rows.length,
    threshold,
    at,
    rules,
    single,
    counts,
    bySource,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = train();
  if (!process.env.SO_QUIET) {
    console.log('cross-validated flags on "risky" by threshold (training data only):');
    for (const row of r.rows) console.log(row);
  }
  console.log(`train-second-opinion: ${r.items} items -> ${r.features} features, threshold ${r.threshold}`);
  const line = (x: AtThreshold) =>
    `precision ${x.precision.toFixed(3)}, recall ${x.recall.toFixed(3)}, model adds ${x.added} risky and ${x.falseAlarms} clean (recall where the rules are silent ${x.silentRecall.toFixed(3)})`;
  console.log(`out of fold, rules alone: ${line(r.rules)}`);
  console.log(`out of fold, with the second opinion: ${line(r.at)}`);
  console.log(
    `out of fold, the model alone at that threshold: precision ${r.single.precision.toFixed(3)}, recall ${r.single.recall.toFixed(3)}`,
  );
  console.log(`out of fold, clean items the model flags by source: ${JSON.stringify(r.bySource)}`);
  console.log(`items ${JSON.stringify(r.counts)}; settings ${JSON.stringify(SETTINGS)}`);
  if (process.argv.includes('--check')) {
    let previous = '';
    try {
      previous = readFileSync(OUT, 'utf8');
    } catch {}
    console.log(previous === r.text ? 'unchanged' : 'would change');
  } else writeFileSync(process.env.SO_OUT ?? OUT, r.text);
}
