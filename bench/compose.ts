// The CPU of composing one draft (composeFeedback: the checker on the notes and on the letter, the rewording into
// the second person, the sections), alone: no database, no HTTP. The drafts are the generated hiring outcomes of
// eval/draft-scenarios.ts with every note made its own text (as bench/bulk.ts does by default: ", in exercise N"
// added to each), composed in batches that each share one ComposeMemo, as rejectBatch does. CPU-bound, so far
// steadier than the bulk bench on a shared machine. Prints CPU ms a draft per round, then the best and the median.
//   npx tsx bench/compose.ts                      (3,000 drafts a round, 7 rounds after one to warm up, batches of 50)
//   COMPOSE_SHAPE=bulk npx tsx bench/compose.ts   (the drafts of bench/bulk.ts instead: one job of four criteria, two
//     scorecards of four notes each, every note one of six texts with ", in exercise N" added)
//   COMPOSE_N=1000 COMPOSE_ROUNDS=5 COMPOSE_BATCH=200 npx tsx bench/compose.ts
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/compose.ts   (then bench/cpuprofile-summary.mjs)
import { scenario } from '../eval/draft-scenarios';
import { DEFAULT_REJECTION_REASONS } from '../src/domain';
import { type ComposeInput, ComposeMemo, composeFeedback } from '../src/domain/compose-feedback';
import { CRITERIA as BENCH_CRITERIA, uniqueNote } from './fixtures';

const N = Number(process.env.COMPOSE_N ?? 3000);
const ROUNDS = Number(process.env.COMPOSE_ROUNDS ?? 7);
const BATCH = Number(process.env.COMPOSE_BATCH ?? 50);
const SHAPE = process.env.COMPOSE_SHAPE === 'bulk' ? 'bulk' : 'scenarios';

/** bench/bulk.ts's criteria, with ids. */
const CRITERIA = BENCH_CRITERIA.map((c, k) => ({ id: `c${k + 1}`, ...c }));
const skillsGap =
  DEFAULT_REJECTION_REASONS.find((r) => r.code === 'skills-gap') ?? DEFAULT_REJECTION_REASONS[0];

/** A draft of bench/bulk.ts: candidate `i` of a job, its notes numbered from `n`. */
function bulkInput(i: number, n: number): ComposeInput {
  return {
    organizationName: 'Bench Org',
    jobTitle: 'Senior Backend Engineer',
    candidateName: `Candidate ${i}`,
    reason: skillsGap as ComposeInput['reason'],
    criteria: CRITERIA,
    scorecards: (['interview', 'final'] as const).map((stage, j) => ({
      id: `sc-${i}-${stage}`,
      stage,
      interviewerName: j ? 'Priya Raman' : 'Marcus Olsen',
      ratings: CRITERIA.map((c, k) => ({
        criterionId: c.id,
        rating: (((i + k) % 4) + 1) as 1 | 2 | 3 | 4,
        evidence: uniqueNote(i, k, n + k * 2 + j),
      })),
    })),
  };
}

/** Every note of every scorecard its own text, round after round (so no round finds another's in a memo). */
function inputs(round: number): ComposeInput[] {
  const out: ComposeInput[] = [];
  for (let i = 0; i < N; i++) {
    if (SHAPE === 'bulk') {
      out.push(bulkInput(i, (round * N + i) * 8));
      continue;
    }
    const { input } = scenario(i);
    let k = 0;
    out.push({
      ...input,
      scorecards: input.scorecards.map((s) => ({
        ...s,
        ratings: s.ratings.map((r) => {
          k++;
          return r.evidence
            ? {
                ...r,
                evidence: `${r.evidence.replace(/[\s.]+$/, '')}, in exercise ${(round * N + i) * 64 + k}.`,
              }
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
  `compose (${SHAPE}): ${N} drafts a round, batches of ${BATCH}, unique notes: best ${sorted[0]?.toFixed(3)}, median ${median.toFixed(3)} CPU ms a draft`,
);
