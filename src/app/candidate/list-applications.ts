import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { trackerApplications, trackerRounds } from '../../db/schema';
import type { TrackerStatus } from '../../domain/vocabulary';
import type { AppContext, CandidateActor } from '../context';
import { afterCursor, likePattern, newestFirst, type Page, toPage } from '../pagination';

export interface TrackerSearch extends Page {
  /** Words that must each appear in the company or the role, any case. */
  q?: string;
  status?: TrackerStatus;
}

/**
 * The candidate's tracked applications, newest first, a page at a time: those whose company or role holds every word
 * searched for, of the status chosen. Each has its number of rounds; the page carries the number matching.
 */
export async function listApplications(ctx: AppContext, who: CandidateActor, search: TrackerSearch) {
  const db = ctx.db;
  const t = trackerApplications;
  const where: (SQL | undefined)[] = [eq(t.accountId, who.accountId)];
  if (search.status) where.push(eq(t.status, search.status));
  for (const word of (search.q ?? '').split(/\s+/).filter(Boolean))
    where.push(or(ilike(t.company, likePattern(word)), ilike(t.role, likePattern(word))));
  const filter = and(...where);
  const rows = await db
    .select()
    .from(t)
    .where(and(filter, afterCursor(t.createdAt, t.id, search.cursor)))
    .orderBy(...newestFirst(t.createdAt, t.id))
    .limit(search.limit + 1);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(t).where(filter);
  const { items, nextCursor } = toPage(rows, search.limit);
  const counts = items.length
    ? await db
        .select({ applicationId: trackerRounds.applicationId, n: sql<number>`count(*)::int` })
        .from(trackerRounds)
        .where(
          inArray(
            trackerRounds.applicationId,
            items.map((a) => a.id),
          ),
        )
        .groupBy(trackerRounds.applicationId)
    : [];
  return {
    items: items.map((a) => ({ ...a, rounds: counts.find((c) => c.applicationId === a.id)?.n ?? 0 })),
    total: n,
    nextCursor,
  };
}
