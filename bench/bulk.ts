// Bulk work on 1,000 applications, with the server serving requests meanwhile. In one process: Debrief's HTTP server,
// its job runner and a real SMTP server on 127.0.0.1. Two jobs (300 and N applications, each with two scorecards)
// are prepared through the use cases, then, in the same run and on the same database:
//   - one by one: `rejectApplication` for each application of the first job, one transaction each (how the bulk
//     rejection ran before it was batched: the baseline);
//   - bulk: `POST /api/v1/applications/bulk-rejection` for every application of the second job, run by the job
//     runner in batches; meanwhile a separate process asks `GET /api/v1/health` one request after another and
//     records each answer's time (p50, p99, max), against the same route measured idle just before;
//   - approve all: `POST /api/v1/feedback-approvals` for the second job's drafts, until every email is delivered.
//     The organization's hourly sending limit pauses the run; the bench then moves the clock on by an hour (the
//     emails already sent are dated an hour earlier and the paused run is made due), as the hours would. It counts
//     what the SMTP server received: every approved candidate exactly one message, and no message twice.
//   npx tsx bench/bulk.ts                  (embedded PGlite, in memory)
//   DATABASE_URL=postgres://... npx tsx bench/bulk.ts
//   BENCH_APPLICATIONS=200 npx tsx bench/bulk.ts   (a shorter run; BENCH_BASELINE: the baseline's, default 300)
//   BENCH_CPU_PROF=bulk.cpuprofile npx tsx bench/bulk.ts   (a CPU profile of the bulk rejection alone)
//   BENCH_APPROVE=0 npx tsx bench/bulk.ts   (the rejection figures only: approve all is not run)
//   BENCH_PROBE=0 npx tsx bench/bulk.ts   (no /health requests during the bulk: its CPU time is the bulk's alone)
// On PostgreSQL on the same machine (Linux), it also gives the server's CPU a draft during the bulk: the work the
// statements cost there (parsing the JSON sent, building the stored values), which the process's figure leaves out.
//   BENCH_UNIQUE_NOTES=0 npx tsx bench/bulk.ts   (the notes are six texts, so the drafts of a batch share most of
//     their notes; by default every note of every scorecard is its own text, as real notes are)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { and, eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { Actor } from '../src/app/context';
import { anonymous } from '../src/app/context';
import { rejectApplication } from '../src/app/feedback/reject-application';
import { addApplication } from '../src/app/hiring/add-application';
import { createJob } from '../src/app/hiring/create-job';
import { submitScorecard } from '../src/app/hiring/submit-scorecard';
import { confirmSignUp } from '../src/app/identity/confirm-sign-up';
import { signUp } from '../src/app/identity/sign-up';
import { assemble } from '../src/boot';
import { loadConfig } from '../src/config';
import { openPglite, openPostgres } from '../src/db/client';
import { bulkOperations, emails, outbox } from '../src/db/schema';
import type { Rating } from '../src/domain/vocabulary';
import { createLogger } from '../src/lib/logger';
import { CRITERIA, EVIDENCE, uniqueNote } from './fixtures';

const N = Number(process.env.BENCH_APPLICATIONS ?? 1000);
/** The baseline's applications: enough for a steady rate, fewer to prepare. */
const BASELINE = Math.min(N, Number(process.env.BENCH_BASELINE ?? 300));
const url = process.env.DATABASE_URL;
const UNIQUE_NOTES = process.env.BENCH_UNIQUE_NOTES !== '0';
const engine = url ? 'PostgreSQL' : 'PGlite';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dataDir = `/tmp/debrief-bench-bulk-${process.pid}`;

/** A real SMTP server that counts what it accepts, by recipient and by Message-ID. */
async function startSmtp() {
  const byRecipient = new Map<string, number>();
  const messageIds = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) {
          const to = r.address.toLowerCase();
          byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
        }
        const id = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw)?.[1];
        if (id) messageIds.set(id, (messageIds.get(id) ?? 0) + 1);
        if (id && (messageIds.get(id) ?? 0) > 1)
          process.stderr.write(
            `  received twice: ${id} to ${session.envelope.rcptTo.map((r) => r.address).join(', ')}, ${/^Subject:(.*)$/im.exec(raw)?.[1]?.trim()}\n`,
          );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, byRecipient, messageIds, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Asks the health route one request after another from a separate process (so its own clock is not the server's
 * event loop) until told to stop; returns every answer's time in ms.
 */
