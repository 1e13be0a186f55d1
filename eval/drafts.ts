// `npm run eval:drafts`: composes the feedback for generated hiring outcomes (eval/draft-scenarios.ts: roles from
// several fields, every stage and reason, 2 to 6 criteria, short, long, messy and third-person evidence) and reports
// the share of drafts that paste a criterion's description, repeat a sentence, double their punctuation, have a gap
// without evidence or without a pointer specific to its skill, get any checker finding, exceed the stage's length,
// or read above grade 10 (Flesch-Kincaid). `--count N` sets the number of scenarios (default 300); `--show N` prints
// up to N failing drafts. Exits non-zero when any share but the reading grade is above 0, or fewer than 95% of the
// drafts read at grade 10 or below.
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { composeFeedback } from '../src/domain';
import { contentSentences, type Problem, problems, scenario } from './draft-scenarios';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const COUNT = arg('--count', 300);
const SHOW = arg('--show', 0);
const GRADE = 10;

/** The Flesch-Kincaid grade of some sentences. */
export function grade(sentences: string[]): number {
  const words = sentences.join(' ').match(/[\p{L}\p{N}’'-]+/gu) ?? [];
  if (words.length === 0) return 0;
  return fleschKincaid({
    sentence: sentences.length,
    word: words.length,
    syllable: words.reduce((n, w) => n + syllable(w), 0),
  });
}

const PROBLEMS: Problem[] = [
  'pasted-description',
  'repeated-sentence',
  'double-punctuation',
  'gap-without-evidence',
  'gap-without-specific-pointer',
  'checker-finding',
  'too-long',
  'private-or-name',
];

const counts = new Map<string, number>(PROBLEMS.map((p) => [p, 0]));
const byDepth = new Map<string, number>();
const grades: number[] = [];
const failing: { seed: number; problems: string[]; body: string }[] = [];
let gaps = 0;
for (let seed = 1; seed <= COUNT; seed++) {
  const s = scenario(seed);
  const out = composeFeedback(s.input);
  byDepth.set(out.policy.depth, (byDepth.get(out.policy.depth) ?? 0) + 1);
  gaps += out.sections.gaps.length;
  const found: string[] = problems(s, out);
  for (const p of found) counts.set(p, (counts.get(p) ?? 0) + 1);
  const g = grade(contentSentences(out));
  grades.push(g);
  if (g > GRADE) found.push(`grade ${g.toFixed(1)}`);
  if (found.length) failing.push({ seed, problems: found, body: out.body });
}

const pct = (n: number) => `${((100 * n) / COUNT).toFixed(1)}%`;
console.log(
  `${COUNT} drafts (${[...byDepth].map(([d, n]) => `${n} ${d}`).join(', ')}; ${gaps} gap sections)\n`,
);
for (const p of PROBLEMS) console.log(`${p.padEnd(30)} ${pct(counts.get(p) ?? 0)}`);
const sorted = [...grades].sort((a, b) => a - b);
const within = grades.filter((g) => g <= GRADE).length;
console.log(`${`reading grade above ${GRADE}`.padEnd(30)} ${pct(COUNT - within)}`);
console.log(
  `reading grade: median ${sorted[Math.floor(COUNT / 2)]?.toFixed(1)}, 95th percentile ${sorted[Math.floor(COUNT * 0.95)]?.toFixed(1)}, highest ${sorted.at(-1)?.toFixed(1)}`,
);
for (const f of failing.slice(0, SHOW))
  console.log(`\n--- seed ${f.seed}: ${f.problems.join(', ')}\n${f.body}`);

const failed = PROBLEMS.some((p) => (counts.get(p) ?? 0) > 0) || within / COUNT < 0.95;
process.exitCode = failed ? 1 : 0;
