// `npm run train:second-opinion`: trains the checker's second opinion (src/checker/second-opinion.ts) and writes
// src/checker/second-opinion.generated.ts. Deterministic: the same data gives the same file byte for byte
// (test/checker/second-opinion.test.ts checks the committed file against a fresh run).
//
// Trained ONLY on the feedback dev set (eval/data/feedback-dev.txt) and the learn half of the real-world feedback
// set (eval/REALWORLD.md, `halfOf`). The held-out set, the blind set and the real-world holdout half are never read
// here: not for training, not for the threshold, not for choosing features.
//
// Model: one logistic regression per output ("risky" at all, then each feedback category) over binary word and
// word-pair features, with an L1 and L2 penalty (proximal gradient descent, full batch), so most weights are zero and
// the shipped file stays small. The threshold on "risky" is chosen by grouped cross-validation on the same training
// data (a source page's items stay in one fold).
//
//   npm run train:second-opinion            # writes the module
//   npm run train:second-opinion -- --check # prints what it would write, differences only, writes nothing
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../eval/prng';
import { loadRealWorld, split } from '../eval/realworld';
import { CATEGORIES } from '../src/checker';
import { features, OUTPUTS, words } from '../src/checker/second-opinion';

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
  /** The cross-validated precision the threshold must reach on "risky". */
  targetPrecision: 0.9,
  /** ... and at most this share of clean training sentences may be flagged out of fold. */
  maxFalseAlarmRate: 0.02,
};
// For trying settings by cross-validation only: SO_SETTINGS='{"l1":0.001}' npm run train:second-opinion -- --check
if (process.env.SO_SETTINGS) Object.assign(SETTINGS, JSON.parse(process.env.SO_SETTINGS));

export interface TrainItem {
  text: string;
  labels: string[];
  /** Items of one group (a source page) never span two folds. */
  group: string;
}

export function trainingItems(): { items: TrainItem[]; counts: Record<string, number> } {
  const items: TrainItem[] = [];
  const dev = readFileSync(join(root, 'eval/data/feedback-dev.txt'), 'utf8').split('\n');
  dev.forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const bar = line.indexOf(' | ');
    const labels = line.slice(0, bar).trim();
    items.push({
      text: line.slice(bar + 3),
      labels: labels === '-' ? [] : labels.split(',').map((s) => s.trim()),
      group: `dev:${i}`,
    });
  });
  const devCount = items.length;
  for (const r of split(loadRealWorld('feedback')).learn)
    items.push({ text: r.text, labels: r.labels, group: r.url });
  return { items, counts: { dev: devCount, learn: items.length - devCount } };
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
  const feats = items.map((it) => [...new Set(features(words(it.text)))]);
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
    for (const f of new Set(features(words(text)))) z += (m.get(f)?.[0] ?? 0) / 100;
    return 1 / (1 + Math.exp(-z));
  };
}

/** Out-of-fold P("risky") for every item, folds drawn by group with the seeded generator. */
export function crossValidate(items: TrainItem[]): number[] {
  const rand = prng(SETTINGS.seed);
  const groups = [...new Set(items.map((i) => i.group))];
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }
  const fold = new Map(groups.map((g, i) => [g, i % SETTINGS.folds]));
  const oof = new Array<number>(items.length).fill(0);
  for (let f = 0; f < SETTINGS.folds; f++) {
    const train = items.filter((it) => fold.get(it.group) !== f);
    const score = scorer(shipped(fitModel(train)));
    items.forEach((it, i) => {
      if (fold.get(it.group) === f) oof[i] = score(it.text);
    });
  }
  return oof;
}

/**
 * The lowest threshold (in hundredths, 0.50 at the least) at which the out-of-fold flags reach the target precision
 * and flag at most the allowed share of clean training sentences: the most recall those limits allow.
 */
function chooseThreshold(items: TrainItem[], oof: number[]) {
  const clean = items.filter((it) => it.labels.length === 0).length;
  const rows: string[] = [];
  let chosen = 1.01; // never, if no threshold qualifies
  for (let t = 99; t >= 30; t--) {
    const th = t / 100;
    let tp = 0;
    let fp = 0;
    items.forEach((it, i) => {
      if (oof[i]! >= th) {
        if (it.labels.length) tp++;
        else fp++;
      }
    });
    const p = tp + fp ? tp / (tp + fp) : 1;
    const ok = p >= SETTINGS.targetPrecision && fp <= SETTINGS.maxFalseAlarmRate * clean;
    if (ok && t >= 50) chosen = th;
    if (t % 5 === 0 || t >= 85)
      rows.push(
        `  ${th.toFixed(2)}  flagged ${tp + fp}, risky ${tp}, clean ${fp}, precision ${p.toFixed(3)}`,
      );
  }
  return { threshold: chosen, rows };
}

export function train() {
  const { items, counts } = trainingItems();
  const oof = crossValidate(items);
  const { threshold, rows } = chooseThreshold(items, oof);
  const model = shipped(fitModel(items));
  const risky = items.filter((i) => i.labels.length > 0).length;
  const perCategory = CATEGORIES.feedback.map(
    (c) => `${c} ${items.filter((i) => i.labels.includes(c)).length}`,
  );
  const header = [
    '// Generated by `npm run train:second-opinion` (scripts/train-second-opinion.ts); do not edit.',
    `// Trained on ${items.length} feedback items: the dev set (eval/data/feedback-dev.txt, ${counts.dev} items) and the`,
    `// learn half of the real-world feedback set (eval/REALWORLD.md, ${counts.learn} items); ${risky} risky, ${items.length - risky} not`,
    `// (${perCategory.join(', ')}). Never read: the held-out set, the blind set, the real-world holdout half.`,
    `// Threshold on P(risky) chosen by ${SETTINGS.folds}-fold cross-validation on the same items: ${threshold.toFixed(2)}.`,
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
  return { text, rows, items: items.length, features: model.rows.length, threshold };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = train();
  console.log('cross-validated flags on "risky" by threshold (training data only):');
  for (const row of r.rows) console.log(row);
  console.log(`train-second-opinion: ${r.items} items -> ${r.features} features, threshold ${r.threshold}`);
  if (process.argv.includes('--check')) {
    let previous = '';
    try {
      previous = readFileSync(OUT, 'utf8');
    } catch {}
    console.log(previous === r.text ? 'unchanged' : 'would change');
  } else writeFileSync(OUT, r.text);
}
