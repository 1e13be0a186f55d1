import { check } from '../../checker';
import { planFeedbackRequest } from '../../domain/request-coach';
import { conflict } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';
import { loadTrackerApplication, roundsOf } from './workspace';

/** The request coach for one rejected application: whether, when, whom, how, a checked draft, a call sheet. */
export async function getRequestPlan(ctx: AppContext, who: CandidateActor, input: { id: string }) {
  const app = await loadTrackerApplication(ctx.db, who, input.id);
  const rounds = await roundsOf(ctx.db, input.id);
  if (app.status !== 'rejected')
    throw conflict('not-rejected', 'The request coach is for a rejected application; mark it rejected first');
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
    },
    new Date(),
  );
  return { ...plan, findings: check(`${plan.draft.subject}\n\n${plan.draft.body}`, { mode: 'request' }) };
}
