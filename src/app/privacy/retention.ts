import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { applications, candidates, organizations, users } from '../../db/schema';
import { queueEmail } from '../../jobs/deliver-email';
import { enqueue, type JobDefinition } from '../../jobs/runner';
import { AppError } from '../../lib/errors';
import type { AppContext } from '../context';
import { eraseCandidateData } from './erase-candidate';

/** Admins are told this many days before a candidate's data is erased, once; erasure never comes sooner after it. */
export const RETENTION_WARNING_DAYS = 14;
export const DEFAULT_RETENTION_MONTHS = 12;
/** The longest period an organization may choose: ten years. */
export const MAX_RETENTION_MONTHS = 120;

const DAY = 86_400_000;
const RETENTION = { type: 'system', name: 'Debrief retention' } as const;

/**
 * Rejected candidates whose data is due: every application of theirs is rejected, and the organization's retention
 * period since the last rejection (the final decision) ends within the warning window of `now`.
 */
function dueCandidates(ctx: AppContext, now: Date) {
  const due = sql<Date>`max(${applications.rejectedAt}) + make_interval(months => ${organizations.retentionMonths})`;
  return ctx.db
    .select({
      id: candidates.id,
      organizationId: candidates.organizationId,
      warnedAt: candidates.retentionWarnedAt,
      dueAt: sql<string>`${due}`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(candidates)
    .innerJoin(applications, eq(applications.candidateId, candidates.id))
    .innerJoin(organizations, eq(organizations.id, candidates.organizationId))
    .where(isNull(candidates.erasedAt))
    .groupBy(candidates.id, organizations.id)
    .having(
      sql`bool_and(${applications.stage} = 'rejected') and ${due} <= ${new Date(now.getTime() + RETENTION_WARNING_DAYS * DAY).toISOString()}::timestamptz`,
    )
    .orderBy(asc(candidates.organizationId));
}

/**
 * One retention run as of `now`: warns each organization's admins, once per candidate and without naming anyone,
 * about the rejected candidates whose data is erased within 14 days, and erases those whose time has come and whose
 * admins were warned at least 14 days ago (a period shortened later still gives that notice). A candidate with any
 * application still open, offered or hired is kept.
 */
export async function runRetention(ctx: AppContext, now = new Date()) {
  const rows = await dueCandidates(ctx, now);
  const warnBy = new Map<string, { ids: string[]; first: Date }>();
  const erased: string[] = [];
  for (const c of rows) {
    if (!c.warnedAt) {
      // Erased on its date, but never sooner than the notice allows.
      const from = new Date(Math.max(c.dueAt.getTime(), now.getTime() + RETENTION_WARNING_DAYS * DAY));
      const w = warnBy.get(c.organizationId) ?? { ids: [], first: from };
      w.ids.push(c.id);
      if (from < w.first) w.first = from;
      warnBy.set(c.organizationId, w);
    } else if (c.dueAt <= now && c.warnedAt.getTime() + RETENTION_WARNING_DAYS * DAY <= now.getTime()) {
      const done = await ctx.db.transaction(async (tx) => {
        const [still] = await tx
          .select({ erasedAt: candidates.erasedAt })
          .from(candidates)
          .where(eq(candidates.id, c.id))
          .for('update');
        const [open] = await tx
          .select({ id: applications.id })
          .from(applications)
          .where(and(eq(applications.candidateId, c.id), sql`${applications.stage} <> 'rejected'`))
          .limit(1);
        if (!still || still.erasedAt || open) return false;
        await eraseCandidateData(tx, c.organizationId, c.id, RETENTION, 'retention');
        return true;
      });
      if (done) erased.push(c.id);
    }
  }

  const warned: string[] = [];
  for (const [organizationId, w] of warnBy) {
    await ctx.db.transaction(async (tx) => {
      const marked = await tx
        .update(candidates)
        .set({ retentionWarnedAt: now })
        .where(and(inArray(candidates.id, w.ids), isNull(candidates.retentionWarnedAt)))
        .returning({ id: candidates.id });
      if (!marked.length) return;
      warned.push(...marked.map((m) => m.id));
      const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
      const admins = await tx
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(
          and(
            eq(users.organizationId, organizationId),
            eq(users.role, 'admin'),
            isNull(users.deactivatedAt),
            isNull(users.removedAt),
            sql`${users.passwordHash} is not null`,
          ),
        );
      const n = marked.length;
      const who = n === 1 ? "One rejected candidate's" : `${n} rejected candidates'`;
      for (const admin of admins) {
        const message = {
          organizationId,
          to: admin.email,
          subject: `${who} data will be erased from ${w.first.toISOString().slice(0, 10)}`,
          purpose: 'retention-warning',
          text: [
            `Hello ${admin.name.split(' ')[0]},`,
            '',
            `${who} personal data in Debrief will be erased from ${w.first.toISOString().slice(0, 10)}:`,
            `${org?.name ?? 'your organization'} keeps a rejected candidate's data for ${org?.retentionMonths ?? DEFAULT_RETENTION_MONTHS} months after the final decision.`,
            'Their names, addresses, scorecard evidence and notes, feedback and messages will be removed; the',
            "dashboard's counts stay.",
            '',
            `To keep a copy for a candidate, export their data first, or change the retention period: ${ctx.config.publicUrl}/privacy`,
          ].join('\n'),
        };
        // A warning is never the reason a run fails: without room under the outbound limits it goes unsent.
        await tx
          .transaction((sp) => queueEmail(sp, ctx.jobs.deliverEmail, message))
          .catch((e: unknown) => {
            if (!(e instanceof AppError && e.code === 'email-limit')) throw e;
            ctx.logger.warn('retention warning not sent: outbound email limit');
          });
      }
    });
  }
  if (warned.length) ctx.jobs.poke();
  return { warned, erased };
}

type Payload = { day: string };
const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY) * DAY).toISOString().slice(0, 10);

/** Queues the run for the day of `at` (a no-op if it is already queued). Every instance calls it at start. */
export function scheduleRetention(db: AppContext['db'], job: JobDefinition<Payload>, at = new Date()) {
  const day = dayOf(at);
  return enqueue(db, job, { day }, { runAt: new Date(`${day}T00:00:00Z`), dedupeKey: `retention:${day}` });
}

/** The daily retention run, as a job: each run warns and erases, then queues the next day's run. */
export function retentionJob(getCtx: () => AppContext): JobDefinition<Payload> {
  const job: JobDefinition<Payload> = {
    kind: 'retention',
    maxAttempts: 3,
    async handle({ day }, { db, logger }) {
      const r = await runRetention(getCtx());
      logger.info('retention', { warned: r.warned.length, erased: r.erased.length });
      await scheduleRetention(db, job, new Date(new Date(`${day}T00:00:00Z`).getTime() + DAY));
    },
  };
  return job;
}
