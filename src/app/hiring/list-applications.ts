import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { applications, candidates, feedback } from '../../db/schema';
import { stagesWithStatus } from '../../domain/pipeline';
import type { ApplicationStage, ApplicationStatus, FeedbackStatus } from '../../domain/vocabulary';
import type { Actor, AppContext } from '../context';
import { visibleApplications } from '../load';
import { afterCursor, newestFirst, type Page, toPage } from '../pagination';

/** The organization's applications, newest first, by job, stage, status and feedback status. */
export async function listApplications(
  ctx: AppContext,
  actor: Actor,
  page: Page & {
    jobId?: string;
    stage?: ApplicationStage;
    status?: ApplicationStatus;
    feedbackStatus?: FeedbackStatus;
  },
) {
  const where: (SQL | undefined)[] = [
    eq(applications.organizationId, actor.organizationId),
    afterCursor(applications.createdAt, applications.id, page.cursor),
    visibleApplications(ctx.db, actor),
  ];
  if (page.jobId) where.push(eq(applications.jobId, page.jobId));
  if (page.stage) where.push(eq(applications.stage, page.stage));
  if (page.status) where.push(inArray(applications.stage, stagesWithStatus(page.status)));
  if (page.feedbackStatus) where.push(eq(feedback.status, page.feedbackStatus));
  const rows = await ctx.db
    .select({
      id: applications.id,
      createdAt: applications.createdAt,
      application: applications,
      candidate: candidates,
      feedbackId: feedback.id,
      feedbackStatus: feedback.status,
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(feedback, eq(feedback.applicationId, applications.id))
    .where(and(...where))
    .orderBy(...newestFirst(applications.createdAt, applications.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit);
}
