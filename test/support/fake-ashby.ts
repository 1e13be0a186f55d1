// A local stand-in for Ashby, on 127.0.0.1: the API endpoints Debrief calls and webhook deliveries signed as Ashby
// signs them. Its objects follow the documented shapes in test/fixtures/ashby/ (each names its page).
//
// API (https://developers.ashbyhq.com/reference/introduction): RPC-style POST /CATEGORY.method with a JSON body; Basic
// auth with the API key as user name and a blank password (401 otherwise); a refusal answered 200 with `success: false`
// and `errorInfo` (/docs/responses); list endpoints paged by `cursor` → `nextCursor` while `moreDataAvailable`
// (/docs/pagination-and-incremental-sync), at most `maxPerPage` a page whatever `limit` asks, so that paging is
// exercised; 429 with Retry-After when throttled; and a switch for being down (503).
// Webhooks (/docs/authenticating-webhooks, /docs/common-payload-data): `Ashby-Signature: sha256=<hex HMAC-SHA256 of
// the body>`, and `webhookActionId` in the body, the same across retries of one event.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../fixtures/ashby');

/** A documented object from the fixtures, without its `$source` note. */
export function fixture<T = Record<string, any>>(name: string): T {
  const { $source: _source, ...rest } = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
  return rest as T;
}

export interface FakeAshbyNote {
  candidateId: string;
  type: string;
  value: string;
  sendNotifications: boolean;
}

export interface AshbyScenario {
  candidate: { name: string; email: string };
  job?: { id?: string; title: string };
  /** The archive reason's text (Ashby's default "Too inexperienced" when absent) and its type. */
  reason?: string;
  reasonType?: 'RejectedByOrg' | 'RejectedByCandidate' | 'Other';
  /** The last stage the application was in before it was archived. */
  stage?: string;
  feedback?: {
    stage: string;
    interviewer: string;
    /** A 1–4 score, or a choice's value when the form asks for the recommendation as a choice. */
    recommendation: number | string;
    scores: { title: string; score: number; note: string | null }[];
  }[];
}

const PLAN_STAGES: [string, string][] = [
  ['Application Review', 'PreInterviewScreen'],
  ['Recruiter Screen', 'Active'],
  ['Technical Interview', 'Active'],
  ['Onsite', 'Active'],
  ['Offer', 'Offer'],
  ['Hired', 'Hired'],
  ['Archived', 'Archived'],
];

