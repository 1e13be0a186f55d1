// Ashby's API client: RPC-style POST endpoints (`/application.info`) with JSON bodies, Basic auth with the API key
// (blank password), cursor paging (`cursor` in, `nextCursor` and `moreDataAvailable` out), a refusal answered 200
// with `success: false` and its `errorInfo`, and through ats-http the 429 answer's Retry-After, a timeout per request
// and retries with backoff for a server that is down.
// https://developers.ashbyhq.com/reference/introduction, /docs/pagination-and-incremental-sync, /docs/responses

import type { AshbyForm } from '../../domain/ashby-mapping';
import { type AtsClientOptions, AtsRefusedError, atsHttp, basicAuth } from '../ats-http';

export const ASHBY_API_URL = 'https://api.ashbyhq.com';

interface Envelope<T> {
  success: boolean;
  results?: T;
  moreDataAvailable?: boolean;
  nextCursor?: string | null;
  errorInfo?: { code?: string; message?: string };
  errors?: string[];
}

/** The HTTP status a refusal stands for, by Ashby's error code (it answers them with 200). */
function refusalStatus(code: string): number {
  if (/not_found/.test(code)) return 404;
  if (/permission|forbidden|unauthori[sz]ed/.test(code)) return 403;
  return 422;
}

export function ashbyClient(opts: AtsClientOptions) {
  const http = atsHttp({
    ...opts,
    label: 'Ashby',
    authorization: basicAuth(opts.apiKey),
  });

  async function call<T>(endpoint: string, body: Record<string, unknown>): Promise<Envelope<T>> {
    const res = await http.request(`/${endpoint}`, {
      method: 'POST',
      body,
      headers: { accept: 'application/json; version=1' },
    });
    const answer = (await res.json()) as Envelope<T>;
    if (answer.success === false) {
      const code = answer.errorInfo?.code ?? answer.errors?.[0] ?? 'error';
      const message = answer.errorInfo?.message ?? code;
      throw new AtsRefusedError(`Ashby refused ${endpoint}: ${message} (${code})`, refusalStatus(code));
    }
    return answer;
  }

  const results = async <T>(endpoint: string, body: Record<string, unknown>) =>
    (await call<T>(endpoint, body)).results as T;

  /** A list endpoint page by page, following `nextCursor` while `moreDataAvailable`. */
  async function* pages<T>(endpoint: string, body: Record<string, unknown>): AsyncGenerator<T[]> {
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const answer = await call<T[]>(endpoint, { ...body, limit: 100, ...(cursor ? { cursor } : {}) });
      yield answer.results ?? [];
      if (!answer.moreDataAvailable || !answer.nextCursor) return;
      cursor = answer.nextCursor;
    }
  }

  async function all<T>(endpoint: string, body: Record<string, unknown>): Promise<T[]> {
    const items: T[] = [];
    for await (const page of pages<T>(endpoint, body)) items.push(...page);
    return items;
  }

  return {
    get requests() {
      return http.requests;
    },
    application: (applicationId: string) => results<AshbyApplication>('application.info', { applicationId }),
    candidate: (id: string) => results<AshbyCandidate>('candidate.info', { id }),
    job: (id: string) => results<AshbyJob>('job.info', { id }),
    interviewStages: (interviewPlanId: string) =>
      results<AshbyStage[]>('interviewStage.list', { interviewPlanId }),
    history: (applicationId: string) => all<AshbyHistoryItem>('application.listHistory', { applicationId }),
    feedback: (applicationId: string) => all<AshbyFeedback>('applicationFeedback.list', { applicationId }),
    /** Archived applications, page by page (application.list filtered by status). */
    archived: (jobId?: string | null) =>
      pages<AshbyApplication>('application.list', { status: 'Archived', ...(jobId ? { jobId } : {}) }),
    /** One job: what "test connection" asks for. */
    ping: () => call<unknown[]>('job.list', { limit: 1 }),
    addNote: (candidateId: string, text: string) =>
      results<{ id: string }>('candidate.createNote', {
        candidateId,
        note: { type: 'text/plain', value: text },
        sendNotifications: false,
      }),
  };
}

export type AshbyClient = ReturnType<typeof ashbyClient>;

// The parts of Ashby's objects Debrief reads (https://developers.ashbyhq.com/reference).

export interface AshbyStage {
  id: string;
  title: string;
  /** Lead, PreInterviewScreen, Active, Offer, Hired or Archived. */
  type?: string | null;
  orderInInterviewPlan?: number | null;
  interviewPlanId?: string | null;
}

export interface AshbyApplication {
  id: string;
  status: 'Hired' | 'Archived' | 'Active' | 'Lead' | string;
  createdAt?: string;
  updatedAt?: string | null;
  archivedAt?: string | null;
  candidate: { id: string; name?: string | null };
  job: { id: string; title: string };
  currentInterviewStage?: AshbyStage | null;
  archiveReason?: { id: string; text: string; reasonType?: string | null } | null;
}

export interface AshbyContact {
  value: string;
  type?: string;
  isPrimary?: boolean;
}

export interface AshbyCandidate {
  id: string;
  name: string;
  primaryEmailAddress?: AshbyContact | null;
  emailAddresses?: AshbyContact[] | null;
}

export interface AshbyJob {
  id: string;
  title: string;
  status?: string;
  defaultInterviewPlanId?: string | null;
  interviewPlanIds?: string[] | null;
}

export interface AshbyHistoryItem {
  id: string;
  stageId: string;
  title: string;
  stageNumber: number;
  enteredStageAt?: string | null;
}

export interface AshbyFeedback {
  id: string;
  applicationId: string;
  submittedAt?: string | null;
  applicationHistoryId?: string | null;
  interviewId?: string | null;
  submittedByUser?: { id: string; firstName?: string | null; lastName?: string | null } | null;
  formDefinition?: AshbyForm | null;
  submittedValues?: Record<string, unknown> | null;
}
