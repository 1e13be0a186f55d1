import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { reminders, trackerApplications, trackerRounds } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { CandidateActor } from '../context';

/** Shared by the workspace's use cases. Every query is scoped to the candidate's own account: another's rows are not found. */

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) =>
  isoDay(new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000));

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
  const due = addDays(app.rejectedOn ?? isoDay(new Date()), 1);
  await tx.insert(reminders).values({
    accountId: who.accountId,
    applicationId: app.id,
    kind: 'ask-feedback',
    dueOn: due,
    text: `Ask ${app.company} for one or two pointers on your ${app.role} interviews (the request coach drafts it).`,
  });
}
