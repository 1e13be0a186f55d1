import { eq, sql } from 'drizzle-orm';
import { check } from '../../checker';
import { applications, feedback } from '../../db/schema';
import { planFeedbackRequest } from '../../domain/request-coach';
import type { ApplicationStage } from '../../domain/vocabulary';
import { conflict } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';
import { loadTrackerApplication, roundsOf } from './workspace';

/**
 * How the coach names the stage an application reached in Debrief (the stage it was rejected at); applied alone is
 * no round, and the pipeline's other stages are no interview round either.
 */
const STAGE_NAMES: Record<ApplicationStage, string | null> = {
  applied: null,
  screen: 'Screen',
  interview: 'Interview',
  final: 'Final round',
  offer: null,
  hired: null,
  rejected: null,
  withdrawn: null,
};

/** The address part of a From header ("Debrief <feedback@x.test>" -> "feedback@x.test"). */
function addressOf(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
}

/**
 * The request coach for one rejected application: whether, when, whom, how, a checked draft, a call sheet. It knows
 * what Debrief knows: feedback already received through Debrief (and the stage it reached), and that Debrief's own
 * sending address reaches no one at the employer.
 */
export async function getRequestPlan(ctx: AppContext, who: CandidateActor, input: { id: string }) {
  const app = await loadTrackerApplication(ctx.db, who, input.id);
  const rounds = await roundsOf(ctx.db, input.id);
  if (app.status !== 'rejected')
    throw conflict('not-rejected', 'The request coach is for a rejected application; mark it rejected first');
  const [sent] =
    app.feedbackId && who.verified
      ? await ctx.db
          .select({
            stage: sql<ApplicationStage>`coalesce(${applications.rejectedAtStage}, ${applications.stage})`,
          })
          .from(feedback)
          .innerJoin(applications, eq(applications.id, feedback.applicationId))
          .where(eq(feedback.id, app.feedbackId))
      : [];
  const from = addressOf(ctx.config.MAIL_FROM);
  const plan = planFeedbackRequest(
    {
      company: app.company,
      role: app.role,
      candidateName: who.name,
      source: app.source,
      recruiter: app.recruiter,
      rejectedAt: app.rejectedOn,
      roleFilled: app.roleFilled,
      decisionFinal: app.decisionFinal,
      reason: app.reason,
      rounds: rounds.map((r) => ({
        stage: r.stage,
        date: r.date,
        interviewers: r.interviewers,
        rapport: (r.rapport as 1 | 2 | 3 | 4 | 5 | null) ?? null,
        notes: r.notes,
      })),
      feedbackInHand: sent ? { link: `/me/applications/${app.id}`, stage: STAGE_NAMES[sent.stage] } : null,
      unreachable: [from],
    },
    new Date(),
  );
  return { ...plan, findings: check(`${plan.draft.subject}\n\n${plan.draft.body}`, { mode: 'request' }) };
}
