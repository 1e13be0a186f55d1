// The Harvest API client: Basic auth with the API key (blank password), paging by the Link header (rel="next"), the
// 429 answer's Retry-After honoured, a timeout per request and retries with backoff for a server that is down.
// https://developers.greenhouse.io/harvest.html#authentication, #pagination, #rate-limiting

export const GREENHOUSE_API_URL = 'https://harvest.greenhouse.io';

/** The ATS answered in a way retrying may fix (down, throttled for long, timed out). */
export class AtsUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AtsUnavailableError';
  }
}

/** The ATS refused for good (a bad key, a missing permission, a record that does not exist). */
export class AtsRefusedError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AtsRefusedError';
  }
}

export interface GreenhouseClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Per request. */
  timeoutMs?: number;
  /** Attempts per request for a 429, a 5xx or a network failure, within one job run. */
  attempts?: number;
  /** The first pause between attempts; doubles each time. */
  backoffMs?: number;
  /** The longest Retry-After waited for in place; a longer one ends the run and the job tries again later. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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
  const base = opts.baseUrl.replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(`${opts.apiKey}:`).toString('base64')}`;
  const attempts = opts.attempts ?? 6;
  const backoff = opts.backoffMs ?? 250;
  const maxWait = opts.maxRetryAfterMs ?? 30_000;
  const sleep = opts.sleep ?? pause;
  let requests = 0;

  async function request(
    url: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const target = url.startsWith('http') ? url : `${base}${url}`;
    // Only ever the configured host: a Link header pointing elsewhere is not followed with the key.
    if (new URL(target).origin !== new URL(base).origin)
      throw new AtsRefusedError(`Greenhouse linked to another host (${new URL(target).origin})`, 502);
    let lastProblem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      requests++;
      let res: Response;
      try {
        res = await fetch(target, {
          method: init.method ?? 'GET',
          headers: {
            authorization: auth,
            accept: 'application/json',
            ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...init.headers,
          },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (e) {
        lastProblem = `Greenhouse could not be reached (${(e as Error).name === 'TimeoutError' ? 'timed out' : (e as Error).message})`;
        if (attempt < attempts) await sleep(backoff * 2 ** (attempt - 1));
        continue;
      }
      if (res.status === 429) {
        await res.body?.cancel();
        const seconds = Number(res.headers.get('retry-after'));
        const wait = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : backoff * 2 ** (attempt - 1);
        lastProblem = `Greenhouse is throttling requests (429; retry after ${Math.ceil(wait / 1000)} s)`;
        if (wait > maxWait) throw new AtsUnavailableError(lastProblem, 429);
        // A throttled request does not count against the attempts: the ATS said when to come back.
        attempt--;
        if (requests > 200) throw new AtsUnavailableError(lastProblem, 429);
        await sleep(wait);
        continue;
      }
      if (res.status >= 500) {
        await res.body?.cancel();
        lastProblem = `Greenhouse answered ${res.status}`;
        if (attempt < attempts) await sleep(backoff * 2 ** (attempt - 1));
        continue;
      }
      if (!res.ok) {
        const text = await res.text().catch(() => '');
        const hint =
          res.status === 401
            ? 'the API key was refused'
            : res.status === 403
              ? 'the API key lacks a permission this needs'
              : res.status === 404
                ? 'not found'
                : text.slice(0, 200);
        throw new AtsRefusedError(`Greenhouse answered ${res.status}: ${hint}`, res.status);
      }
      return res;
    }
    throw new AtsUnavailableError(lastProblem || 'Greenhouse did not answer');
  }

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

  return {
    get requests() {
      return requests;
    },
    application: (id: string | number) => get<GhApplication>(`/v1/applications/${id}`),
    candidate: (id: string | number) => get<GhCandidate>(`/v1/candidates/${id}`),
    job: (id: string | number) => get<GhJob>(`/v1/jobs/${id}`),
    jobStages: (jobId: string | number) => list<GhJobStage>(`/v1/jobs/${jobId}/stages`),
    scorecards: (applicationId: string | number) =>
      list<GhScorecard>(`/v1/applications/${applicationId}/scorecards`),
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
  overall_recommendation?: string | null;
  attributes?: { name: string; type?: string; note: string | null; rating: string }[];
  questions?: { id: number | null; question: string; answer: string | null }[];
}
