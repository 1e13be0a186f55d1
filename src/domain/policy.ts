// Who may do what, as one table. The server enforces it (src/http/policies.ts asks `roleMay` before a use case
// runs; use cases ask it for decisions inside them, such as overriding a blocking finding) and the web app reads the
// same table so it only offers what the signed-in member may do.
import type { Role } from './vocabulary';

export const POLICY = {
  'users.read': ['admin', 'recruiter', 'hiring-manager'],
  'users.manage': ['admin'],
  'tokens.manage': ['admin'],
  /** How members sign in: requiring two-factor sign-in, single sign-on. */
  'identity.manage': ['admin'],
  'jobs.read': ['admin', 'recruiter', 'hiring-manager', 'interviewer'],
  'jobs.manage': ['admin', 'recruiter'],
  'applications.read': ['admin', 'recruiter', 'hiring-manager', 'interviewer'],
  /** Every application of the organization; the others read only those they are assigned to. */
  'applications.read-all': ['admin', 'recruiter', 'hiring-manager'],
  'applications.assign': ['admin', 'recruiter', 'hiring-manager'],
  'applications.create': ['admin', 'recruiter'],
  /** Move an application along the pipeline: a stage, an offer, a hire, withdrawn (rejecting is `applications.reject`). */
  'applications.move': ['admin', 'recruiter', 'hiring-manager'],
  'scorecards.submit': ['admin', 'recruiter', 'hiring-manager', 'interviewer'],
  /** Record a scorecard on behalf of another member (the audit names both). */
  'scorecards.submit-on-behalf': ['admin'],
  /**
   * Read an application's scorecards before submitting one's own. The others (interviewers) see their colleagues'
   * scorecards only once they have submitted theirs, so that each judges independently.
   */
  'scorecards.read-before-own': ['admin', 'recruiter', 'hiring-manager'],
  /** Remove a rating's evidence text for good (who, when and why are kept). */
  'scorecards.redact': ['admin'],
  'applications.reject': ['admin', 'recruiter', 'hiring-manager'],
  'feedback.review': ['admin', 'recruiter', 'hiring-manager'],
  'feedback.override': ['admin'],
  'reasons.manage': ['admin'],
  /** The organization's voice on its letters: greeting, introduction, closing, sign-off and signer. */
  'voice.manage': ['admin'],
  /** An application's audit trail (its timeline). */
  'audit.read': ['admin', 'recruiter', 'hiring-manager'],
  /** The whole organization's audit trail: search it, export it. */
  'audit.search': ['admin'],
  /** Schedule the organization's deletion, or cancel it during the grace period. */
  'organization.delete': ['admin'],
  'stats.read': ['admin', 'recruiter', 'hiring-manager'],
  /** Export or erase a candidate's personal data; set how long rejected candidates' data is kept. */
  'privacy.manage': ['admin'],
  /** Import applications, candidates, jobs and scorecards from another ATS's CSV export. */
  'imports.manage': ['admin'],
  /** Register outbound webhook endpoints and read their delivery logs. */
  'webhooks.manage': ['admin'],
  /** Connect an ATS, see its status and map its rejection reasons. */
  'integrations.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;

export function roleMay(role: Role, action: Action): boolean {
  return (POLICY[action] as readonly Role[]).includes(role);
}

/**
 * How much email Debrief sends on anyone's behalf, so that it can't be used to flood an inbox or as a mail relay: per
 * recipient address a day (from every organization together), and per organization an hour. A change that would
 * queue one more is refused (429) and nothing of it is kept.
 */
export const OUTBOUND_EMAIL_LIMITS = {
  perAddressPerDay: 20,
  perOrganizationPerHour: 300,
} as const;
