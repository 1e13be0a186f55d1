// The one vocabulary of Debrief, declared once in pure code: the database schema, the HTTP schemas, the use cases and
// the web app all import these lists, so a new role or status is added in one place.

export {
  CATEGORIES,
  type Category,
  JURISDICTIONS,
  type Jurisdiction,
  MODES,
  type Mode,
  SEVERITIES,
  type Severity,
} from '../checker/vocabulary';

/** Members of a hiring team. What each may do is in `policy.ts`. */
export const ROLES = ['admin', 'recruiter', 'hiring-manager', 'interviewer'] as const;
export type Role = (typeof ROLES)[number];

/** Interview stages a scorecard is recorded at, in order. */
export const STAGES = ['screen', 'interview', 'final'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Where an application is in the hiring pipeline: applied, the interview stages (a scorecard at a later stage moves it
 * on by itself), then an offer and a hire, or its end: rejected (only through a rejection, which drafts feedback) or
 * withdrawn. The moves allowed between them are in `pipeline.ts`.
 */
export const APPLICATION_STAGES = ['applied', ...STAGES, 'offer', 'hired', 'rejected', 'withdrawn'] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

/** The coarse state the stage implies: still in the process (an offer included), or how it ended. */
export const APPLICATION_STATUSES = ['active', 'rejected', 'hired', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** An interviewer's overall recommendation, weakest first, with the words the app shows. */
export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  strong_no: 'Strong no',
  no: 'No',
  yes: 'Yes',
  strong_yes: 'Strong yes',
};

/** A criterion's rating: 1 well below what the role needs, 2 below, 3 meets, 4 exceeds. */
export const RATINGS = [1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];
/** Ratings below this are gaps. */
export const MEETS = 3 satisfies Rating;

export const FEEDBACK_STATUSES = ['draft', 'approved', 'scheduled', 'sent', 'failed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** A job opening's state. Closing it as filled or cancelled releases feedback held until then. */
export const JOB_OPENING_STATUSES = ['open', 'filled', 'cancelled'] as const;
export type JobOpeningStatus = (typeof JOB_OPENING_STATUSES)[number];

/**
 * An email's delivery state: queued (not tried yet), retrying (a temporary failure; tried again later), sent (the
 * mail server accepted it), failed (refused for good, or every attempt failed; a person may send it again).
 */
export const EMAIL_STATUSES = ['queued', 'retrying', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** A background job's state in the outbox. */
export const OUTBOX_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** An application in a candidate's own tracker. */
export const TRACKER_STATUSES = ['applied', 'interviewing', 'rejected', 'offer', 'withdrawn'] as const;
export type TrackerStatus = (typeof TRACKER_STATUSES)[number];
