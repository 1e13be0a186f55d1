// The hiring pipeline of one application: which moves between stages are allowed, and what a stage rules out (a
// rejection of someone who has an offer or was hired, more scorecards once it is over).
// Pure: no I/O, browser-safe; the server refuses what these say no to, and the web app offers only what they allow.

import { roleMay } from './policy';
import {
  APPLICATION_STAGES,
  type ApplicationStage,
  type ApplicationStatus,
  type Role,
  STAGES,
  type Stage,
} from './vocabulary';

/** Still being assessed: the stages a rejection may come from, and that a later scorecard moves forward. */
export const ASSESSMENT_STAGES = ['applied', ...STAGES] as const satisfies readonly ApplicationStage[];
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];

/** Words the app shows for each stage. */
export const STAGE_LABELS: Record<ApplicationStage, string> = {
  applied: 'Applied',
  screen: 'Screen',
  interview: 'Interview',
  final: 'Final',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const isAssessmentStage = (stage: ApplicationStage): stage is AssessmentStage =>
  (ASSESSMENT_STAGES as readonly ApplicationStage[]).includes(stage);

/** The coarse status a stage implies: an offer is still active, the other three ends are their own. */
export function applicationStatus(stage: ApplicationStage): ApplicationStatus {
  if (stage === 'hired' || stage === 'rejected' || stage === 'withdrawn') return stage;
  return 'active';
}

/** The stages with a given status, for queries that filter by it. */
export function stagesWithStatus(status: ApplicationStatus): ApplicationStage[] {
  return APPLICATION_STAGES.filter((s) => applicationStatus(s) === status);
}

/** A refusal: the code and the message the API answers with (409 unless `status` says otherwise). */
export interface PipelineRefusal {
  status: 400 | 409;
  code: string;
  message: string;
}

/**
 * Whether an application at `from` may be moved to `to` by hand (the stage control, "Mark offer", "Mark hired",
 * "Withdrawn"); null when it may.
 *
 * - While being assessed (applied to final) it may go to any other assessment stage, an offer, a hire, or withdrawn.
 * - An offer may be taken back to an assessment stage, or become a hire, or be withdrawn.
 * - A hire may go back to the offer (marked by mistake) or be withdrawn (the person did not start).
 * - Rejected is reached only through a rejection, which drafts the candidate's feedback, and nothing leaves it.
 * - Withdrawn is final unless reopened explicitly (`reopen`), back into an assessment stage or an offer.
 */
export function stageMoveRefusal(
  from: ApplicationStage,
  to: ApplicationStage,
  opts: { reopen?: boolean } = {},
): PipelineRefusal | null {
  if (to === 'rejected')
    return {
      status: 400,
      code: 'use-rejection',
      message: 'Reject the application instead: a rejection records the reason and drafts the feedback',
    };
  if (from === 'rejected')
    return {
      status: 409,
      code: 'application-rejected',
      message: 'This application was rejected; a rejected application stays rejected',
    };
  if (from === to)
    return {
      status: 409,
      code: 'stage-unchanged',
      message: `The application is already at ${STAGE_LABELS[to]}`,
    };
  if (from === 'withdrawn') {
    if (!opts.reopen)
      return {
        status: 409,
        code: 'application-withdrawn',
        message: 'This application was withdrawn; reopen it to move it again',
      };
    if (to === 'hired')
      return {
        status: 409,
        code: 'reopen-to-assessment',
        message: 'Reopen a withdrawn application into an interview stage or an offer, not straight to hired',
      };
    return null;
  }
  if (from === 'hired' && to !== 'offer' && to !== 'withdrawn')
    return {
      status: 409,
      code: 'application-hired',
      message: 'This candidate was hired; the hire can only go back to the offer or be withdrawn',
    };
  return null;
}

/** The stages an application at `from` may be moved to by hand (without reopening), in pipeline order. */
export function nextStages(from: ApplicationStage): ApplicationStage[] {
  return APPLICATION_STAGES.filter((to) => stageMoveRefusal(from, to) === null);
}

/**
 * Whether a rejection (one, or every remaining one of a closed job, or a notice of one) may be drafted for an
 * application at this stage; null when it may. Someone with an offer or hired is never sent a rejection.
 */
export function rejectionRefusal(stage: ApplicationStage): PipelineRefusal | null {
  switch (stage) {
    case 'offer':
      return {
        status: 409,
        code: 'application-offered',
        message: 'This candidate has an offer; take the offer back (move the stage) before rejecting',
      };
    case 'hired':
      return {
        status: 409,
        code: 'application-hired',
        message: 'This candidate was hired; a hire is never rejected',
      };
    case 'rejected':
      return { status: 409, code: 'application-closed', message: 'This application is already rejected' };
    case 'withdrawn':
      return {
        status: 409,
        code: 'application-withdrawn',
        message: 'This candidate withdrew; there is nothing to reject',
      };
    default:
      return null;
  }
}

/** Scorecards are recorded while the candidate is being assessed or holds an offer; not once it is over. */
export const takesScorecards = (stage: ApplicationStage) => isAssessmentStage(stage) || stage === 'offer';

/**
 * Whose scorecard a member may edit: their own, or one an admin recorded on a member's behalf (`submittedBy`), and only
 * while the application still takes scorecards; once it is rejected (or hired, or withdrawn) the scorecards are what
 * the decision was made on, and they stay as they were.
 */
export function mayEditScorecard(
  reader: { userId: string; role: Role },
  card: { interviewerId: string | null; submittedBy: string | null },
  stage: ApplicationStage,
): boolean {
  return takesScorecards(stage) && isScorecardEditor(reader, card);
}

/** The author of a scorecard, or the admin who recorded it for them. */
export function isScorecardEditor(
  reader: { userId: string; role: Role },
  card: { interviewerId: string | null; submittedBy: string | null },
): boolean {
  if (card.interviewerId === reader.userId) return true;
  return card.submittedBy === reader.userId && roleMay(reader.role, 'scorecards.submit-on-behalf');
}

/** The stage an application moves to when a scorecard at `scored` is recorded: later assessment stages only. */
export function stageAfterScorecard(current: ApplicationStage, scored: Stage): ApplicationStage {
  if (!isAssessmentStage(current)) return current;
  return ASSESSMENT_STAGES.indexOf(scored) > ASSESSMENT_STAGES.indexOf(current) ? scored : current;
}
