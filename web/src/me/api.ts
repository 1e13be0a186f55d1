import { TRACKER_STATUSES, type TrackerStatus } from '../../../src/domain/vocabulary';
import { api, type Got } from '../api';
import type { components } from '../api/schema.generated';

/** The candidate workspace's API: everything under /api/v1/candidate, signed in by the debrief_candidate cookie. */
export const capi = <T>(method: string, path: string, body?: unknown) =>
  api<T>(method, `/candidate${path}`, body);

type Schemas = components['schemas'];

export type Account = Schemas['CandidateAccount'];
export const STATUSES = TRACKER_STATUSES;
export type { TrackerStatus };
export type TrackerApp = Schemas['TrackerApplication'];
export type TrackerPage = Schemas['TrackerApplicationPage'];
export type Recruiter = NonNullable<TrackerApp['recruiter']>;
export type Round = Schemas['Round'];
export type Person = Round['interviewers'][number];
export type Reminder = Schemas['Reminder'];
export type ReminderKind = Reminder['kind'];
export type Logged = Schemas['LoggedFeedback'];
export type LoggedListed = Schemas['LoggedFeedbackListed'];
export type AppRef = NonNullable<LoggedListed['application']>;
export type Home = Schemas['CandidateHome'];
export type Prep = Schemas['PrepReminder'];
export type TrackerDetail = Got<'/api/v1/candidate/applications/{id}'>;
export type InboxItem = Schemas['InboxItem'];
export type InboxRequest = Schemas['InboxRequest'];
export type RequestPlan = Schemas['RequestPlan'];
export type PlanAction = Schemas['PlanAction'];
export type Plan = Schemas['Plan'];

export const KIND_LABELS: Record<ReminderKind, string> = {
  'follow-up': 'Follow up',
  'thank-you': 'Thank-you note',
  reapply: 'Reapply',
  'ask-feedback': 'Ask for feedback',
  action: 'Plan action',
};

/** Today as YYYY-MM-DD in the candidate's own time zone. */
export function today(offsetDays = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A YYYY-MM-DD day as "12 Nov 2026", without shifting it through UTC. */
export function day(iso: string | null | undefined) {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** "today", "in 3 days", "2 days ago" for a YYYY-MM-DD day. */
export function relative(iso: string) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const now = new Date();
  const a = Date.UTC(y, m - 1, d);
  const b = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const n = Math.round((a - b) / 864e5);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}