export async function startFakeAshby(opts: { apiKey: string; maxPerPage?: number; port?: number }) {
  const maxPerPage = opts.maxPerPage ?? 2;
  const candidates = new Map<string, Record<string, any>>();
  const applications = new Map<string, Record<string, any>>();
  const jobs = new Map<string, Record<string, any>>();
  const plans = new Map<string, Record<string, any>[]>();
  const histories = new Map<string, Record<string, any>[]>();
  const feedback = new Map<string, Record<string, any>[]>();
  const notes: FakeAshbyNote[] = [];
  const requests: { endpoint: string; status: number }[] = [];
  const switches = { down: false, throttle: 0, retryAfter: 1 };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const refusal = (code: string, message: string) => ({
    ...fixture('error'),
    errorInfo: { code, message, requestId: randomUUID() },
  });

  /** One page of a list, from the offset the cursor holds. */
  function page(items: unknown[], body: { cursor?: string; limit?: number }) {
    const size = Math.min(Number(body.limit) || 100, maxPerPage);
    const from = body.cursor ? Number(Buffer.from(body.cursor, 'base64url').toString()) : 0;
    const more = from + size < items.length;
    return {
      success: true,
      results: items.slice(from, from + size),
      moreDataAvailable: more,
      ...(more
        ? { nextCursor: Buffer.from(String(from + size)).toString('base64url') }
        : { syncToken: randomUUID().slice(0, 9) }),
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const endpoint = new URL(req.url ?? '/', 'http://fake').pathname.slice(1);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const done = (status: number, body: unknown, headers?: Record<string, string>) => {
      requests.push({ endpoint, status });
      send(res, status, body, headers);
    };
    if (switches.down) return done(503, { message: 'Service Unavailable' });
    if (switches.throttle > 0) {
      switches.throttle--;
      return done(429, { message: 'Too many requests' }, { 'retry-after': String(switches.retryAfter) });
    }
    const expected = `Basic ${Buffer.from(`${opts.apiKey}:`).toString('base64')}`;
    if (req.headers.authorization !== expected) return done(401, { message: 'Unauthorized' });
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json'))
      return done(415, { message: 'POST with a JSON body' });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    const found = (item: unknown, code: string) =>
      item ? done(200, { success: true, results: item }) : done(200, refusal(code, 'Not found'));

    switch (endpoint) {
      case 'application.info':
        return found(applications.get(body.applicationId), 'application_not_found');
      case 'candidate.info':
        return found(candidates.get(body.id), 'candidate_not_found');
      case 'job.info':
        return found(jobs.get(body.id), 'job_not_found');
      case 'job.list':
        return done(200, page([...jobs.values()], body));
      case 'interviewStage.list': {
        const stages = plans.get(body.interviewPlanId);
        if (!stages) return done(200, refusal('interview_plan_not_found', 'Interview plan not found'));
        return done(200, { success: true, results: stages, moreDataAvailable: false });
      }
      case 'application.listHistory':
        if (!applications.has(body.applicationId))
          return done(200, refusal('application_not_found', 'Application not found'));
        return done(200, page(histories.get(body.applicationId) ?? [], body));
      case 'applicationFeedback.list':
        return done(200, page(feedback.get(body.applicationId) ?? [], body));
      case 'application.list': {
        const listed = [...applications.values()].filter((a) => !body.status || a.status === body.status);
        return done(200, page(listed, body));
      }
      case 'candidate.createNote': {
        if (!candidates.has(body.candidateId))
          return done(200, refusal('candidate_not_found', 'Candidate not found'));
        const note = typeof body.note === 'string' ? { type: 'text/plain', value: body.note } : body.note;
        if (!note?.value) return done(200, refusal('invalid_input', 'note is required'));
        notes.push({
          candidateId: body.candidateId,
          type: note.type,
          value: note.value,
          sendNotifications: body.sendNotifications ?? false,
        });
        return done(200, {
          success: true,
          results: { ...fixture('note'), id: randomUUID(), content: note.value, createdAt: new Date() },
        });
      }
      default:
        return done(404, { success: false, errorInfo: { code: 'endpoint_not_found', message: endpoint } });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, { message: String(e) }));
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function jobFor(s: AshbyScenario) {
    const existing = s.job?.id ? jobs.get(s.job.id) : undefined;
    if (existing) return existing;
    const planId = randomUUID();
    const job = {
      ...fixture('job_info'),
      id: s.job?.id ?? randomUUID(),
      title: s.job?.title ?? 'Designer',
      defaultInterviewPlanId: planId,
      interviewPlanIds: [planId],
    };
    jobs.set(job.id, job);
    const base = fixture('interview_stage');
    plans.set(
      planId,
      PLAN_STAGES.map(([title, type], i) => ({
        ...base,
        id: randomUUID(),
        title,
        type,
        orderInInterviewPlan: i,
        interviewPlanId: planId,
      })),
    );
    return job;
  }

  /** A feedback form as Ashby lists it: a section per score with its notes, then the overall recommendation. */
  function feedbackForm(card: NonNullable<AshbyScenario['feedback']>[number]) {
    const sections = card.scores.map((s, i) => ({
      title: s.title,
      fields: [
        { isRequired: true, field: { id: randomUUID(), type: 'Score', path: `score_${i}`, title: s.title } },
        {
          isRequired: false,
          field: { id: randomUUID(), type: 'LongText', path: `notes_${i}`, title: `${s.title} notes` },
        },
      ],
    }));
    const asChoice = typeof card.recommendation === 'string';
    const template = fixture('application_feedback').formDefinition.sections[0].fields[0].field;
    sections.push({
      title: 'Overall',
      fields: [
        {
          isRequired: true,
          field: asChoice
            ? { ...template, id: randomUUID() }
            : {
                id: randomUUID(),
                type: 'Score',
                path: 'overall_recommendation',
                title: 'Overall Recommendation',
              },
        },
        {
          isRequired: false,
          field: { id: randomUUID(), type: 'RichText', path: 'private_notes', title: 'Private notes' },
        },
      ],
    });
    const values: Record<string, unknown> = {
      overall_recommendation: asChoice ? card.recommendation : String(card.recommendation),
      private_notes: 'Discussed in the debrief.',
    };
    card.scores.forEach((s, i) => {
      values[`score_${i}`] = String(s.score);
      if (s.note !== null) values[`notes_${i}`] = s.note;
    });
    return { formDefinition: { sections }, submittedValues: values };
  }

  /**
   * Ashby's side of a rejection: the candidate, the job and its interview plan, the application's history up to the
   * stage reached, feedback, then the application archived with its reason. Returns the candidateStageChange webhook
   * payload for it (the documented one, with these ids and the time now).
   */
  function reject(s: AshbyScenario, at = new Date()) {
    const job = jobFor(s);
    const stages = plans.get(job.defaultInterviewPlanId)!;
    const candidate: Record<string, any> = {
      ...fixture('candidate_info'),
      id: randomUUID(),
      name: s.candidate.name,
      primaryEmailAddress: { value: s.candidate.email, type: 'Personal', isPrimary: true },
      emailAddresses: [{ value: s.candidate.email, type: 'Personal', isPrimary: true }],
    };
    candidates.set(candidate.id, candidate);
    const reachedAt = Math.max(
      0,
      stages.findIndex((st) => st.title === (s.stage ?? 'Onsite')),
    );
    const id = randomUUID();
    candidate.applicationIds = [id];
    const historyTemplate = fixture('application_history');
    const history = [...stages.slice(0, reachedAt + 1), stages.find((st) => st.type === 'Archived')!].map(
      (st, i) => ({
        ...historyTemplate,
        id: randomUUID(),
        stageId: st.id,
        title: st.title,
        stageNumber: i,
        enteredStageAt: new Date(at.getTime() - (reachedAt + 1 - i) * 86_400_000).toISOString(),
      }),
    );
    histories.set(id, history);
    const template = fixture('candidateStageChange').data.application;
    const application = {
      ...template,
      id,
      createdAt: new Date(at.getTime() - 30 * 86_400_000).toISOString(),
      updatedAt: at.toISOString(),
      archivedAt: at.toISOString(),
      status: 'Archived',
      candidate: {
        id: candidate.id,
        name: candidate.name,
        primaryEmailAddress: candidate.primaryEmailAddress,
      },
      currentInterviewStage: stages.find((st) => st.type === 'Archived'),
      archiveReason: {
        ...template.archiveReason,
        id: randomUUID(),
        text: s.reason ?? 'Too inexperienced',
        reasonType: s.reasonType ?? 'RejectedByOrg',
      },
      job: { ...template.job, id: job.id, title: job.title },
    };
    applications.set(id, application);
    const cardTemplate = fixture('application_feedback');
    feedback.set(
      id,
      (s.feedback ?? []).map((card) => {
        const [firstName, ...rest] = card.interviewer.split(' ');
        return {
          ...cardTemplate,
          id: randomUUID(),
          applicationId: id,
          applicationHistoryId: (history.find((h) => h.title === card.stage) ?? history[reachedAt]).id,
          submittedAt: new Date(at.getTime() - 3600_000).toISOString(),
          submittedByUser: {
            ...cardTemplate.submittedByUser,
            id: randomUUID(),
            firstName,
            lastName: rest.join(' '),
          },
          ...feedbackForm(card),
        };
      }),
    );
    return { webhookActionId: randomUUID(), action: 'candidateStageChange', data: { application } };
  }

  /** A candidateStageChange payload for an application the fake holds, as it was (active, at its stage) at `at`. */
  function stageChange(applicationId: string, at: Date) {
    const a = applications.get(applicationId)!;
    const history = histories.get(applicationId)!;
    const before = history[history.length - 2];
    const stage = [...plans.values()].flat().find((st) => st.id === before.stageId);
    return {
      webhookActionId: randomUUID(),
      action: 'candidateStageChange',
      data: {
        application: {
          ...a,
          status: 'Active',
          archivedAt: null,
          archiveReason: null,
          currentInterviewStage: stage,
          updatedAt: at.toISOString(),
        },
      },
    };
  }

  /** Feedback submitted again in Ashby: one score and its notes changed, `submittedAt` now. */
  function editFeedback(
    applicationId: string,
    index: number,
    title: string,
    change: { score: number; note: string },
  ) {
    const card = feedback.get(applicationId)?.[index];
    if (!card) throw new Error(`No feedback ${index} on application ${applicationId}`);
    const sections = card.formDefinition.sections as {
      title: string;
      fields: { field: { path: string } }[];
    }[];
    const section = sections.find((sec) => sec.title === title);
    if (!section) throw new Error(`No score "${title}" in that feedback`);
    const [score, notes] = section.fields.map((f) => f.field.path);
    card.submittedValues = { ...card.submittedValues, [score]: String(change.score), [notes]: change.note };
    card.submittedAt = new Date().toISOString();
  }

  /** A delivery as Ashby makes it: the JSON body and its signature. */
  function signed(payload: unknown, secret: string) {
    const body = JSON.stringify(payload);
    const signature = `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
    return { body, headers: { 'content-type': 'application/json', 'ashby-signature': signature } };
  }

  return {
    url,
    notes,
    requests,
    switches,
    applications,
    reject,
    stageChange,
    editFeedback,
    signed,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type FakeAshby = Awaited<ReturnType<typeof startFakeAshby>>;
