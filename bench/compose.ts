// The CPU of composing one draft (composeFeedback: the checker on the notes and on the letter, the rewording into
// the second person, the sections), alone: no database, no HTTP. The drafts are the generated hiring outcomes of
// eval/draft-scenarios.ts with every note made its own text (as bench/bulk.ts does by default: ", in exercise N"
// added to each), composed in batches that each share one ComposeMemo, as rejectBatch does. CPU-bound, so far
// steadier than the bulk bench on a shared machine. Prints CPU ms a draft per round, then the best and the median.
//   npx tsx bench/compose.ts                      (3,000 drafts a round, 7 rounds after one to warm up, batches of 50)
//   COMPOSE_N=1000 COMPOSE_ROUNDS=5 COMPOSE_BATCH=200 npx tsx bench/compose.ts
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/compose.ts   (then bench/cpuprofile-summary.mjs)
import { scenario } from '../eval/draft-scenarios';
import { ComposeMemo, type ComposeInput, composeFeedback } from '../src/domain/compose-feedback';

const N = Number(process.env.COMPOSE_N ?? 3000);
const ROUNDS = Number(process.env.COMPOSE_ROUNDS ?? 7);
const BATCH = Number(process.env.COMPOSE_BATCH ?? 50);

/** Every note of every scorecard its own text, round after round (so no round finds another's in a memo). */
function inputs(round: number): ComposeInput[] {
  const out: ComposeInput[] = [];
  for (let i = 0; i < N; i++) {
    const { input } = scenario(i);
    let k = 0;
    out.push({
      ...input,
      scorecards: input.scorecards.map((s) => ({
        ...s,
        ratings: s.ratings.map((r) => {
          k++;
          return r.evidence
            ? { ...r, evidence: `${r.evidence.replace(/[\s.]+$/, '')}, in exercise ${(round * N + i) * 64 + k}.` }
            : r;
        }),
      })),
    });
  }
  return out;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const perDraft: number[] = [];
for (let round = 0; round <= ROUNDS; round++) {
  const all = inputs(round);
  const before = process.cpuUsage();
  let memo = new ComposeMemo();
  for (let i = 0; i < all.length; i++) {
    if (i % BATCH === 0) memo = new ComposeMemo();
    composeFeedback(all[i] as ComposeInput, memo);
  }
  const ms = cpuMs(process.cpuUsage(before)) / all.length;
  if (round > 0) perDraft.push(ms);
  console.log(`round ${round}${round === 0 ? ' (warm-up)' : ''}: ${ms.toFixed(3)} CPU ms a draft`);
}
const sorted = [...perDraft].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
console.log(
  `compose: ${N} drafts a round, batches of ${BATCH}, unique notes: best ${sorted[0]?.toFixed(3)}, median ${median.toFixed(3)} CPU ms a draft`,
);
