import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
  applications,
  candidates,
  feedback,
  jobs,
  loggedFeedback,
  organizations,
  planActions,
  reminders,
  type TrackerStatus,
  trackerApplications,
  trackerRounds,
} from '../db/schema';
import { AppError, notFound } from '../lib/errors';
import type { CandidateActor } from './context';

/** The candidate's workspace. Every query is scoped to the candidate's own account: another's rows are not found. */

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000));

export async function loadTrackerApplication(tx: Executor, who: CandidateActor, id: string) {
  const [row] = await tx
    .select()
    .from(trackerApplications)
    .where(and(eq(trackerApplications.id, id), eq(trackerApplications.accountId, who.accountId)));
  if (!row) throw notFound('Application');
  return row;
}

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

async function remindToAskForFeedback(
  tx: Executor,
  who: CandidateActor,
  app: typeof trackerApplications.$inferSelect,
) {
  const [existing] = await tx
    .select({ id: reminders.id })
    .from(reminders)
    .where(and(eq(reminders.applicationId, app.id), eq(reminders.kind, 'ask-feedback')));
  if (existing) return;
  // A day or two to cool off before asking.
  const due = addDays(app.rejectedOn ?? isoDay(new Date()), 1);
  await tx.insert(reminders).values({
    accountId: who.accountId,
    applicationId: app.id,
    kind: 'ask-feedback',
    dueOn: due,
    text: `Ask ${app.company} for one or two pointers on your ${app.role} interviews (the request coach drafts it).`,
  });
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

/** An application's rounds, in the order they happened. */
export function roundsOf(db: Executor, applicationId: string) {
  return db
    .select()
    .from(trackerRounds)
    .where(eq(trackerRounds.applicationId, applicationId))
    .orderBy(asc(trackerRounds.date), asc(trackerRounds.createdAt));
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

/**
 * Feedback sent through Debrief to the candidate's confirmed address, from any employer. Each item gets its own
 * tracker application the first time it is seen (company, role, rejected), so it links to its application.
 */
export async function feedbackInbox(db: Executor, who: CandidateActor) {
  if (!who.verified) {
    throw new AppError(
      403,
      'email-not-verified',
      'Confirm your email address (use the link we sent) to see feedback sent to it',
    );
  }
  const rows = await db
    .select({ feedback, job: jobs, organization: organizations, rejectedAt: applications.rejectedAt })
    .from(feedback)
    .innerJoin(applications, eq(applications.id, feedback.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(organizations, eq(organizations.id, feedback.organizationId))
    .where(and(eq(feedback.status, 'sent'), sql`lower(${candidates.email}) = lower(${who.email})`))
    .orderBy(desc(feedback.sentAt));
  const linked = rows.length
    ? await db
        .select({ id: trackerApplications.id, feedbackId: trackerApplications.feedbackId })
        .from(trackerApplications)
        .where(
          and(
            eq(trackerApplications.accountId, who.accountId),
            inArray(
              trackerApplications.feedbackId,
              rows.map((r) => r.feedback.id),
            ),
          ),
        )
    : [];
  const items = [];
  for (const r of rows) {
    let trackerId = linked.find((l) => l.feedbackId === r.feedback.id)?.id;
    if (!trackerId) {
      const [created] = await db
        .insert(trackerApplications)
        .values({
          accountId: who.accountId,
          company: r.organization.name,
          role: r.job.title,
          source: 'Debrief',
          status: 'rejected',
          rejectedOn: r.rejectedAt ? isoDay(r.rejectedAt) : null,
          decisionFinal: true,
          feedbackId: r.feedback.id,
        })
        .returning({ id: trackerApplications.id });
      trackerId = created.id;
    }
    items.push({
      id: r.feedback.id,
      organization: r.organization.name,
      job: r.job.title,
      body: r.feedback.body,
      sentAt: r.feedback.sentAt,
      applicationId: trackerId,
    });
  }
  return items;
}

export async function logFeedback(
  db: Executor,
  who: CandidateActor,
  input: {
    applicationId?: string | null;
    channel: 'email' | 'call' | 'other';
    receivedOn: string;
    text: string;
  },
) {
  if (input.applicationId) await loadTrackerApplication(db, who, input.applicationId);
  const [row] = await db
    .insert(loggedFeedback)
    .values({ accountId: who.accountId, ...input, applicationId: input.applicationId ?? null })
    .returning();
  return row;
}

export function listLoggedFeedback(db: Executor, who: CandidateActor) {
  return db
    .select()
    .from(loggedFeedback)
    .where(eq(loggedFeedback.accountId, who.accountId))
    .orderBy(desc(loggedFeedback.receivedOn));
}

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

export function listPlanActions(db: Executor, who: CandidateActor) {
  return db
    .select()
    .from(planActions)
    .where(eq(planActions.accountId, who.accountId))
    .orderBy(asc(planActions.doneAt), asc(planActions.dueOn), asc(planActions.createdAt));
}

export async function deleteReminder(db: Executor, who: CandidateActor, id: string) {
  const [row] = await db
    .delete(reminders)
    .where(and(eq(reminders.id, id), eq(reminders.accountId, who.accountId)))
    .returning({ id: reminders.id });
  if (!row) throw notFound('Reminder');
}

export async function deleteLoggedFeedback(db: Executor, who: CandidateActor, id: string) {
  const [row] = await db
    .delete(loggedFeedback)
    .where(and(eq(loggedFeedback.id, id), eq(loggedFeedback.accountId, who.accountId)))
    .returning({ id: loggedFeedback.id });
  if (!row) throw notFound('Logged feedback');
}
