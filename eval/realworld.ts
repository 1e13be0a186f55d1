// The real-world sets: sentences and candidate messages as published on public pages, labelled by hand before the
// checker ever read them (see the headers of eval/data/realworld-*.yaml). Loading, validation and the split into a
// learn half and a holdout half by source page.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { text as alex } from 'alex';
import { parse } from 'yaml';
import { CATEGORIES, check, type Mode } from '../src/checker';
import { secondOpinion as model } from '../src/checker/second-opinion';

const here = dirname(fileURLToPath(import.meta.url));

export interface RealItem {
  url: string;
  text: string;
  risky: boolean;
  labels: string[];
  mode: Mode;
}

export type Half = 'learn' | 'holdout';

/**
 * The half a source page belongs to: the first byte of sha1(url), even for learn, odd for holdout. Every item of a
 * page lands in the same half, so nothing read on a learn page can leak into the holdout figures.
 */
export function halfOf(url: string): Half {
  return createHash('sha1').update(url, 'utf8').digest()[0]! % 2 === 0 ? 'learn' : 'holdout';
}

/** The real-world sets: two feedback collections (the second from pages the first never used) and the requests. */
export const REAL_WORLD_SETS = [
  { name: 'feedback', mode: 'feedback', file: 'realworld-feedback.yaml' },
  { name: 'feedback 2', mode: 'feedback', file: 'realworld-feedback-2.yaml' },
  { name: 'request', mode: 'request', file: 'realworld-request.yaml' },
] as const satisfies readonly { name: string; mode: Mode; file: string }[];

export function loadRealWorld(mode: Mode, file = `realworld-${mode}.yaml`): RealItem[] {
  const docs = parse(readFileSync(join(here, 'data', file), 'utf8')) as Partial<RealItem>[];
  const allowed = new Set<string>(CATEGORIES[mode]);
  return docs.map((d, i) => {
    const where = `${file}#${i + 1}`;
    if (typeof d.url !== 'string' || typeof d.text !== 'string' || typeof d.risky !== 'boolean') {
      throw new Error(`${where}: url, text and risky are required`);
    }
    const labels = d.labels ?? [];
    for (const l of labels) if (!allowed.has(l)) throw new Error(`${where}: unknown ${mode} category "${l}"`);
    if (d.risky !== labels.length > 0)
      throw new Error(`${where}: risky must be true exactly when labels are given`);
    return { url: d.url, text: d.text, risky: d.risky, labels, mode };
  });
}

export function split(items: RealItem[]): Record<Half, RealItem[]> {
  return {
    learn: items.filter((i) => halfOf(i.url) === 'learn'),
    holdout: items.filter((i) => halfOf(i.url) === 'holdout'),
  };
}

