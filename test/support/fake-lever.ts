// A local stand-in for Lever, on 127.0.0.1: the Data API endpoints Debrief calls and webhook deliveries signed as
// Lever signs them. Its objects follow the documented shapes in test/fixtures/lever/ (each names its page).
//
// API (https://hire.lever.co/developer/documentation): Basic auth with the API key as user name and a blank password
// (401 otherwise, #authentication); answers wrapped in `data`; lists paged with `limit`, `hasNext` and a `next` offset
// token that only works when passed back as `offset` (#pagination, #lists), at most `maxPerPage` a page whatever
// `limit` asks, so that paging is exercised; `expand` for an opportunity's applications and stage and a feedback
// form's user (#customizing-the-response); 429 with Retry-After when throttled (#rate-limits); a switch for being
// down (503).
// Webhooks (#webhooks): the body carries `token`, `triggeredAt` and `signature`, the hex HMAC-SHA256 of
// `token + triggeredAt` under the webhook's signature token.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../fixtures/lever');

/** A documented object from the fixtures, without its `$source` note. */
export function leverFixture<T = Record<string, any>>(name: string): T {
  const { $source: _source, ...rest } = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
  return rest as T;
}

export interface FakeLeverNote {
  opportunityId: string;
  performAs: string | null;
  value: string;
  secret: boolean;
}

export interface LeverRejection {
  candidate: { name: string; email: string };
  posting?: { id?: string; text: string };
  /** The archive reason's name (a new non-hired reason is added for a name Lever does not have). */
  reason?: string;
  /** The pipeline stage the opportunity was in when archived. */
  stage?: string;
  feedback?: {
    /** The feedback form's title, usually the interview ("Phone interview"). */
    form: string;
    interviewer: string;
    /** The overall rating: "4 - Strong Hire" … "1 - Strong No Hire". */
    rating: string;
    skills: { name: string; score: number | null; comment: string }[];
    notes?: string;
  }[];
}

