import type { Finding } from '../../src/checker';
import { type Action, roleMay } from '../../src/domain/policy';
import {
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type Recommendation,
  type Role,
} from '../../src/domain/vocabulary';

export type { Finding, Recommendation, Role };

/** The web app's door to the JSON API. Errors arrive as `{"error":{"code","message"}}` and become ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** A 409 blocking-findings carries the findings that stopped the action. */
    readonly findings: Finding[] = [],
  ) {
    super(message);
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; findings?: Finding[] } }).error;
    throw new ApiError(
      res.status,
      e?.code ?? 'error',
      e?.message ?? `Request failed (${res.status})`,
      e?.findings ?? [],
    );
  }
  return data as T;
}

export const errorText = (e: unknown) =>
  e instanceof ApiError ? e.message : 'Something went wrong; check your connection and try again';

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: 'active' | 'invited' | 'deactivated';
  createdAt: string;
}
export interface Me {
  user: User;
  organization: { id: string; name: string };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface Criterion {
  id: string;
  name: string;
  description: string | null;
}
export interface Job {
  id: string;
  title: string;
  status: 'open' | 'filled' | 'cancelled';
  criteria: Criterion[];
  applications?: { active: number; rejected: number; hired: number };
  createdAt: string;
  closedAt: string | null;
}
export type Stage = 'screen' | 'interview' | 'final';
export type FeedbackStatus = 'draft' | 'approved' | 'scheduled' | 'sent' | 'failed';
export interface Application {
  id: string;
  jobId: string;
  candidate: { id: string; name: string; email: string };
  stage: 'applied' | Stage;
  status: 'active' | 'rejected' | 'hired';
  rejectionReason: string | null;
  rejectedAt: string | null;
  createdAt: string;
  feedback: { id: string; status: FeedbackStatus } | null;
}
export interface Scorecard {
  id: string;
  stage: string;
  interviewer: { name: string; email: string };
  recommendation: Recommendation;
  notes: string | null;
  createdAt: string;
  ratings: { criterionId: string; rating: number; evidence: string }[];
}
export interface ApplicationDetail extends Application {
  job: Job;
  scorecards: Scorecard[];
}
export type ScorecardFinding = Finding & { field: 'evidence' | 'notes'; criterionId?: string };
export interface RejectionReason {
  code: string;
  label: string;
  beyondControl: boolean;
  candidateText: string;
  description: string;
}
export interface EvidenceLink {
  scorecardId: string;
  criterionId: string;
  excerpt: string;
}
export interface Feedback {
  id: string;
  applicationId: string;
  status: FeedbackStatus;
  body: string;
  findings: Finding[];
  evidence: EvidenceLink[];
  sentences: { text: string; start: number; end: number; evidence: EvidenceLink[] }[];
  sendMode: 'now' | 'at' | 'when-filled' | null;
  sendAt: string | null;
  sentAt: string | null;
  approvedAt: string | null;
  overrideJustification: string | null;
  /** What the candidate did on their page (rating, thanks, a question); null before they respond. */
  candidateResponse?: CandidateResponse | null;
}
export interface AuditEvent {
  at: string;
  actor: { type: string; id: string | null; name: string | null };
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
}
export interface Stats {
  rejected: number;
  feedbackSent: number;
  feedbackShare: number | null;
  medianHoursToSend: number | null;
  draftsWaiting: number;
  scheduled: number;
  commonGaps: { criterion: string; count: number }[];
  sentByWeek: { week: string; sent: number }[];
  usefulAverage?: number | null;
  usefulRatings?: number;
  thanksReceived?: number;
  questionsOpen?: number;
  futureRolesOptIns?: number;
  requestsOpen?: number;
  requestsOverdue?: number;
}
export interface FeedbackRequestItem {
  id: string;
  applicationId: string;
  candidate: { name: string; email: string };
  job: { id: string; title: string };
  message: string | null;
  status: 'open' | 'fulfilled' | 'declined';
  dueAt: string;
  overdue: boolean;
  createdAt: string;
}
export interface CandidateResponse {
  useful: number | null;
  comment: string | null;
  thanked: boolean;
  question: string | null;
  answer: string | null;
  futureRoles: boolean | null;
}
export interface PortalView {
  organization: { name: string };
  job: { title: string };
  feedback: { body: string; sentAt: string | null } | null;
  response?: CandidateResponse | null;
  request?: { status: string; dueAt: string; createdAt: string } | null;
  canRequest?: boolean;
}

export const RATING_LABELS: Record<number, string> = {
  1: 'well below',
  2: 'below',
  3: 'meets',
  4: 'exceeds',
};
export const RECOMMENDATION_OPTIONS: { value: Recommendation; label: string }[] = RECOMMENDATIONS.map(
  (value) => ({
    value,
    label: RECOMMENDATION_LABELS[value],
  }),
);

export function formatDate(iso: string | null | undefined, withTime = false) {
  if (!iso) return '—';
  const d = new Date(iso);
  return withTime
    ? d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
    : d.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** The server's role policy, so the app only offers what the user may do. */
export const can = (me: Me, action: Action) => roleMay(me.user.role, action);
