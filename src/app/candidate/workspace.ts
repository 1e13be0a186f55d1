import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { reminders, trackerApplications, trackerRounds } from '../../db/schema';
import { addDays } from '../../domain/timing';
import type { TrackerStatus } from '../../domain/vocabulary';
import { AppError, notFound } from '../../lib/errors';
import type { CandidateActor } from '../context';

/** Shared by the workspace's use cases. Every query is scoped to the candidate's own account: another's rows are not found. */

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export { addDays };

/** Outcomes after which there is nobody left to follow up with or thank for a round. */
export const FINAL_STATUSES: readonly TrackerStatus[] = ['rejected', 'offer', 'withdrawn'];

/** Whether a day is still ahead (today counts): reminders are made only for what has yet to happen. */
export const isAhead = (day: string) => day >= isoDay(new Date());

/**
 * A reminder is for what is still to come. A day of grace covers a candidate whose today is still yesterday in UTC;
 * anything earlier is refused (400, naming the field).
 */
export function refusePastDay(day: string, field: string) {
  if (day < addDays(isoDay(new Date()), -1))
    throw new AppError(400, 'invalid-request', `${field}: must be today or later`);
}

/** A final outcome closes the open follow-up and thank-you reminders; asking for feedback and plan actions stay. */
export async function closeRoundReminders(tx: Executor, applicationId: string) {
  await tx
    .update(reminders)
    .set({ doneAt: sql`now()` })
    .where(
      and(
        eq(reminders.applicationId, applicationId),
        isNull(reminders.doneAt),
        inArray(reminders.kind, ['follow-up', 'thank-you']),
      ),
    );
}

export async function loadTrackerApplication(tx: Executor, who: CandidateActor, id: string) {
  const [row] = await tx
    .select()
    .from(trackerApplications)
    .where(and(eq(trackerApplications.id, id), eq(trackerApplications.accountId, who.accountId)));
  if (!row) throw notFound('Application');
  return row;
}

/** An application's rounds, in the order they happened. */
export function roundsOf(db: Executor, applicationId: string) {
  return db
    .select()
    .from(trackerRounds)
    .where(eq(trackerRounds.applicationId, applicationId))
    .orderBy(asc(trackerRounds.date), asc(trackerRounds.createdAt));
}

/** A rejection adds a reminder, once, to ask for feedback after a day to cool off. */
export async function remindToAskForFeedback(
  tx: Executor,
  who: CandidateActor,
  app: typeof trackerApplications.$inferSelect,
) {
  const [existing] = await tx
    .select({ id: reminders.id })
    .from(reminders)
    .where(and(eq(reminders.applicationId, app.id), eq(reminders.kind, 'ask-feedback')));
  if (existing) return;
  // A day to cool off after the rejection; a rejection logged late is asked about from today, never in the past.
  const cooled = addDays(app.rejectedOn ?? isoDay(new Date()), 1);
  const due = isAhead(cooled) ? cooled : isoDay(new Date());
  await tx.insert(reminders).values({
    accountId: who.accountId,
    applicationId: app.id,
    kind: 'ask-feedback',
    dueOn: due,
    text: `Ask ${app.company} for one or two pointers on your ${app.role} interviews (the request coach drafts it).`,
  });
}
