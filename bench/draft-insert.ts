// The drafts' insert alone: the bulk bench's 1,000 letters (every note its own text), 50 a statement, through
// `insertJsonRows` as a batch sends them, in turns: the values whole (as main sends them), compact and made whole
// again by the statement (`draftFromCompact`), and compact stored as sent (not a valid draft: to price the bytes
// alone). This process's CPU and PostgreSQL's a draft (foreign keys off, each batch rolled back).
//   node scripts/with-postgres.mjs npx tsx bench/draft-insert.ts   (ROUNDS=12 for more turns)
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres } from '../src/db/client';
import { compactDraft, draftFromCompact } from '../src/db/draft-json';
import { insertJsonRows } from '../src/db/json-rows';
import { feedback } from '../src/db/schema';
import {
  type ComposedFeedback,
  type ComposeInput,
  ComposeMemo,
  composeFeedback,
} from '../src/domain/compose-feedback';
import { DEFAULT_REJECTION_REASONS } from '../src/domain/rejection-reasons';

const EVIDENCE = [
  'The written exercise had three typos in the API field names and a wrong status code.',
  'Explained the caching trade-off clearly with a diagram and answered follow-up questions directly.',
  'The design had no plan for retries when the payment provider times out.',
  'Wrote tests for the happy path only; the empty-list case failed when we ran it.',
  'Walked through a past migration project step by step, naming the risks and how they were handled.',
  'Could not say how the service would behave when the database connection pool is exhausted.',
];
const crit = [
  { name: 'Attention to detail', description: 'Careful, accurate written work' },
  { name: 'System design', description: 'Designs services that scale and fail safely' },
  { name: 'Communication', description: 'Explains technical trade-offs clearly' },
  { name: 'Testing', description: 'Writes tests that catch real failures' },
].map((c) => ({ ...c, id: randomUUID(), practise: null }));
const reason = DEFAULT_REJECTION_REASONS.find((r) => r.code === 'skills-gap')!;
const drafts: ComposedFeedback[] = [];
let memo = new ComposeMemo();
for (let i = 0; i < 1000; i++) {
  if (i % 50 === 0) memo = new ComposeMemo();
  const c = composeFeedback(
    {
      organizationName: 'Bench Co',
      jobTitle: 'Senior Backend Engineer',
      candidateName: `Candidate ${i}`,
      reason,
      criteria: crit,
      jurisdictions: [],
      voice: null,
      scorecards: (['interview', 'final'] as const).map((stage) => ({
        id: randomUUID(),
        stage,
        interviewerName: 'Bench Admin',
        notes: null,
        ratings: crit.map((c, k) => ({
          criterionId: c.id,
          rating: (((i + k) % 4) + 1) as 1,
          evidence: `${EVIDENCE[(i + k) % EVIDENCE.length]?.slice(0, -1)}, in exercise ${i * 8 + k * 2 + (stage === 'final' ? 1 : 0)}.`,
        })),
      })),
    } as ComposeInput,
    memo,
  );
  drafts.push(c);
}
const url = process.env.DATABASE_URL;
const database = url ? await openPostgres(url) : await openPglite({});
await database.migrate();
const org = randomUUID();
let postmaster: number | undefined;
if (url) {
  const r = (await database.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
    rows: { pid: number }[];
  };
  postmaster = Number(stat(r.rows[0]!.pid)?.[1]);
}
function stat(pid: number) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}
function pgCpu() {
  if (!postmaster) return NaN;
  const cpu = (pid: number) => {
    const f = stat(pid);
    return f ? (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10 : 0;
  };
  let t = cpu(postmaster);
  for (const n of readdirSync('/proc'))
    if (/^\d+$/.test(n) && stat(Number(n))?.[1] === String(postmaster)) t += cpu(Number(n));
  return t;
}
class Rollback extends Error {}
async function pass(compact: boolean, expand = true) {
  const c0 = process.cpuUsage();
  const p0 = pgCpu();
  const t0 = performance.now();
  let bytes = 0;
  for (let b = 0; b < drafts.length; b += 50) {
    const rows = drafts.slice(b, b + 50).map((d) => ({
      organizationId: org,
      applicationId: randomUUID(),
      body: d.body,
      findings: d.findings,
      ...(compact
        ? compactDraft(d.body, d.sentences, d.sections)
        : { sentences: d.sentences, outline: d.sections }),
    }));
    bytes += JSON.stringify(rows).length;
    await database.db
      .transaction(async (tx) => {
        if (url) await tx.execute(sql`set local session_replication_role = replica`);
        await insertJsonRows(
          tx,
          feedback,
          rows,
          { id: feedback.id },
          compact && expand ? draftFromCompact : {},
        );
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
  }
  const c = process.cpuUsage(c0);
  return {
    node: (c.user + c.system) / 1000 / drafts.length,
    pg: (pgCpu() - p0) / drafts.length,
    wall: (performance.now() - t0) / drafts.length,
    kb: bytes / drafts.length / 1024,
  };
}
if (!url) await database.db.execute(sql`set session_replication_role = replica`);
for (let r = 0; r < Number(process.env.ROUNDS ?? 6); r++) {
  for (const [compact, expand] of (r % 2
    ? [
        [true, true],
        [true, false],
        [false, true],
      ]
    : [
        [false, true],
        [true, false],
        [true, true],
      ]) as [boolean, boolean][]) {
    const x = await pass(compact, expand);
    console.log(
      `${compact ? (expand ? 'compact, expanded' : 'compact, stored  ') : 'whole            '} node ${x.node.toFixed(3)} ms  pg ${x.pg.toFixed(3)} ms  wall ${x.wall.toFixed(3)} ms  ${x.kb.toFixed(2)} KB a draft`,
    );
  }
}
await database.close();
