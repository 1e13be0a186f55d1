// The Lever API client (v1): Basic auth with the API key as user name and a blank password; lists answered as
// `{ data, hasNext, next }` and paged by passing `next` back as `offset`; the 429 answer's Retry-After honoured, a
// timeout per request and retries with backoff for a server that is down (ats-http).
// https://hire.lever.co/developer/documentation#authentication, #pagination, #lists, #rate-limits

import { type AtsClientOptions, atsHttp, basicAuth } from '../ats-http';

export const LEVER_API_URL = 'https://api.lever.co/v1';

/** A list page as Lever answers it. */
export interface LeverPage<T> {
  data: T[];
  hasNext?: boolean;
  next?: string | null;
}

export function leverClient(opts: AtsClientOptions) {
  const http = atsHttp({
    ...opts,
    label: 'Lever',
    authorization: basicAuth(opts.apiKey),
  });
  const { request } = http;
  const enc = encodeURIComponent;

  async function get<T>(path: string): Promise<T> {
    return ((await (await request(path)).json()) as { data: T }).data;
  }

  /** A list page by page, following `next` while `hasNext` (a long list is worked through as it arrives). */
  async function* pages<T>(path: string): AsyncGenerator<T[]> {
    const sep = path.includes('?') ? '&' : '?';
    let offset: string | null = null;
    for (let count = 0; count < 1000; count++) {
      const url: string = `${path}${sep}limit=100${offset ? `&offset=${enc(offset)}` : ''}`;
      const page = (await (await request(url)).json()) as LeverPage<T>;
      yield page.data ?? [];
      if (!page.hasNext || !page.next) return;
      offset = page.next;
    }
  }

  async function list<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    for await (const page of pages<T>(path)) items.push(...page);
    return items;
  }

  return {
    get requests() {
      return http.requests;
    },
    /** The opportunity with its application (and so its posting) and its current stage expanded. */
    opportunity: (id: string) =>
      get<LeverOpportunity>(`/opportunities/${enc(id)}?expand=applications&expand=stage`),
    posting: (id: string) => get<LeverPosting>(`/postings/${enc(id)}`),
    /** The account's pipeline stages, in pipeline order. */
    stages: () => list<LeverStage>('/stages'),
    archiveReason: (id: string) => get<LeverArchiveReason>(`/archive_reasons/${enc(id)}`),
    archiveReasons: () => list<LeverArchiveReason>('/archive_reasons'),
    /** Every feedback form on the opportunity, with the interviewer expanded. */
    feedback: (opportunityId: string) =>
      list<LeverFeedback>(`/opportunities/${enc(opportunityId)}/feedback?expand=user`),
    /** Opportunities archived since a time, page by page (GET /opportunities, archived and archived_at_start). */
    archivedSince: (since: Date, postingId?: string | null) =>
      pages<LeverOpportunity>(
        `/opportunities?archived=true&archived_at_start=${since.getTime()}&expand=applications${
          postingId ? `&posting_id=${enc(postingId)}` : ''
        }`,
      ),
    /** One opportunity: what "test connection" asks for (the key must be able to read opportunities). */
    ping: () => request('/opportunities?limit=1').then((r) => r.json()),
    /** POST /opportunities/{id}/notes, as a Lever user when one is given. */
    async addNote(opportunityId: string, performAs: string | null, value: string) {
      const query = performAs ? `?perform_as=${enc(performAs)}` : '';
      const res = await request(`/opportunities/${enc(opportunityId)}/notes${query}`, {
        method: 'POST',
        body: { value, secret: false, notifyFollowers: false },
      });
      return ((await res.json()) as { data: { noteId: string } }).data;
    },
  };
}

export type LeverClient = ReturnType<typeof leverClient>;

// The parts of Lever's objects Debrief reads (https://hire.lever.co/developer/documentation#opportunities, …).

export interface LeverStage {
  id: string;
  text: string;
}

export interface LeverArchiveReason {
  id: string;
  text: string;
  status?: 'active' | 'inactive' | string;
  type?: 'hired' | 'non-hired' | string;
}

export interface LeverApplication {
  id: string;
  type?: string;
  posting?: string | LeverPosting | null;
}

export interface LeverOpportunity {
  id: string;
  name: string | null;
  contact: string;
  emails?: string[];
  stage?: string | LeverStage | null;
  archived?: { archivedAt: number | null; reason: string | null } | null;
  /** The same as `archived`, in the newer shape. */
  archivedAt?: number | null;
  archiveReason?: string | null;
  applications?: (string | LeverApplication)[];
  updatedAt?: number | null;
  lastInteractionAt?: number | null;
}

export interface LeverPosting {
  id: string;
  text: string;
  state?: string;
}

export interface LeverField {
  id?: string;
  type: string;
  text: string;
  description?: string | null;
  value?: unknown;
  /** A scorecard field's skills, in the order of its `value`. */
  scores?: { text: string; description?: string | null }[];
}

export interface LeverFeedback {
  id: string;
  type?: string;
  text: string;
  fields: LeverField[];
  interview?: string | null;
  panel?: string | null;
  user?: string | { id: string; name?: string | null; email?: string | null } | null;
  createdAt?: number | null;
  updatedAt?: number | null;
  completedAt?: number | null;
  deletedAt?: number | null;
}
