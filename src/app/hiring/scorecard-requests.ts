import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { applicationInterviewers, scorecards, users } from '../../db/schema';
import { takesScorecards } from '../../domain/pipeline';
import { queueEmail } from '../../jobs/deliver-email';
import { enqueue, type JobDefinition } from '../../jobs/runner';
import { AppError } from '../../lib/errors';
import type { AppContext } from '../context';
import { loadApplication } from '../load';

/** How long an assigned interviewer has before a reminder, if no scorecard of theirs is in by then. */
export const SCORECARD_REMINDER_MS = 24 * 60 * 60 * 1000;

export type ReminderPayload = { organizationId: string; applicationId: string; userId: string };

function message(
  ctx: AppContext,
  a: { applicationId: string; candidateName: string; jobTitle: string; organizationName: string },
  interviewerName: string,
  reminder: boolean,
) {
  const first = interviewerName.split(' ')[0];
  const link = `${ctx.config.publicUrl}/applications/${a.applicationId}`;
  return {
    subject: `${reminder ? 'Reminder: your' : 'Your'} scorecard for ${a.candidateName}, ${a.jobTitle}`,
    text: [
      `Hello ${first},`,
      '',
      reminder
        ? `Your scorecard for ${a.candidateName} (${a.jobTitle}) is not in yet. The hiring team decides on the evidence the interviewers record, and the candidate's feedback is drafted from it.`
        : `You have been asked to interview ${a.candidateName} for the ${a.jobTitle} role at ${a.organizationName}. Please record your scorecard soon after the interview: a rating and what you saw for each criterion.`,
      '',
      `Record it here: ${link}`,
      '',
      "You will see your colleagues' scorecards once you have submitted your own.",
      '',
      `Debrief, for the ${a.organizationName} hiring team`,
    ].join('\n'),
  };
}

/**
 * A request or reminder is a courtesy: over the outbound limits (an interviewer assigned to many applications in a
 * day), it is left out and the assignment stands; the application is in the interviewer's list either way. The limit
 * is checked before anything is written, so the transaction carries on.
 */
async function unlessOverLimit(queued: Promise<unknown>) {
  try {
    await queued;
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'email-limit')) throw e;
  }
}

/**
 * Asks a newly assigned interviewer for their scorecard, and schedules one reminder for a day later. Runs in the
 * caller's transaction, so the assignment, the email and the reminder commit together.
 */
export async function requestScorecard(
  tx: Executor,
  ctx: AppContext,
  input: {
    organizationId: string;
    applicationId: string;
    candidateName: string;
    jobTitle: string;
    organizationName: string;
    interviewer: { id: string; name: string; email: string };
  },
) {
  const m = message(ctx, input, input.interviewer.name, false);
  await unlessOverLimit(
    queueEmail(tx, ctx.jobs.deliverEmail, {
      organizationId: input.organizationId,
      to: input.interviewer.email,
      ...m,
      purpose: 'scorecard-request',
      subjectId: input.applicationId,
    }),
  );
  await enqueue(
    tx,
    ctx.jobs.scorecardReminder,
    {
      organizationId: input.organizationId,
      applicationId: input.applicationId,
      userId: input.interviewer.id,
    },
    {
      runAt: new Date(Date.now() + SCORECARD_REMINDER_MS),
      dedupeKey: `scorecard-reminder:${input.applicationId}:${input.interviewer.id}`,
    },
  );
}

/**
 * The reminder a day after an assignment: sent only if the interviewer is still assigned and active, has not
 * submitted a scorecard on the application, and the application still takes scorecards (not rejected, hired or
 * withdrawn).
 */
export function scorecardReminderJob(getCtx: () => AppContext): JobDefinition<ReminderPayload> {
  return {
    kind: 'scorecard-reminder',
    maxAttempts: 5,
    async handle({ organizationId, applicationId, userId }) {
      const ctx = getCtx();
      await ctx.db.transaction(async (tx) => {
        const a = await loadApplication(tx, organizationId, applicationId).catch(() => null);
        if (!a || !takesScorecards(a.application.stage)) return;
        const [assigned] = await tx
          .select({ name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
          .from(applicationInterviewers)
          .innerJoin(users, eq(users.id, applicationInterviewers.userId))
          .where(
            and(
              eq(applicationInterviewers.applicationId, applicationId),
              eq(applicationInterviewers.userId, userId),
              eq(applicationInterviewers.organizationId, organizationId),
            ),
          );
        if (!assigned || assigned.deactivatedAt) return;
        const [done] = await tx
          .select({ id: scorecards.id })
          .from(scorecards)
          .where(and(eq(scorecards.applicationId, applicationId), eq(scorecards.interviewerId, userId)));
        if (done) return;
        const m = message(
          ctx,
          {
            applicationId,
            candidateName: a.candidate.name,
            jobTitle: a.job.title,
            organizationName: a.organizationName,
          },
          assigned.name,
          true,
        );
        await unlessOverLimit(
          queueEmail(tx, ctx.jobs.deliverEmail, {
            organizationId,
            to: assigned.email,
            ...m,
            purpose: 'scorecard-reminder',
            subjectId: applicationId,
          }),
        );
      });
      ctx.jobs.poke();
    },
  };
}
