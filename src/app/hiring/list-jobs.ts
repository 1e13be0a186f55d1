import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { applications, criteria, jobs } from '../../db/schema';
import type { JobOpeningStatus } from '../../domain/vocabulary';
import type { Actor, AppContext } from '../context';
import { afterCursor, newestFirst, type Page, toPage } from '../pagination';

/** The organization's jobs, newest first, each with its criteria and its applications counted by status. */
export async function listJobs(ctx: AppContext, actor: Actor, page: Page & { status?: JobOpeningStatus }) {
  const where: (SQL | undefined)[] = [
    eq(jobs.organizationId, actor.organizationId),
    afterCursor(jobs.createdAt, jobs.id, page.cursor),
  ];
  if (page.status) where.push(eq(jobs.status, page.status));
  const rows = await ctx.db
    .select()
    .from(jobs)
    .where(and(...where))
    .orderBy(...newestFirst(jobs.createdAt, jobs.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = toPage(rows, page.limit);
  const ids = items.map((j) => j.id);
  const crit = ids.length
    ? await ctx.db.select().from(criteria).where(inArray(criteria.jobId, ids)).orderBy(asc(criteria.position))
    : [];
  const counts = ids.length
    ? await ctx.db
        .select({ jobId: applications.jobId, status: applications.status, n: sql<number>`count(*)::int` })
        .from(applications)
        .where(inArray(applications.jobId, ids))
        .groupBy(applications.jobId, applications.status)
    : [];
  return {
    items: items.map((job) => ({
      job,
      criteria: crit.filter((c) => c.jobId === job.id),
      counts: Object.fromEntries(
        counts.filter((c) => c.jobId === job.id).map((c) => [c.status, c.n]),
      ) as Record<string, number>,
    })),
    nextCursor,
  };
}
