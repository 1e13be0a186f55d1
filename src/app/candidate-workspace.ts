import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
  feedback,
  loggedFeedback,
  planActions,
  reminders,
  type TrackerStatus,
  trackerApplications,
  trackerRounds,
} from '../db/schema';
import { notFound } from '../lib/errors';
import {
  addDays,
  isoDay,
  loadTrackerApplication,
  remindToAskForFeedback,
  roundsOf,
} from './candidate/workspace';
import type { CandidateActor } from './context';

/** The candidate's workspace. Every query is scoped to the candidate's own account: another's rows are not found. */

export interface TrackerInput {
  company: string;
  role: string;
  source?: string | null;
  status?: TrackerStatus;
  appliedOn?: string | null;
  rejectedOn?: string | null;
  decisionFinal?: boolean | null;
  roleFilled?: boolean | null;
  reason?: string | null;
  recruiter?: { name: string; email?: string; phone?: string; agency?: string } | null;
  notes?: string | null;
}

export async function createTrackerApplication(db: Executor, who: CandidateActor, input: TrackerInput) {
  return db.transaction(async (tx) => {
    const status = input.status ?? 'applied';
    const [row] = await tx
      .insert(trackerApplications)
      .values({
        accountId: who.accountId,
        ...input,
        status,
        appliedOn: input.appliedOn ?? isoDay(new Date()),
        rejectedOn:
          status === 'rejected' ? (input.rejectedOn ?? isoDay(new Date())) : (input.rejectedOn ?? null),
      })
      .returning();
    if (status === 'applied') {
      await tx.insert(reminders).values({
        accountId: who.accountId,
        applicationId: row.id,
        kind: 'follow-up',
        dueOn: addDays(row.appliedOn!, 7),
        text: `Follow up on your application to ${row.company} if you have not heard back.`,
      });
    }
    if (status === 'rejected') await remindToAskForFeedback(tx, who, row);
    return row;
  });
}

export async function updateTrackerApplication(
  db: Executor,
  who: CandidateActor,
  id: string,
  patch: Partial<TrackerInput>,
) {
  return db.transaction(async (tx) => {
    const current = await loadTrackerApplication(tx, who, id);
    const becomesRejected = patch.status === 'rejected' && current.status !== 'rejected';
    const [row] = await tx
      .update(trackerApplications)
      .set({ ...patch, ...(becomesRejected && !patch.rejectedOn ? { rejectedOn: isoDay(new Date()) } : {}) })
      .where(eq(trackerApplications.id, id))
      .returning();
    if (becomesRejected) await remindToAskForFeedback(tx, who, row);
    return row;
  });
}

export async function addRound(
  db: Executor,
  who: CandidateActor,
  applicationId: string,
  input: {
    stage: string;
    date: string;
    interviewers: { name: string; role?: string; email?: string; phone?: string }[];
    rapport?: number | null;
    notes?: string | null;
  },
) {
  return db.transaction(async (tx) => {
    const app = await loadTrackerApplication(tx, who, applicationId);
    const [round] = await tx
      .insert(trackerRounds)
      .values({ accountId: who.accountId, applicationId, ...input, rapport: input.rapport ?? null })
      .returning();
    if (app.status === 'applied')
      await tx
        .update(trackerApplications)
        .set({ status: 'interviewing' })
        .where(eq(trackerApplications.id, applicationId));
    const names = input.interviewers.map((i) => i.name).join(', ');
    await tx.insert(reminders).values({
      accountId: who.accountId,
      applicationId,
      kind: 'thank-you',
      dueOn: addDays(input.date, 1),
      text: `Send a short thank-you note${names ? ` to ${names}` : ''} after your ${input.stage} at ${app.company}.`,
    });
    return round;
  });
}

