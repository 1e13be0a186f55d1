// Where the checker's time goes, by rule pattern and by the words a phrase is tried at: a profile of `check()` on a
// corpus, to find the phrases worth narrowing (bench/README.md, "2026-12-03 (afternoon)").
//
//   npx tsx bench/checker.ts --write-corpus /tmp/feedback.txt     # the benchmark's 32 MB corpus
//   npx tsx bench/checker-rules.ts /tmp/feedback.txt [--top 30]
//
// Every phrase's regular expression is timed where the engine tries it (performance.now() around each exec, which
// roughly doubles the run: read the figures as shares, not as absolute times; a pattern's first run includes
// compiling it, which dominates for a lexicon's rarely tried pattern), with how often it ran and matched;
// then the first two words of each place phrases were tried, with how many phrases were tried there.
import { readFileSync } from 'node:fs';
import { check, listRules } from '../src/checker';
import type { Candidate } from '../src/checker/matching';
import { RuleScanner } from '../src/checker/scanner';

const file = process.argv[2];
if (!file || file.startsWith('-')) {
  console.error('usage: npx tsx bench/checker-rules.ts FILE [--top N]');
  process.exit(2);
}
const top = process.argv.includes('--top') ? Number(process.argv[process.argv.indexOf('--top') + 1]) : 30;
const text = readFileSync(file, 'utf8');

const names = new Map<string, string>();
for (const rule of listRules())
  rule.patterns.forEach((p, i) => {
    names.set(p, `${rule.id}#${i}`);
  });

interface Tally {
  runs: number;
  matches: number;
  ms: number;
}
const byPattern = new Map<string, Tally>();
const byWords = new Map<string, Tally & { phrases: number }>();

type TryAt = (
  this: RuleScanner,
  cands: readonly Candidate[],
  text: string,
  start: number,
  ...rest: unknown[]
) => number;
const proto = RuleScanner.prototype as unknown as { tryAt: TryAt };
const tryAt = proto.tryAt;
proto.tryAt = function (cands, t, start, ...rest) {
  let ms = 0;
  for (const c of cands) {
    const name = names.get((c as unknown as { source: string }).source) ?? '?';
    c.re.lastIndex = start;
    const t0 = performance.now();
    const m = c.re.exec(t);
    const dt = performance.now() - t0;
    ms += dt;
    const p = byPattern.get(name) ?? { runs: 0, matches: 0, ms: 0 };
    p.runs++;
    p.ms += dt;
    if (m) p.matches++;
    byPattern.set(name, p);
  }
  const words = (
    /^[\w'\u2019-]+\W+[\w'\u2019-]+/.exec(t.slice(start, start + 60))?.[0] ?? t.slice(start, start + 20)
  )
    .toLowerCase()
    .replace(/\s+/g, ' ');
  const w = byWords.get(words) ?? { runs: 0, matches: 0, ms: 0, phrases: 0 };
  w.runs++;
  w.phrases += cands.length;
  w.ms += ms;
  byWords.set(words, w);
  return tryAt.call(this, cands, t, start, ...rest);
};

const t0 = performance.now();
const findings = check(text).length;
const total = performance.now() - t0;
const regexMs = [...byPattern.values()].reduce((a, p) => a + p.ms, 0);
const runs = [...byPattern.values()].reduce((a, p) => a + p.runs, 0);
console.log(
  `${(text.length / 1e6).toFixed(1)} MB, ${findings} findings, ${total.toFixed(0)} ms instrumented; ` +
    `${runs} regular-expression runs, ${regexMs.toFixed(0)} ms in them`,
);
console.log(`\nPatterns by time (top ${top}):`);
for (const [name, p] of [...byPattern].sort((a, b) => b[1].ms - a[1].ms).slice(0, top))
  console.log(
    `${p.ms.toFixed(0).padStart(7)} ms ${String(p.runs).padStart(9)} runs ${String(p.matches).padStart(8)} matches  ${name}`,
  );
console.log(`\nWhere phrases were tried, by the first two words (top ${top}):`);
for (const [words, w] of [...byWords].sort((a, b) => b[1].ms - a[1].ms).slice(0, top))
  console.log(
    `${w.ms.toFixed(0).padStart(7)} ms ${String(w.runs).padStart(9)} places ${(w.phrases / w.runs).toFixed(1).padStart(6)} phrases each  ${words}`,
  );
