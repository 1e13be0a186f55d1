import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { applications, criteria, jobs } from '../../db/schema';
import { applicationStatus } from '../../domain/pipeline';
import type { ApplicationStage, JobOpeningStatus } from '../../domain/vocabulary';
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
        .select({ jobId: applications.jobId, stage: applications.stage, n: sql<number>`count(*)::int` })
        .from(applications)
        .where(inArray(applications.jobId, ids))
        .groupBy(applications.jobId, applications.stage)
    : [];
  return {
    items: items.map((job) => ({
      job,
      criteria: crit.filter((c) => c.jobId === job.id),
      counts: countByStage(counts.filter((c) => c.jobId === job.id)),
    })),
    nextCursor,
  };
}

/** A job's applications counted by stage and by the status each stage implies (`active` includes offers). */
export function countByStage(rows: { stage: ApplicationStage; n: number }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) {
    counts[r.stage] = (counts[r.stage] ?? 0) + r.n;
    const status = applicationStatus(r.stage);
    if (status !== r.stage) counts[status] = (counts[status] ?? 0) + r.n;
  }
  return counts;
}