export async function listTrackerApplications(db: Executor, who: CandidateActor) {
  const apps = await db
    .select()
    .from(trackerApplications)
    .where(eq(trackerApplications.accountId, who.accountId))
    .orderBy(desc(trackerApplications.createdAt));
  const counts = apps.length
    ? await db
        .select({ applicationId: trackerRounds.applicationId, n: sql<number>`count(*)::int` })
        .from(trackerRounds)
        .where(
          inArray(
            trackerRounds.applicationId,
            apps.map((a) => a.id),
          ),
        )
        .groupBy(trackerRounds.applicationId)
    : [];
  return apps.map((a) => ({ ...a, rounds: counts.find((c) => c.applicationId === a.id)?.n ?? 0 }));
}

export async function trackerDetail(db: Executor, who: CandidateActor, id: string) {
  const app = await loadTrackerApplication(db, who, id);
  const rounds = await roundsOf(db, id);
  const due = await db
    .select()
    .from(reminders)
    .where(eq(reminders.applicationId, id))
    .orderBy(asc(reminders.dueOn));
  const logged = await db
    .select()
    .from(loggedFeedback)
    .where(and(eq(loggedFeedback.applicationId, id), eq(loggedFeedback.accountId, who.accountId)));
  const [fb] =
    app.feedbackId && who.verified
      ? await db.select().from(feedback).where(eq(feedback.id, app.feedbackId))
      : [];
  return {
    app,
    rounds,
    reminders: due,
    logged,
    debriefFeedback: fb ? { id: fb.id, body: fb.body, sentAt: fb.sentAt } : null,
  };
}

// Reminders ------------------------------------------------------------------------------------------------------

export async function listReminders(db: Executor, who: CandidateActor, opts: { open?: boolean } = {}) {
  return db
    .select()
    .from(reminders)
    .where(and(eq(reminders.accountId, who.accountId), opts.open ? isNull(reminders.doneAt) : undefined))
    .orderBy(asc(reminders.dueOn), asc(reminders.createdAt));
}

export async function addReminder(
  db: Executor,
  who: CandidateActor,
  input: {
    applicationId?: string | null;
    kind: 'follow-up' | 'thank-you' | 'reapply' | 'ask-feedback' | 'action';
    dueOn: string;
    text: string;
  },
) {
  if (input.applicationId) await loadTrackerApplication(db, who, input.applicationId);
  const [row] = await db
    .insert(reminders)
    .values({ accountId: who.accountId, ...input, applicationId: input.applicationId ?? null })
    .returning();
  return row;
}

export async function setReminderDone(db: Executor, who: CandidateActor, id: string, done: boolean) {
  const [row] = await db
    .update(reminders)
    .set({ doneAt: done ? new Date() : null })
    .where(and(eq(reminders.id, id), eq(reminders.accountId, who.accountId)))
    .returning();
  if (!row) throw notFound('Reminder');
  return row;
}

// Feedback inbox -------------------------------------------------------------------------------------------------

// Plan actions ---------------------------------------------------------------------------------------------------

export async function addPlanAction(
  db: Executor,
  who: CandidateActor,
  input: { theme: string; title: string; dueOn?: string | null },
) {
  const [row] = await db
    .insert(planActions)
    .values({ accountId: who.accountId, ...input, dueOn: input.dueOn ?? null })
    .returning();
  return row;
}

export async function updatePlanAction(
  db: Executor,
  who: CandidateActor,
  id: string,
  patch: { title?: string; dueOn?: string | null; done?: boolean },
) {
  const { done, ...rest } = patch;
  const [row] = await db
    .update(planActions)
    .set({ ...rest, ...(done === undefined ? {} : { doneAt: done ? new Date() : null }) })
    .where(and(eq(planActions.id, id), eq(planActions.accountId, who.accountId)))
    .returning();
  if (!row) throw notFound('Action');
  return row;
}

export async function deleteReminder(db: Executor, who: CandidateActor, id: string) {
  const [row] = await db
    .delete(reminders)
    .where(and(eq(reminders.id, id), eq(reminders.accountId, who.accountId)))
    .returning({ id: reminders.id });
  if (!row) throw notFound('Reminder');
}