export async function startFakeLever(opts: { apiKey: string; maxPerPage?: number; port?: number }) {
  const maxPerPage = opts.maxPerPage ?? 2;
  const opportunities = new Map<string, Record<string, any>>();
  const postings = new Map<string, Record<string, any>>();
  const users = new Map<string, { id: string; name: string; email: string }>();
  const feedback = new Map<string, Record<string, any>[]>();
  const stages: { id: string; text: string }[] = leverFixture<{ data: { id: string; text: string }[] }>(
    'stages',
  ).data;
  const reasons: { id: string; text: string; status: string; type: string }[] = leverFixture<{
    data: { id: string; text: string; status: string; type: string }[];
  }>('archive_reasons').data;
  const notes: FakeLeverNote[] = [];
  const requests: { method: string; path: string; status: number }[] = [];
  const switches = { down: false, throttle: 0, retryAfter: 1 };
  const offsets = new Map<string, number>();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (code: string, message: string) => ({ ...leverFixture('error'), code, message });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const done = (status: number, body: unknown, headers?: Record<string, string>) => {
      requests.push({ method: req.method ?? 'GET', path: url.pathname, status });
      send(res, status, body, headers);
    };
    if (switches.down)
      return done(503, error('ServiceUnavailable', 'Lever is temporarily down for maintenance'));
    if (switches.throttle > 0) {
      switches.throttle--;
      return done(429, error('TooManyRequests', 'Rate limit exceeded'), {
        'retry-after': String(switches.retryAfter),
      });
    }
    if (req.headers.authorization !== `Basic ${Buffer.from(`${opts.apiKey}:`).toString('base64')}`)
      return done(401, error('Unauthorized', 'Invalid API key'));

    const path = url.pathname.replace(/^\/v1/, '');
    const expand = new Set(url.searchParams.getAll('expand'));
    const page = (items: unknown[]) => {
      const limit = Math.min(Number(url.searchParams.get('limit')) || 100, 100, maxPerPage);
      const token = url.searchParams.get('offset');
      if (token !== null && !offsets.has(token))
        return done(
          400,
          error('InvalidRequest', 'You can only pass in an offset returned by a previous request'),
        );
      const start = token === null ? 0 : offsets.get(token)!;
      const hasNext = start + limit < items.length;
      const body: Record<string, unknown> = { data: items.slice(start, start + limit), hasNext };
      if (hasNext) {
        const next = `0.${Date.now()}.${randomUUID()}`;
        offsets.set(next, start + limit);
        body.next = next;
      }
      return done(200, body);
    };
    const notFound = (what: string, id: string) =>
      done(404, error('ResourceNotFound', `${what} ${id} was not found`));
    const at = (method: string, pattern: RegExp) => (req.method === method ? pattern.exec(path) : null);
    let m: RegExpExecArray | null = null;

    if (req.method === 'GET' && path === '/stages') return page(stages);
    if (req.method === 'GET' && path === '/archive_reasons') return page(reasons);
    m = at('GET', /^\/archive_reasons\/([^/]+)$/);
    if (m) {
      const r = reasons.find((x) => x.id === m![1]);
      return r ? done(200, { data: r }) : notFound('archive_reasons', m[1]);
    }
    m = at('GET', /^\/postings\/([^/]+)$/);
    if (m) {
      const p = postings.get(m[1]);
      return p ? done(200, { data: p }) : notFound('postings', m[1]);
    }
    if (req.method === 'GET' && path === '/opportunities') {
      // Filtered by archive status and archive time, oldest first.
      const archived = url.searchParams.get('archived');
      const since = Number(url.searchParams.get('archived_at_start') ?? 0);
      const listed = [...opportunities.values()]
        .filter((o) => archived === null || (archived === 'true') === !!o.archived)
        .filter((o) => !since || (o.archived?.archivedAt ?? 0) >= since)
        .sort((a, b) => (a.archived?.archivedAt ?? a.createdAt) - (b.archived?.archivedAt ?? b.createdAt))
        .map((o) => shown(o, expand));
      return page(listed);
    }
    m = at('GET', /^\/opportunities\/([^/]+)$/);
    if (m) {
      const o = opportunities.get(m[1]);
      return o ? done(200, { data: shown(o, expand) }) : notFound('opportunities', m[1]);
    }
    m = at('GET', /^\/opportunities\/([^/]+)\/feedback$/);
    if (m) {
      if (!opportunities.has(m[1])) return notFound('opportunities', m[1]);
      return page(
        (feedback.get(m[1]) ?? []).map((f) =>
          expand.has('user') ? { ...f, user: users.get(f.user) ?? f.user } : f,
        ),
      );
    }
    m = at('POST', /^\/opportunities\/([^/]+)\/notes$/);
    if (m) {
      if (!opportunities.has(m[1])) return notFound('opportunities', m[1]);
      const body = JSON.parse(raw || '{}');
      if (typeof body.value !== 'string' || !body.value)
        return done(400, error('InvalidRequest', 'value is required'));
      const performAs = url.searchParams.get('perform_as');
      if (performAs && !users.has(performAs))
        return done(400, error('InvalidRequest', 'perform_as: unknown user'));
      notes.push({ opportunityId: m[1], performAs, value: body.value, secret: body.secret === true });
      return done(201, { data: { ...leverFixture('note_created').data, noteId: randomUUID() } });
    }
    return done(404, error('ResourceNotFound', `${req.method} ${path} is not a known action`));
  }

  /** An opportunity as the API shows it: `archived` in both documented shapes, expansions as asked. */
  function shown(o: Record<string, any>, expand: Set<string>) {
    const { applicationObjects, ...rest } = o;
    return {
      ...rest,
      archivedAt: o.archived?.archivedAt ?? null,
      archiveReason: o.archived?.reason ?? null,
      stage: expand.has('stage') ? (stages.find((s) => s.id === o.stage) ?? o.stage) : o.stage,
      applications: expand.has('applications')
        ? applicationObjects
        : applicationObjects.map((a: { id: string }) => a.id),
    };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, error('InternalError', String(e))));
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;

  function user(name: string) {
    const found = [...users.values()].find((u) => u.name === name);
    if (found) return found;
    const u = { id: randomUUID(), name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.test` };
    users.set(u.id, u);
    return u;
  }

  /** A webhook body as Lever sends it (unsigned: `signed` adds the signature). */
  function event(name: string, data: Record<string, unknown>, at: Date) {
    return {
      id: randomUUID(),
      triggeredAt: at.getTime(),
      event: name,
      data,
      token: randomBytes(24).toString('hex'),
    };
  }

  /**
   * Lever's side of a rejection: the posting, the opportunity archived for a reason, its feedback forms; returns the
   * candidateArchiveChange webhook body for it (the documented one, with these ids and the time now).
   */
  function reject(s: LeverRejection, at = new Date()) {
    const posting = postings.get(s.posting?.id ?? '') ?? {
      ...leverFixture('posting'),
      id: s.posting?.id ?? randomUUID(),
      text: s.posting?.text ?? 'Product Designer',
    };
    postings.set(posting.id, posting);
    const reasonName = s.reason ?? 'Underqualified';
    let reason = reasons.find((r) => r.text.toLowerCase() === reasonName.toLowerCase());
    if (!reason) {
      reason = { id: randomUUID(), text: reasonName, status: 'active', type: 'non-hired' };
      reasons.push(reason);
    }
    const stage = stages.find((st) => st.text === (s.stage ?? 'On-site interview')) ?? stages[6];
    const id = randomUUID();
    const contact = randomUUID();
    const template = leverFixture('opportunity');
    const opportunity = {
      ...template,
      id,
      contact,
      name: s.candidate.name,
      emails: [s.candidate.email],
      stage: stage.id,
      stageChanges: [
        { toStageId: stage.id, toStageIndex: stages.indexOf(stage), userId: null, updatedAt: at.getTime() },
      ],
      createdAt: at.getTime() - 14 * 86_400_000,
      updatedAt: at.getTime(),
      lastInteractionAt: at.getTime(),
      archived: { archivedAt: at.getTime(), reason: reason.id },
      applicationObjects: [
        {
          ...leverFixture('application'),
          id: randomUUID(),
          opportunityId: id,
          candidateId: id,
          posting: posting.id,
        },
      ],
      urls: { ...template.urls, show: `https://hire.lever.co/candidates/${id}` },
    };
    opportunities.set(id, opportunity);
    const form = leverFixture('feedback');
    feedback.set(
      id,
      (s.feedback ?? []).map((f, i) => ({
        ...form,
        id: randomUUID(),
        text: f.form,
        user: user(f.interviewer).id,
        createdAt: at.getTime() - (10 - i) * 86_400_000,
        updatedAt: at.getTime() - (10 - i) * 86_400_000,
        completedAt: at.getTime() - (10 - i) * 86_400_000,
        fields: [
          { ...form.fields[0], value: f.rating },
          {
            ...form.fields[1],
            scores: f.skills.map((k) => ({ text: k.name, description: '' })),
            value: f.skills.map((k) => ({ score: k.score, comment: k.comment })),
          },
          { ...form.fields[3], value: f.notes ?? 'Discussed in the debrief.' },
        ],
      })),
    );
    return event(
      'candidateArchiveChange',
      {
        opportunityId: id,
        candidateId: id,
        contactId: contact,
        fromArchived: null,
        toArchived: { archivedAt: at.getTime(), reason: reason.id },
      },
      at,
    );
  }

  /** A candidateStageChange body for an opportunity the fake holds, as of `at`. */
  function stageChange(opportunityId: string, at: Date) {
    const o = opportunities.get(opportunityId)!;
    return event(
      'candidateStageChange',
      {
        opportunityId,
        candidateId: opportunityId,
        contactId: o.contact,
        toStageId: o.stage,
        fromStageId: stages[4].id,
      },
      at,
    );
  }

  /** A feedback form edited in Lever after it was submitted: one skill's score and comment, `updatedAt` now. */
  function editFeedback(
    opportunityId: string,
    index: number,
    skill: string,
    change: { score: number; comment: string },
  ) {
    const form = feedback.get(opportunityId)?.[index];
    if (!form) throw new Error(`No feedback ${index} on opportunity ${opportunityId}`);
    const card = form.fields.find((f: { type: string }) => f.type === 'scorecard');
    const i = card.scores.findIndex((k: { text: string }) => k.text === skill);
    card.value[i] = { score: change.score, comment: change.comment };
    form.updatedAt = Date.now();
  }

  /** A user of the Lever account (notes are written as one). */
  const addUser = (name: string) => user(name).id;

  /** A delivery as Lever makes it: the body with its signature under the webhook's signature token. */
  function signed(payload: Record<string, any>, signatureToken: string) {
    const signature = createHmac('sha256', signatureToken)
      .update(`${payload.token}${payload.triggeredAt}`, 'utf8')
      .digest('hex');
    return {
      body: JSON.stringify({ ...payload, signature }),
      headers: { 'content-type': 'application/json', 'user-agent': 'Lever-Webhooks' },
    };
  }

  return {
    url,
    notes,
    requests,
    switches,
    opportunities,
    /** The account's archive reasons (a rejection with a new reason name adds one). */
    reasons,
    reject,
    stageChange,
    editFeedback,
    addUser,
    signed,
    /** Posts a signed delivery to a webhook URL, as Lever does. */
    async deliver(target: string, payload: Record<string, any>, signatureToken: string) {
      const d = signed(payload, signatureToken);
      const res = await fetch(target, { method: 'POST', headers: d.headers, body: d.body });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type FakeLever = Awaited<ReturnType<typeof startFakeLever>>;
