import type { RequestPlan as CoachPlan } from '../../../src/domain/request-coach';
import { TRACKER_STATUSES, type TrackerStatus } from '../../../src/domain/vocabulary';
import { api, type Finding } from '../api';

/** The candidate workspace's API: everything under /api/v1/candidate, signed in by the debrief_candidate cookie. */
export const capi = <T>(method: string, path: string, body?: unknown) =>
  api<T>(method, `/candidate${path}`, body);

export interface Account {
  id: string;
  name: string;
  email: string;
  verified: boolean;
}
export const STATUSES = TRACKER_STATUSES;
export type { TrackerStatus };
export interface Recruiter {
  name: string;
  email?: string;
  phone?: string;
  agency?: string;
}
export interface TrackerApp {
  id: string;
  company: string;
  role: string;
  source: string | null;
  status: TrackerStatus;
  appliedOn: string | null;
  rejectedOn: string | null;
  decisionFinal: boolean | null;
  roleFilled: boolean | null;
  reason: string | null;
  recruiter: Recruiter | null;
  notes: string | null;
  feedbackId: string | null;
  rounds?: number;
  createdAt: string;
}
export interface Person {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}
export interface Round {
  id: string;
  stage: string;
  date: string;
  interviewers: Person[];
  rapport: number | null;
  notes: string | null;
}
export type ReminderKind = 'follow-up' | 'thank-you' | 'reapply' | 'ask-feedback' | 'action';
export interface Reminder {
  id: string;
  applicationId: string | null;
  kind: ReminderKind;
  dueOn: string;
  text: string;
  done: boolean;
}
export interface Logged {
  id: string;
  applicationId: string | null;
  channel: 'email' | 'call' | 'other';
  receivedOn: string;
  text: string;
}
export interface Prep {
  actionId: string;
  theme: string;
  title: string;
  why: string;
}
export interface TrackerDetail extends TrackerApp {
  roundList: Round[];
  reminders: Reminder[];
  loggedFeedback: Logged[];
  debriefFeedback: { id: string; body: string; sentAt: string | null } | null;
  prep: Prep[];
}
export interface InboxItem {
  id: string;
  organization: string;
  job: string;
  body: string;
  sentAt: string | null;
  applicationId: string;
}
/** What the request coach answers: the plan from src/domain/request-coach.ts and the findings on its draft. */
export type RequestPlan = CoachPlan & { findings: Finding[] };
export interface PlanAction {
  id: string;
  theme: string;
  title: string;
  dueOn: string | null;
  done: boolean;
}
export interface Plan {
  themes: {
    theme: string;
    label: string;
    count: number;
    suggestedActions: string[];
    sources: { id: string; evidence: string; kind?: string; applicationId: string | null }[];
  }[];
  actions: PlanAction[];
  upcoming: { applicationId: string; company: string; role: string; reminders: Prep[] }[];
}

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
