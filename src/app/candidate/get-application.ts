import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { feedback, loggedFeedback, planActions, reminders } from '../../db/schema';
import { remindersFor } from '../../domain/themes';
import type { AppContext, CandidateActor } from '../context';
import { loadTrackerApplication, roundsOf } from './workspace';

/**
 * One tracked application with its rounds, reminders and logged feedback; the feedback sent through Debrief when
 * the address is confirmed; and, while it is still open, the plan actions to revisit before the next interview.
 */
export async function getApplication(ctx: AppContext, who: CandidateActor, input: { id: string }) {
  const db = ctx.db;
  const app = await loadTrackerApplication(db, who, input.id);
  const rounds = await roundsOf(db, input.id);
  const due = await db
    .select()
    .from(reminders)
    .where(eq(reminders.applicationId, input.id))
    .orderBy(asc(reminders.dueOn));
  const logged = await db
    .select()
    .from(loggedFeedback)
    .where(and(eq(loggedFeedback.applicationId, input.id), eq(loggedFeedback.accountId, who.accountId)));
  const [fb] =
    app.feedbackId && who.verified
      ? await db.select().from(feedback).where(eq(feedback.id, app.feedbackId))
      : [];
  const prep =
    app.status === 'applied' || app.status === 'interviewing' ? await interviewPrep(db, who, app) : [];
  return {
    app,
    rounds,
    reminders: due,
    logged,
    debriefFeedback: fb ? { id: fb.id, body: fb.body, sentAt: fb.sentAt } : null,
    prep,
  };
}

/** Open plan actions for the themes a tracked role needs. */
async function interviewPrep(db: Executor, who: CandidateActor, app: { role: string; notes: string | null }) {
  const actions = await db
    .select()
    .from(planActions)
    .where(and(eq(planActions.accountId, who.accountId), isNull(planActions.doneAt)));
  return remindersFor(
    app.role,
    app.notes ?? undefined,
    actions.map((a) => ({ id: a.id, theme: a.theme, title: a.title, due: a.dueOn, done: false })),
  );
}
