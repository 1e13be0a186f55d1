// Drafts composed and checked per second: rejecting 1,000 applications (each with two scorecards) through the real
// use case, which composes the draft from the evidence, runs the checker, and writes the rejection, the draft and
// two audit events in one transaction. The baseline, measured in the same run on the same database, is the bare
// cost of one transaction that writes a row of the same size: the ratio says what composing and checking add.
//   npx tsx bench/hiring.ts                  (embedded PGlite, in memory)
//   DATABASE_URL=postgres://... npx tsx bench/hiring.ts
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../src/app/context';
import { anonymous } from '../src/app/context';
import { rejectApplication } from '../src/app/feedback/reject-application';
import { addApplication } from '../src/app/hiring/add-application';
import { createJob } from '../src/app/hiring/create-job';
import { submitScorecard } from '../src/app/hiring/submit-scorecard';
import { confirmSignUp } from '../src/app/identity/confirm-sign-up';
import { signUp } from '../src/app/identity/sign-up';
import { assemble } from '../src/boot';
import { check } from '../src/checker';
import { loadConfig } from '../src/config';
import { openPglite, openPostgres } from '../src/db/client';
import { emails } from '../src/db/schema';
import { composeFeedback } from '../src/domain/compose-feedback';
import { DEFAULT_REJECTION_REASONS } from '../src/domain/rejection-reasons';
import type { Rating } from '../src/domain/vocabulary';
import { createLogger } from '../src/lib/logger';
import { CRITERIA, EVIDENCE } from './fixtures';

const N = Number(process.env.BENCH_APPLICATIONS ?? 1000);
const url = process.env.DATABASE_URL;
const engine = url ? 'PostgreSQL' : 'PGlite';

async function main() {
  const database = url ? await openPostgres(url, 4) : await openPglite({});
  await database.migrate();
  const config = loadConfig({ DATA_DIR: '/tmp/debrief-bench', NODE_ENV: 'production' });
  const { ctx } = assemble(config, database, createLogger('silent'));

  const stamp = Date.now().toString(36);
  const email = `bench-${stamp}@bench.test`;
  await signUp(ctx, anonymous, {
    name: 'Bench Co',
    admin: { name: 'Bench Admin', email, password: 'correct horse battery staple' },
  });
  // The link the sign-up emailed, read from the outbox as the admin would read it from their inbox.
  const [message] = await database.db.select().from(emails).where(eq(emails.to, email));
  const link = /\/signup\/confirm\/(\S+)/.exec(message?.text ?? '');
  if (!link?.[1]) throw new Error('no sign-up link');
  const { organization, user } = await confirmSignUp(ctx, anonymous, { token: link[1] });
  const actor: Actor = {
    type: 'user',
    userId: user.id,
    organizationId: organization.id,
    role: 'admin',
    name: user.name,
    email: user.email,
  };
  const { job, criteria } = await createJob(ctx, actor, {
    title: 'Senior Backend Engineer',
    criteria: [...CRITERIA],
  });

  process.stdout.write(`${engine}: preparing ${N} applications with two scorecards each… `);
  const apps: string[] = [];
  for (let i = 0; i < N; i++) {
    const { application } = await addApplication(ctx, actor, {
      jobId: job.id,
      candidate: { name: `Candidate ${i}`, email: `c${i}-${stamp}@bench.test` },
    });
    for (const stage of ['interview', 'final'] as const) {
      await submitScorecard(ctx, actor, {
        applicationId: application.id,
        stage,
        recommendation: 'no',
        ratings: criteria.map((c, k) => ({
          criterionId: c.id,
          rating: (((i + k) % 4) + 1) as Rating,
          evidence: EVIDENCE[(i + k) % EVIDENCE.length],
        })),
      });
    }
    apps.push(application.id);
  }
  console.log('done');

  // Baseline: one transaction per application writing a row as large as a draft.
  await ctx.db.execute(
    sql`create temporary table bench_baseline (id serial primary key, application_id uuid, body text)`,
  );
  const sampleBody = 'x'.repeat(1800);
  let t = performance.now();
  for (const id of apps) {
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`insert into bench_baseline (application_id, body) values (${id}, ${sampleBody})`);
    });
  }
  const baselineS = (performance.now() - t) / 1000;

  // In memory: compose and check alone, no database.
  const reason = DEFAULT_REJECTION_REASONS[0];
  t = performance.now();
  for (let i = 0; i < N; i++) {
    const composed = composeFeedback({
      organizationName: 'Bench Co',
      jobTitle: job.title,
      candidateName: `Candidate ${i}`,
      reason,
      criteria: criteria.map((c) => ({ id: c.id, name: c.name, description: c.description })),
      scorecards: ['interview', 'final'].map((stage, s) => ({
        id: `00000000-0000-4000-8000-00000000000${s}`,
        stage: stage as 'interview' | 'final',
        interviewerName: `Interviewer ${i % 7}`,
        ratings: criteria.map((c, k) => ({
          criterionId: c.id,
          rating: (((i + k) % 4) + 1) as Rating,
          evidence: EVIDENCE[(i + k) % EVIDENCE.length],
        })),
      })),
    });
    check(composed.body);
  }
  const memoryS = (performance.now() - t) / 1000;

  // The real thing: the rejection use case, one transaction each.
  t = performance.now();
  for (const id of apps) await rejectApplication(ctx, actor, { applicationId: id, reason: 'skills-gap' });
  const rejectS = (performance.now() - t) / 1000;

  const rate = (s: number) => Math.round(N / s);
  console.log(`${engine}: ${N} applications`);
  console.log(`  baseline (one bare write transaction each) ${rate(baselineS).toLocaleString('en')}/s`);
  console.log(`  compose + check in memory                  ${rate(memoryS).toLocaleString('en')}/s`);
  console.log(
    `  reject: compose + check + write + audit    ${rate(rejectS).toLocaleString('en')}/s  (${(rejectS / baselineS).toFixed(1)}x the baseline's time)`,
  );
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
