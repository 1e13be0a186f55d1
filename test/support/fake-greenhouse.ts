// A local stand-in for Greenhouse, on 127.0.0.1: the Harvest endpoints Debrief calls and webhook deliveries signed as
// Greenhouse signs them. Its objects follow the documented shapes in test/fixtures/greenhouse/ (each names its page).
//
// Harvest (https://developers.greenhouse.io/harvest.html): Basic auth with the API key as user name and a blank
// password (401 otherwise); collections paged by a Link header with rel="next" and rel="last" (#pagination), at most
// `maxPerPage` a page whatever per_page asks, so that paging is exercised; 429 with Retry-After when throttled
// (#rate-limiting); and a switch for being down (503).
// Webhooks (https://developers.greenhouse.io/webhooks.html): `Signature: sha256 <hex HMAC-SHA256 of the body>` and a
// `Greenhouse-Event-ID` header per delivery.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../fixtures/greenhouse');

/** A documented object from the fixtures, without its `$source` note. */
export function fixture<T = Record<string, any>>(name: string): T {
  const { $source: _source, ...rest } = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
  return rest as T;
}

export interface FakeNote {
  candidateId: string;
  onBehalfOf: string | undefined;
  userId: string;
  body: string;
  visibility: string;
}

interface Person {
  id: number;
  first_name: string;
  last_name: string;
  email_addresses: { value: string; type: string }[];
}

export interface RejectionScenario {
  candidate: { firstName: string; lastName: string; email: string };
  job?: { id?: number; name: string };
  reason?: string;
  /** The stage the application was in when rejected. */
  stage?: string;
  scorecards?: {
    interview: string;
    interviewer: string;
    recommendation: string;
    attributes: { name: string; rating: string; note: string | null }[];
  }[];
}

let nextId = 900_000;