function healthProbe(base: string) {
  if (process.env.BENCH_PROBE === '0') return { stop: async () => [] as number[] };
  const code = `
    const times = []; let stop = false;
    process.stdin.on('data', () => { stop = true; });
    (async () => {
      while (!stop) {
        const t = performance.now();
        const r = await fetch(${JSON.stringify(`${base}/api/v1/health`)});
        await r.text();
        if (!r.ok) { console.error('health answered', r.status); process.exit(1); }
        times.push(performance.now() - t);
        await new Promise((res) => setTimeout(res, 5));
      }
      process.stdout.write(JSON.stringify(times));
      process.exit(0);
    })();`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const done = new Promise<number[]>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error('health probe failed')),
    ),
  );
  return {
    stop: () => {
      child.stdin.write('stop\n');
      return done;
    },
  };
}

function percentiles(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
  return { n: s.length, p50: at(50), p99: at(99), max: s[s.length - 1] ?? Number.NaN };
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  rmSync(dataDir, { recursive: true, force: true });
  const smtp = await startSmtp();
  const database = url ? await openPostgres(url, 10) : await openPglite({});
  await database.migrate();
  const config = loadConfig({
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    JOB_POLL_MS: '100',
    // A message refused for a moment is tried again soon, not in 30 s: the bench measures the work, not the backoff.
    JOB_RETRY_BASE_MS: '200',
  });
  // Warnings and errors (a job retried, a job failed) go to stderr: a bench run should show them.
  const debrief = assemble(config, database, createLogger('warn'));
  const { ctx } = debrief;
  const server = serve({ fetch: debrief.http.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  debrief.runner.start();

  const stamp = Date.now().toString(36);
  const email = `bench-${stamp}@bench.test`;
  await signUp(ctx, anonymous, {
    name: 'Bench Co',
    admin: { name: 'Bench Admin', email, password: 'correct horse battery staple' },
  });
  const [message] = await database.db.select().from(emails).where(eq(emails.to, email));
  const link = /\/signup\/confirm\/(\S+)/.exec(message?.text ?? '');
  if (!link?.[1]) throw new Error('no sign-up link');
  const { organization, user, token } = await confirmSignUp(ctx, anonymous, { token: link[1] });
  const actor: Actor = {
    type: 'user',
    userId: user.id,
    organizationId: organization.id,
    role: 'admin',
    name: user.name,
    email: user.email,
  };
  const api = async (path: string, body: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await r.json();
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(answer)}`);
    return answer as { id: string; total: number };
  };
  const operation = async (id: string) => {
    const [op] = await ctx.db.select().from(bulkOperations).where(eq(bulkOperations.id, id));
    if (!op) throw new Error('no operation');
    return op;
  };

  const prepare = async (title: string, n: number) => {
    const { job, criteria } = await createJob(ctx, actor, {
      title,
      criteria: [...CRITERIA],
    });
    const apps: string[] = [];
    for (let i = 0; i < n; i++) {
      const { application } = await addApplication(ctx, actor, {
        jobId: job.id,
        candidate: { name: `Candidate ${i}`, email: `c${i}-${title.length}-${stamp}@bench.test` },
      });
      for (const stage of ['interview', 'final'] as const) {
        await submitScorecard(ctx, actor, {
          applicationId: application.id,
          stage,
          recommendation: 'no',
          ratings: criteria.map((c, k) => ({
            criterionId: c.id,
            rating: (((i + k) % 4) + 1) as Rating,
            evidence: UNIQUE_NOTES
              ? uniqueNote(i, k, i * 8 + k * 2 + (stage === 'final' ? 1 : 0))
              : EVIDENCE[(i + k) % EVIDENCE.length],
          })),
        });
      }
      apps.push(application.id);
    }
    return { jobId: job.id, apps };
  };

  process.stdout.write(
    `${engine}: preparing a job of ${BASELINE} applications and one of ${N}, two scorecards each… `,
  );
  const one = await prepare('Backend Engineer', BASELINE);
  const bulk = await prepare('Senior Backend Engineer', N);
  console.log('done');

  const phase = (what: string) => process.stderr.write(`${new Date().toISOString()} ${what}\n`);
  // Baseline: one rejection per transaction, as the bulk job used to run.
  phase('one by one');
  let cpu = process.cpuUsage();
  let t = performance.now();
  for (const id of one.apps) await rejectApplication(ctx, actor, { applicationId: id, reason: 'skills-gap' });
  const oneByOneS = (performance.now() - t) / 1000;
  // CPU time of this process (the server, its job runner and, on PGlite, the database): steadier than the wall
  // clock on a shared machine.
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  const oneByOneCpu = cpuMs(process.cpuUsage(cpu));

  // Idle health, then health during the bulk rejection.
  phase('bulk rejection');
  let probe = healthProbe(base);
  await sleep(2000);
  const idle = percentiles(await probe.stop());
  probe = healthProbe(base);
  await sleep(200);
  const profile = await profileIf(process.env.BENCH_CPU_PROF);
  const postmaster = url ? await postmasterOf(database) : undefined;
  const dbCpu = postmaster ? databaseCpuMs(postmaster) : Number.NaN;
  cpu = process.cpuUsage();
  t = performance.now();
  const started = await api('/api/v1/applications/bulk-rejection', {
    reason: 'skills-gap',
    filter: { jobId: bulk.jobId },
  });
  const acceptedMs = performance.now() - t;
  if (started.total !== N) throw new Error(`the bulk rejection took ${started.total}, not ${N}`);
  for (;;) {
    const op = await operation(started.id);
    if (op.status !== 'running') {
      if (op.status !== 'done' || op.results.succeeded !== N) throw new Error(`bulk rejection: ${op.status}`);
      break;
    }
    await sleep(20);
  }
  const bulkS = (performance.now() - t) / 1000;
  const bulkCpu = cpuMs(process.cpuUsage(cpu));
  const bulkDbCpu = postmaster ? databaseCpuMs(postmaster) - dbCpu : Number.NaN;
  await profile?.();
  const during = percentiles(await probe.stop());
  const rate = (s: number, n = N) => Math.round(n / s).toLocaleString('en');
  console.log(
    `${engine}: ${N} applications${UNIQUE_NOTES ? ', every note its own text' : ', six note texts shared by all'} (load average ${(await loadAverage()).join(', ')})`,
  );
  console.log(
    `  reject one by one (one transaction each, the baseline)  ${rate(oneByOneS, BASELINE)} drafts/s  (${BASELINE} applications)`,
  );
  console.log(
    `  bulk rejection (POST to done, batched, serving /health) ${rate(bulkS)} drafts/s  (${(oneByOneS / BASELINE / (bulkS / N)).toFixed(1)}x the baseline; the POST answered 202 in ${ms(acceptedMs)})`,
  );
  console.log(
    `  CPU of this process per draft: one by one ${(oneByOneCpu / BASELINE).toFixed(2)} ms, bulk ${(bulkCpu / N).toFixed(2)} ms (with the /health requests it served)${postmaster ? `; PostgreSQL's CPU per draft (bulk) ${(bulkDbCpu / N).toFixed(2)} ms` : ''}`,
  );
  console.log(
    `  /api/v1/health idle:             p50 ${ms(idle.p50)}  p99 ${ms(idle.p99)}  max ${ms(idle.max)}  (${idle.n} requests)`,
  );
  console.log(
    `  /api/v1/health during the bulk:  p50 ${ms(during.p50)}  p99 ${ms(during.p99)}  max ${ms(during.max)}  (${during.n} requests; target p99 < 100 ms on PGlite)`,
  );

  if (process.env.BENCH_APPROVE === '0') {
    await debrief.runner.stop();
    server.close();
    debrief.mailer.close();
    await database.close();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  }

  // Approve every draft without findings, and count what the mail server receives.
  phase('approve all');
  t = performance.now();
  const approval = await api('/api/v1/feedback-approvals', { jobId: bulk.jobId });
  let pauses = 0;
  // Ten minutes at most: a stalled run says where it stopped (the operation and the outbox) and fails the bench.
  const giveUpAt = Date.now() + Number(process.env.BENCH_APPROVE_MINUTES ?? 10) * 60_000;
  // The approval's runs in the outbox (the first, and one per pause), for the log.
  const approvalRuns = () =>
    ctx.db
      .select({
        id: outbox.id,
        status: outbox.status,
        runAt: outbox.runAt,
        lockedUntil: outbox.lockedUntil,
        attempts: outbox.attempts,
        dedupeKey: outbox.dedupeKey,
      })
      .from(outbox)
      .where(eq(outbox.kind, 'approve-drafts'))
      .orderBy(outbox.id);
  const unlessStalled = async () => {
    if (Date.now() < giveUpAt) return;
    const op = await operation(approval.id);
    const jobs = await ctx.db
      .select({
        kind: outbox.kind,
        status: outbox.status,
        n: sql<number>`count(*)::int`,
        nextRun: sql<string>`min(${outbox.runAt})::text`,
      })
      .from(outbox)
      .groupBy(outbox.kind, outbox.status);
    console.log(
      `  FAILED: approve all stalled: ${op.done} of ${op.total} done, results ${JSON.stringify({ ...op.results, withFindings: op.results.withFindings?.length, skipped: op.results.skipped?.length })}; outbox ${JSON.stringify(jobs)}; ${[...smtp.byRecipient.values()].reduce((a, b) => a + b, 0)} messages received`,
    );
    console.log(`  the operation's runs: ${JSON.stringify(await approvalRuns())}`);
    process.exit(1);
  };
  // A pause is known by where it stopped (the drafts done): the bench moves the clock on once per place. It does not
  // wait to see the run carry on (the field clears and may be set again, at the next place, between two looks).
  let movedAt = -1;
  for (let i = 0; ; i++) {
    await unlessStalled();
    const op = await operation(approval.id);
    if (op.status !== 'running') break;
    if (op.results.waitingUntil) {
      if (op.done !== movedAt) {
        // An hour on: the emails sent so far leave the hourly window.
        pauses++;
        movedAt = op.done;
        phase(
          `approval paused at ${op.done} of ${op.total}, until ${op.results.waitingUntil}; runs ${JSON.stringify(await approvalRuns())}`,
        );
        await ctx.db
          .update(emails)
          .set({ createdAt: sql`${emails.createdAt} - interval '1 hour'` })
          .where(eq(emails.organizationId, organization.id));
      }
      // The paused run is due now; asked again until it has carried on.
      if (i % 10 === 0) {
        await ctx.db
          .update(outbox)
          .set({ runAt: sql`now()` })
          .where(and(eq(outbox.kind, 'approve-drafts'), eq(outbox.status, 'queued')));
        debrief.runner.poke();
      }
    }
    await sleep(20);
  }
  const approved = await operation(approval.id);
  phase('delivering');
  for (;;) {
    const [{ n }] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(and(eq(outbox.kind, 'deliver-email'), sql`${outbox.status} in ('queued', 'running')`));
    if (n === 0) break;
    await unlessStalled();
    await sleep(50);
  }
  const approveS = (performance.now() - t) / 1000;
  const candidates = [...smtp.byRecipient].filter(([to]) => to.startsWith('c') && to.includes(`-${stamp}@`));
  const twice = candidates.filter(([, n]) => n !== 1).length;
  const duplicateIds = [...smtp.messageIds.values()].filter((n) => n > 1).length;

  console.log(
    `  approve all: ${approved.results.succeeded} drafts approved (${approved.results.withFindings?.length ?? 0} left with findings), ${candidates.length} candidates emailed, ${twice} of them not exactly once, ${duplicateIds} Message-IDs received twice; ${pauses} pauses at the hourly limit; ${approveS.toFixed(1)} s`,
  );
  const ok = approved.results.succeeded === N && candidates.length === N && twice === 0 && duplicateIds === 0;
  if (!ok) console.log('  FAILED: approving every draft did not send each candidate exactly one email');

  await debrief.runner.stop();
  server.close();
  debrief.mailer.close();
  await database.close();
  await smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}

/** A CPU profile of the bulk rejection alone, written to `file` (open it in Chrome's DevTools), when asked for. */
async function profileIf(file: string | undefined) {
  if (!file) return undefined;
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/**
 * The PostgreSQL server's main process, when it runs on this machine: the parent of this connection's backend (Linux
 * only; undefined elsewhere, or when the server is on another machine).
 */
async function postmasterOf(database: Awaited<ReturnType<typeof openPostgres>>) {
  const result = (await database.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
    rows: { pid: number }[];
  };
  const pid = result.rows[0]?.pid;
  const parent = pid ? statFields(pid)?.[1] : undefined;
  return parent ? Number(parent) : undefined;
}

/** The fields of /proc/<pid>/stat after the command's name (the state is the first), or undefined. */
function statFields(pid: number) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * CPU time in ms of the PostgreSQL server: its main process and every process it started (backends, writers), with
 * the children it has reaped. USER_HZ is 100 on Linux.
 */
function databaseCpuMs(postmaster: number) {
  const cpu = (pid: number) => {
    const f = statFields(pid);
    return f ? (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10 : 0;
  };
  let total = cpu(postmaster);
  for (const name of readdirSync('/proc'))
    if (/^\d+$/.test(name) && statFields(Number(name))?.[1] === String(postmaster))
      total += cpu(Number(name));
  return total;
}

async function loadAverage() {
  const { loadavg } = await import('node:os');
  return loadavg().map((x) => x.toFixed(2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
