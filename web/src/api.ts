import type { Finding } from '../../src/checker';
import { type Action, roleMay } from '../../src/domain/policy';
import {
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type Recommendation,
  type Role,
} from '../../src/domain/vocabulary';
import type { components, paths } from './api/schema.generated';

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

/** The API's own types, generated from its OpenAPI document (`npm run gen:api`). */
type Schemas = components['schemas'];
/** What GET on an API path answers with 200. */
export type Got<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type User = Schemas['User'];
export type Invitation = Schemas['Invitation'];
export type Me = Schemas['Me'];
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type Criterion = Schemas['Criterion'];
export type Job = Schemas['Job'];
export type Stage = Schemas['Stage'];
export type FeedbackStatus = Schemas['Feedback']['status'];
export type Application = Schemas['Application'];
export type ApplicationsPage = Schemas['ApplicationsPage'];
export type ApplicationListItem = Schemas['ApplicationListItem'];
export type BulkOperation = Schemas['BulkOperation'];
export type BulkOperationItem = Schemas['BulkOperationItem'];
export type ApplicationDetail = Got<'/api/v1/applications/{id}'>;
export type FeedbackVoice = Got<'/api/v1/feedback-voice'>;
export type Scorecard = ApplicationDetail['scorecards'][number];
export type ScorecardFinding = Schemas['ScorecardFinding'];
export type RejectionReason = Schemas['RejectionReason'];
export type EvidenceLink = Schemas['EvidenceLink'];
export type Feedback = Schemas['Feedback'];
export type AuditEvent = Schemas['AuditEvent'];
export type Stats = Schemas['Stats'];
export type FeedbackRequestItem = Schemas['FeedbackRequest'];
export type CandidateResponse = Schemas['CandidateResponse'];
/** The candidate's page. Written out: the document describes `response` as an object or null less precisely. */
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
