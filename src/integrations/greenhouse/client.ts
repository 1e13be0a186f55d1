// The Harvest API client: Basic auth with the API key (blank password), paging by the Link header (rel="next"), the
// 429 answer's Retry-After honoured, a timeout per request and retries with backoff for a server that is down.
// https://developers.greenhouse.io/harvest.html#authentication, #pagination, #rate-limiting

import { type AtsClientOptions, atsHttp, basicAuth } from '../ats-http';

export { AtsRefusedError, AtsUnavailableError } from '../ats-http';

export const GREENHOUSE_API_URL = 'https://harvest.greenhouse.io';

export type GreenhouseClientOptions = AtsClientOptions;

/** The URL of rel="next" in an RFC 5988 Link header, if any. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (m && m[2] === 'next') return m[1];
  }
  return null;
}

export function greenhouseClient(opts: GreenhouseClientOptions) {
  const http = atsHttp({
    ...opts,
    label: 'Greenhouse',
    authorization: basicAuth(opts.apiKey),
  });
  const { request } = http;

  async function get<T>(path: string): Promise<T> {
    return (await (await request(path)).json()) as T;
  }

  /** Every page of a collection, following rel="next". */
  async function list<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let url: string | null = `${path}${path.includes('?') ? '&' : '?'}per_page=100`;
    let pages = 0;
    while (url && pages++ < 100) {
      const res = await request(url);
      items.push(...((await res.json()) as T[]));
      url = nextLink(res.headers.get('link'));
    }
    return items;
  }

  /** A collection page by page, following rel="next" (a long list is worked through as it arrives). */
  async function* pages<T>(path: string): AsyncGenerator<T[]> {
    let url: string | null = `${path}${path.includes('?') ? '&' : '?'}per_page=100`;
    let count = 0;
    while (url && count++ < 1000) {
      const res = await request(url);
      yield (await res.json()) as T[];
      url = nextLink(res.headers.get('link'));
    }
  }

  return {
    get requests() {
      return http.requests;
    },
    application: (id: string | number) => get<GhApplication>(`/v1/applications/${id}`),
    candidate: (id: string | number) => get<GhCandidate>(`/v1/candidates/${id}`),
    job: (id: string | number) => get<GhJob>(`/v1/jobs/${id}`),
    jobStages: (jobId: string | number) => list<GhJobStage>(`/v1/jobs/${jobId}/stages`),
    scorecards: (applicationId: string | number) =>
      list<GhScorecard>(`/v1/applications/${applicationId}/scorecards`),
    /** Applications rejected with activity since a time, page by page (GET /v1/applications, status and last_activity_after). */
    rejectedSince: (since: Date, jobId?: string | null) =>
      pages<GhApplication>(
        `/v1/applications?status=rejected&last_activity_after=${encodeURIComponent(since.toISOString())}${
          jobId ? `&job_id=${encodeURIComponent(jobId)}` : ''
        }`,
      ),
    /** One page of jobs: what "test connection" asks for. */
    ping: () => get<unknown[]>('/v1/jobs?per_page=1'),
    async addNote(candidateId: string, userId: string, body: string) {
      const res = await request(`/v1/candidates/${candidateId}/activity_feed/notes`, {
        method: 'POST',
        headers: { 'on-behalf-of': userId },
        body: { user_id: userId, body, visibility: 'admin_only' },
      });
      return (await res.json()) as { id: number | string };
    },
  };
}

export type GreenhouseClient = ReturnType<typeof greenhouseClient>;

// The parts of Harvest's objects Debrief reads (https://developers.greenhouse.io/harvest.html).

export interface GhCandidate {
  id: number;
  first_name: string | null;
  last_name: string | null;
  email_addresses?: { value: string; type: string }[];
}

export interface GhApplication {
  id: number;
  candidate_id: number;
  status: 'active' | 'rejected' | 'hired' | string;
  prospect?: boolean;
  last_activity_at?: string | null;
  rejected_at?: string | null;
  rejection_reason?: { id: number; name: string; type?: { id: number; name: string } } | null;
  current_stage?: { id: number; name: string } | null;
  jobs: { id: number; name: string }[];
}

export interface GhJob {
  id: number;
  name: string;
  status?: string;
}

export interface GhJobStage {
  id: number;
  name: string;
  priority?: number;
  interviews?: { id: number; name: string }[];
}

export interface GhScorecard {
  id: number;
  application_id: number;
  interview?: string | null;
  interview_step?: { id: number; name: string } | null;
  interviewer?: { id: number; name: string } | null;
  submitted_by?: { id: number; name: string } | null;
  submitted_at?: string | null;
  updated_at?: string | null;
  overall_recommendation?: string | null;
  attributes?: { name: string; type?: string; note: string | null; rating: string }[];
  questions?: { id: number | null; question: string; answer: string | null }[];
}