// ---- Scoring and report -------------------------------------------------------------------------------------

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const TONE = new Set(['defensive', 'entitled', 'hostile']);
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
const frac = (a: number, b: number): number | undefined => (b === 0 ? undefined : a / b);
const fmt = (x: number | undefined, w = 9) => (x === undefined ? '-' : x.toFixed(3)).padStart(w);
const f1 = (c: Counts) => {
  const p = frac(c.tp, c.tp + c.fp) ?? 0;
  const r = frac(c.tp, c.tp + c.fn);
  if (r === undefined) return undefined;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

/**
 * What the checker reports for an item: the categories of its findings, restricted to the item's mode; with or
 * without the second opinion. A feedback item is one sentence, so a finding about a whole letter (no reason given)
 * says nothing about it and is not counted; a request item is a whole email, and its document findings are.
 */
export function debriefCategories(item: RealItem, secondOpinion = false): Set<string> {
  const allowed = new Set<string>(CATEGORIES[item.mode]);
  const aboutTheItem = (f: { start: number; end: number }) => item.mode !== 'feedback' || f.end > f.start;
  return new Set(
    check(item.text, { mode: item.mode, ...(secondOpinion ? { secondOpinion: model } : {}) })
      .filter(aboutTheItem)
      .map((f) => f.category)
      .filter((c) => allowed.has(c)),
  );
}

/** alex has no categories of its own: an item counts as flagged when alex reports any message on it. */
const alexFlags = (item: RealItem) => alex(item.text).messages.length > 0;

export interface HalfScore {
  items: number;
  pages: number;
  anyRisk: Counts;
  /** Requests only: any of the tone categories (defensive, entitled, hostile), leaving out the structural ones. */
  toneRisk?: Counts;
  alexAnyRisk?: Counts;
  categories: Map<string, Counts & { alexFlagged: number }>;
  macroF1: number | undefined;
  misses: string[];
}

export function scoreHalf(items: RealItem[], withAlex: boolean, secondOpinion = false): HalfScore {
  const mode = items[0]?.mode ?? 'feedback';
  const categories = new Map<string, Counts & { alexFlagged: number }>();
  for (const c of CATEGORIES[mode]) categories.set(c, { ...zero(), alexFlagged: 0 });
  const anyRisk = zero();
  const alexAnyRisk = withAlex ? zero() : undefined;
  const toneRisk = mode === 'request' ? zero() : undefined;
  const tone = (labels: Iterable<string>) => [...labels].some((c) => TONE.has(c));
  const misses: string[] = [];
  const bump = (c: Counts, predicted: boolean, expected: boolean) => {
    if (predicted && expected) c.tp++;
    else if (predicted) c.fp++;
    else if (expected) c.fn++;
    else c.tn++;
  };
  for (const item of items) {
    const predicted = debriefCategories(item, secondOpinion);
    bump(anyRisk, predicted.size > 0, item.risky);
    if (toneRisk) bump(toneRisk, tone(predicted), tone(item.labels));
    const flagged = withAlex ? alexFlags(item) : false;
    if (alexAnyRisk) bump(alexAnyRisk, flagged, item.risky);
    for (const [c, counts] of categories) {
      const expected = item.labels.includes(c);
      bump(counts, predicted.has(c), expected);
      if (expected && flagged) counts.alexFlagged++;
      if (expected && !predicted.has(c)) misses.push(`FN ${c.padEnd(14)} ${item.text.replace(/\s+/g, ' ')}`);
      if (!expected && predicted.has(c)) misses.push(`FP ${c.padEnd(14)} ${item.text.replace(/\s+/g, ' ')}`);
    }
  }
  const supported = [...categories.values()].filter((c) => c.tp + c.fn > 0);
  const macroF1 = supported.length
    ? supported.reduce((s, c) => s + (f1(c) ?? 0), 0) / supported.length
    : undefined;
  return {
    items: items.length,
    pages: new Set(items.map((i) => i.url)).size,
    anyRisk,
    toneRisk,
    alexAnyRisk,
    categories,
    macroF1,
    misses,
  };
}

/** `second` is the same half scored with the second opinion: its any-risk row, F1 per category and macro-F1. */
function printHalf(title: string, s: HalfScore, withAlex: boolean, second: HalfScore): void {
  const risky = s.anyRisk.tp + s.anyRisk.fn;
  console.log(`\n${title}: ${s.items} items from ${s.pages} pages (${risky} risky, ${s.items - risky} not)`);
  console.log(
    `  ${'any risk'.padEnd(16)}${['TP', 'FP', 'FN', 'TN'].map((h) => h.padStart(5)).join('')}  precision  recall`,
  );
  const anyRow = (name: string, c: Counts) =>
    console.log(
      `  ${name.padEnd(16)}${[c.tp, c.fp, c.fn, c.tn].map((n) => String(n).padStart(5)).join('')}  ${fmt(frac(c.tp, c.tp + c.fp))}  ${fmt(frac(c.tp, c.tp + c.fn), 6)}`,
    );
  anyRow('debrief', s.anyRisk);
  anyRow('+ 2nd opinion', second.anyRisk);
  if (s.toneRisk) anyRow('debrief, tone', s.toneRisk);
  if (withAlex && s.alexAnyRisk) anyRow('alex 11', s.alexAnyRisk);
  console.log(
    `  ${'category'.padEnd(16)}${'n'.padStart(5)}${['TP', 'FP', 'FN'].map((h) => h.padStart(5)).join('')}  precision  recall      F1  F1 +2nd${withAlex ? '  alex recall' : ''}`,
  );
  for (const [c, k] of s.categories) {
    const n = k.tp + k.fn;
    console.log(
      `  ${c.padEnd(16)}${String(n).padStart(5)}${[k.tp, k.fp, k.fn].map((x) => String(x).padStart(5)).join('')}  ${fmt(frac(k.tp, k.tp + k.fp))}  ${fmt(frac(k.tp, n), 6)}  ${fmt(f1(k), 6)}${fmt(f1(second.categories.get(c)!), 9)}${withAlex ? fmt(frac(k.alexFlagged, n), 13) : ''}`,
    );
  }
  console.log(
    `  macro-F1 over categories with labelled items: ${fmt(s.macroF1, 0)}; with the second opinion ${fmt(second.macroF1, 0)}`,
  );
}

/**
 * Prints the real-world figures for both sets and both halves. Learn-half misses are printed only when asked
 * (`--show-learn-misses`); holdout items are never printed, so the holdout stays a measure of what users will meet.
 */
export function reportRealWorld(showLearnMisses: boolean, learnOnly = false): void {
  console.log(
    '\n=== Real-world sets: published text, labelled before any checker run (eval/REALWORLD.md) ===',
  );
  const holdout: [string, HalfScore, HalfScore][] = [];
  for (const { name, mode, file } of REAL_WORLD_SETS) {
    const halves = split(loadRealWorld(mode, file));
    const withAlex = mode === 'feedback';
    const learn = scoreHalf(halves.learn, withAlex);
    const learn2 = scoreHalf(halves.learn, false, true);
    printHalf(`${name}, learn half (may be read to find classes of misses)`, learn, withAlex, learn2);
    if (showLearnMisses) {
      for (const m of learn.misses) console.log(`    ${m}`);
      const before = new Set(learn.misses);
      for (const m of learn2.misses) if (!before.has(m)) console.log(`    with the second opinion: ${m}`);
    }
    if (learnOnly) continue;
    const hold = scoreHalf(halves.holdout, withAlex);
    const hold2 = scoreHalf(halves.holdout, false, true);
    printHalf(`${name}, HOLDOUT half (never read; the figure users will meet)`, hold, withAlex, hold2);
    holdout.push([name, hold, hold2]);
  }
  if (learnOnly) return;
  console.log('\nHOLDOUT, the figures users will meet (published text the checker was never tuned on):');
  const anyF1 = (c: Counts) => fmt(f1(c), 0);
  for (const [name, s, s2] of holdout) {
    const a = s.anyRisk;
    let line = `  ${name.padEnd(10)} any-risk precision ${fmt(frac(a.tp, a.tp + a.fp), 0)}, recall ${fmt(frac(a.tp, a.tp + a.fn), 0)}; macro-F1 ${fmt(s.macroF1, 0)}`;
    if (s.toneRisk) {
      const t = s.toneRisk;
      line += `; tone only (defensive, entitled, hostile) precision ${fmt(frac(t.tp, t.tp + t.fp), 0)}, recall ${fmt(frac(t.tp, t.tp + t.fn), 0)}`;
    }
    if (s.alexAnyRisk) {
      const b = s.alexAnyRisk;
      line += `; alex 11 any-risk precision ${fmt(frac(b.tp, b.tp + b.fp), 0)}, recall ${fmt(frac(b.tp, b.tp + b.fn), 0)}`;
    }
    console.log(line);
    const a2 = s2.anyRisk;
    console.log(
      `  ${''.padEnd(10)} any-risk F1 ${anyF1(a)}; with the second opinion: any-risk precision ${fmt(frac(a2.tp, a2.tp + a2.fp), 0)}, recall ${fmt(frac(a2.tp, a2.tp + a2.fn), 0)}, F1 ${anyF1(a2)}; macro-F1 ${fmt(s2.macroF1, 0)}`,
    );
  }
}