export async function startFakeGreenhouse(opts: { apiKey: string; maxPerPage?: number; port?: number }) {
  const maxPerPage = opts.maxPerPage ?? 2;
  const candidates = new Map<number, Person>();
  const applications = new Map<number, Record<string, any>>();
  const jobs = new Map<number, { id: number; name: string; status: string }>();
  const stages = new Map<number, Record<string, any>[]>();
  const scorecards = new Map<number, Record<string, any>[]>();
  const notes: FakeNote[] = [];
  const requests: { method: string; path: string; status: number }[] = [];
  const switches = { down: false, throttle: 0, retryAfter: 1 };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  function page(req: IncomingMessage, res: ServerResponse, url: URL, items: unknown[]) {
    const perPage = Math.min(Number(url.searchParams.get('per_page')) || 100, maxPerPage);
    const pageNo = Math.max(1, Number(url.searchParams.get('page')) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number) => {
      // Harvest's links keep the request's filters.
      const u = new URL(`${url.pathname}${url.search}`, `http://${req.headers.host}`);
      u.searchParams.set('page', String(p));
      u.searchParams.set('per_page', String(perPage));
      return u.toString();
    };
    const links: string[] = [];
    if (pageNo < last) links.push(`<${link(pageNo + 1)}>; rel="next"`);
    if (pageNo > 1) links.push(`<${link(pageNo - 1)}>; rel="prev"`);
    links.push(`<${link(last)}>; rel="last"`);
    requests.push({ method: 'GET', path: url.pathname, status: 200 });
    send(res, 200, items.slice((pageNo - 1) * perPage, pageNo * perPage), { link: links.join(', ') });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const done = (status: number, body: unknown, headers?: Record<string, string>) => {
      requests.push({ method: req.method ?? 'GET', path: url.pathname, status });
      send(res, status, body, headers);
    };
    if (switches.down) return done(503, { message: 'Service Unavailable' });
    if (switches.throttle > 0) {
      switches.throttle--;
      return done(
        429,
        { message: 'Rate limit exceeded' },
        {
          'retry-after': String(switches.retryAfter),
          'x-ratelimit-limit': '50',
          'x-ratelimit-remaining': '0',
        },
      );
    }
    const expected = `Basic ${Buffer.from(`${opts.apiKey}:`).toString('base64')}`;
    if (req.headers.authorization !== expected)
      return done(401, { message: 'Invalid Basic Auth credentials' });

    const path = url.pathname;
    const at = (method: string, pattern: RegExp) => (req.method === method ? pattern.exec(path) : null);
    let m: RegExpExecArray | null = null;
    if (req.method === 'GET' && path === '/v1/jobs') return page(req, res, url, [...jobs.values()]);
    m = at('GET', /^\/v1\/jobs\/(\d+)$/);
    if (m) {
      const job = jobs.get(Number(m[1]));
      return job ? done(200, job) : done(404, { message: 'Resource not found' });
    }
    m = at('GET', /^\/v1\/jobs\/(\d+)\/stages$/);
    if (m) {
      return page(req, res, url, stages.get(Number(m[1])) ?? []);
    }
    m = at('GET', /^\/v1\/candidates\/(\d+)$/);
    if (m) {
      const c = candidates.get(Number(m[1]));
      return c ? done(200, c) : done(404, { message: 'Resource not found' });
    }
    if (req.method === 'GET' && path === '/v1/applications') {
      // Harvest's list: filtered by status and last_activity_after, oldest first.
      const status = url.searchParams.get('status');
      const after = url.searchParams.get('last_activity_after');
      const listed = [...applications.values()]
        .filter((a) => !status || a.status === status)
        .filter((a) => !after || new Date(a.last_activity_at) >= new Date(after))
        .sort((a, b) => a.id - b.id)
        .map(harvestApplication);
      return page(req, res, url, listed);
    }
    m = at('GET', /^\/v1\/applications\/(\d+)$/);
    if (m) {
      const a = applications.get(Number(m[1]));
      return a ? done(200, harvestApplication(a)) : done(404, { message: 'Resource not found' });
    }
    m = at('GET', /^\/v1\/applications\/(\d+)\/scorecards$/);
    if (m) {
      return page(req, res, url, scorecards.get(Number(m[1])) ?? []);
    }
    m = at('POST', /^\/v1\/candidates\/(\d+)\/activity_feed\/notes$/);
    if (m) {
      if (!candidates.has(Number(m[1]))) return done(404, { message: 'Resource not found' });
      const onBehalfOf = req.headers['on-behalf-of'] as string | undefined;
      if (!onBehalfOf) return done(403, { message: 'On-Behalf-Of header is required' });
      const body = JSON.parse(raw || '{}');
      if (!body.user_id || !body.body || !body.visibility)
        return done(422, { message: 'user_id, body and visibility are required' });
      notes.push({
        candidateId: m[1],
        onBehalfOf,
        userId: String(body.user_id),
        body: body.body,
        visibility: body.visibility,
      });
      const answer = fixture('note');
      return done(201, {
        ...answer,
        id: nextId++,
        body: body.body,
        visibility: body.visibility,
        visiblity: body.visibility,
      });
    }
    return done(404, { message: 'Resource not found' });
  }

  /** The application as Harvest's GET /v1/applications/{id} shows it. */
  function harvestApplication(a: Record<string, any>) {
    const { candidate, ...rest } = a;
    return { ...rest, candidate_id: candidate.id };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, { message: String(e) }));
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /**
   * Greenhouse's side of a rejection: the candidate, the job and its stages, scorecards, the rejected application; returns
   * the reject_candidate webhook payload for it (the documented one, with these ids and the time now).
   */
  function reject(s: RejectionScenario, at = new Date()) {
    const job = jobs.get(s.job?.id ?? -1) ?? {
      id: s.job?.id ?? nextId++,
      name: s.job?.name ?? 'Designer',
      status: 'open',
    };
    jobs.set(job.id, job);
    if (!stages.has(job.id)) {
      const base = fixture('job_stage');
      stages.set(
        job.id,
        [
          'Application Review',
          'Preliminary Phone Screen',
          'Technical Interview',
          'Face to Face',
          'Offer',
        ].map((name, i) => ({
          ...base,
          id: job.id * 10 + i,
          job_id: job.id,
          name,
          priority: i,
          interviews: [
            { id: job.id * 100 + i, name: `${name} interview`, schedulable: true, estimated_minutes: 45 },
          ],
        })),
      );
    }
    const candidate: Person = {
      id: nextId++,
      first_name: s.candidate.firstName,
      last_name: s.candidate.lastName,
      email_addresses: [{ value: s.candidate.email, type: 'personal' }],
    };
    candidates.set(candidate.id, candidate);
    const jobStages = stages.get(job.id)!;
    const current = jobStages.find((st) => st.name === (s.stage ?? 'Face to Face')) ?? jobStages[3];
    const template = fixture('reject_candidate').payload.application;
    const application = {
      ...template,
      id: nextId++,
      status: 'rejected',
      rejected_at: at.toISOString(),
      last_activity_at: at.toISOString(),
      rejection_reason: {
        ...template.rejection_reason,
        name: s.reason ?? 'Lacking skill(s)/qualification(s)',
      },
      current_stage: { id: current.id, name: current.name, interviews: [] },
      candidate: { ...template.candidate, ...candidate },
      jobs: [{ ...template.jobs[0], id: job.id, name: job.name }],
    };
    applications.set(application.id, application);
    const cardTemplate = fixture('scorecard');
    scorecards.set(
      application.id,
      (s.scorecards ?? []).map((card) => {
        const stage = jobStages.find((st) => st.name === card.interview) ?? current;
        return {
          ...cardTemplate,
          id: nextId++,
          application_id: application.id,
          candidate_id: candidate.id,
          interview: stage.interviews[0].name,
          interview_step: { id: stage.interviews[0].id, name: stage.interviews[0].name },
          interviewer: { ...cardTemplate.interviewer, name: card.interviewer },
          overall_recommendation: card.recommendation,
          attributes: card.attributes.map((a) => ({ ...a, type: 'Skills' })),
          questions: [{ id: null, question: 'Key Take-Aways', answer: 'Discussed in the debrief.' }],
        };
      }),
    );
    return { action: 'reject_candidate', payload: { application } };
  }

  /** A candidate_stage_change payload for an application the fake holds, as of `at`. */
  function stageChange(applicationId: number, at: Date) {
    const a = applications.get(applicationId)!;
    const template = fixture('candidate_stage_change').payload.application;
    return {
      action: 'candidate_stage_change',
      payload: {
        application: {
          ...template,
          ...a,
          status: 'active',
          rejected_at: null,
          rejection_reason: null,
          last_activity_at: at.toISOString(),
        },
      },
    };
  }

  /** A scorecard edited in Greenhouse after it was submitted: one attribute's rating and note, `updated_at` now. */
  function editScorecard(
    applicationId: number,
    index: number,
    attribute: string,
    change: { rating: string; note: string },
  ) {
    const card = scorecards.get(applicationId)?.[index];
    if (!card) throw new Error(`No scorecard ${index} on application ${applicationId}`);
    card.attributes = card.attributes.map((a: { name: string }) =>
      a.name === attribute ? { ...a, ...change } : a,
    );
    card.updated_at = new Date().toISOString();
  }

  /** A delivery as Greenhouse makes it: the JSON body, its signature and an event id. */
  function signed(payload: unknown, secret: string, eventId: string = randomUUID()) {
    const body = JSON.stringify(payload);
    const signature = `sha256 ${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
    return {
      body,
      headers: {
        'content-type': 'application/json',
        signature,
        'greenhouse-event-id': eventId,
        'user-agent': 'Greenhouse',
      },
    };
  }

  return {
    url,
    notes,
    requests,
    switches,
    applications,
    reject,
    stageChange,
    editScorecard,
    signed,
    /** Posts a signed delivery to a webhook URL, as Greenhouse does. */
    async deliver(target: string, payload: unknown, secret: string, eventId?: string) {
      const d = signed(payload, secret, eventId);
      const res = await fetch(target, { method: 'POST', headers: d.headers, body: d.body });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type FakeGreenhouse = Awaited<ReturnType<typeof startFakeGreenhouse>>;
