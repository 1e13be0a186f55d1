import { ASHBY_ARCHIVE_REASONS, readAshbyFeedback } from '../../domain/ashby-mapping';
import { AppError } from '../../lib/errors';
import type { AtsAdapter, PulledApplication, PulledScorecard } from '../provider';
import { type AshbyApplication, type AshbyFeedback, type AshbyHistoryItem, ashbyClient } from './client';
import { verifyAshby } from './signature';

/**
 * The events Debrief acts on; any other is acknowledged and kept as ignored. Archiving an application moves it to
 * its plan's Archived stage, so a rejection arrives as a stage change (and as an application update).
 */
export const IMPORTED_ACTIONS = new Set(['candidateStageChange', 'applicationUpdate']);

/** Stage types that end an application rather than mark how far it went. */
const ENDINGS = new Set(['Archived', 'Hired']);

const client = (ctx: Parameters<AtsAdapter['ping']>[0], apiKey: string, quick = false) =>
  ashbyClient({
    baseUrl: ctx.config.ASHBY_API_URL,
    apiKey,
    ...(quick ? { attempts: 2, timeoutMs: 5000, maxRetryAfterMs: 2000 } : {}),
  });

/**
 * An archived application is a rejection unless its archive reason says the candidate withdrew
 * (`RejectedByCandidate`): nobody writes rejection feedback to a candidate who left.
 */
export function isAshbyRejection(application: Partial<AshbyApplication> | undefined): boolean {
  return (
    application?.status === 'Archived' && application.archiveReason?.reasonType !== 'RejectedByCandidate'
  );
}

/**
 * Ashby: webhooks signed `Ashby-Signature: sha256=<hex>` carrying `webhookActionId`, the RPC-style API for the rest,
 * notes written on the candidate as the API key's user.
 * https://developers.ashbyhq.com/docs/authenticating-webhooks, https://developers.ashbyhq.com/docs/common-payload-data
 */
export const ashby: AtsAdapter = {
  provider: 'ashby',
  label: 'Ashby',
  reasonNames: ASHBY_ARCHIVE_REASONS,

  verify: (delivery, secret) => verifyAshby(delivery.rawBody, delivery.header('ashby-signature'), secret),

  parse(_delivery, raw) {
    const body = (raw ?? {}) as {
      action?: unknown;
      webhookActionId?: unknown;
      data?: { application?: Record<string, unknown> };
    };
    const action = typeof body.action === 'string' ? body.action : 'unknown';
    if (action === 'ping') return { kind: 'ping' };
    const application = body.data?.application as Partial<AshbyApplication> | undefined;
    const occurred = new Date(String(application?.updatedAt ?? application?.archivedAt ?? ''));
    const imported = IMPORTED_ACTIONS.has(action);
    if (imported && (!application || typeof application.id !== 'string' || Number.isNaN(occurred.getTime())))
      throw new AppError(
        400,
        'invalid-event',
        `A ${action} event needs data.application with its id and updatedAt`,
      );
    return {
      kind: 'event',
      action,
      imported,
      rejection: imported && isAshbyRejection(application),
      occurredAt: Number.isNaN(occurred.getTime()) ? null : occurred,
      eventId: typeof body.webhookActionId === 'string' ? body.webhookActionId.trim() || null : null,
      kept: kept(application),
    };
  },

  async pull(ctx, apiKey, stored) {
    const ref = (stored.payload as { application?: { id?: string } }).application;
    if (!ref?.id) throw new AppError(400, 'invalid-event', 'The event names no application');
    const api = client(ctx, apiKey);
    const application = await api.application(ref.id);
    const candidate = await api.candidate(application.candidate.id);
    const job = await api.job(application.job.id);
    const planId = application.currentInterviewStage?.interviewPlanId ?? job.defaultInterviewPlanId;
    const plan = planId ? await api.interviewStages(planId) : [];
    const history = await api.history(application.id);
    const feedback = await api.feedback(application.id);

    const stages = plan
      .filter((s) => !ENDINGS.has(s.type ?? ''))
      .sort((a, b) => (a.orderInInterviewPlan ?? 0) - (b.orderInInterviewPlan ?? 0));
    const inPlan = new Set(stages.map((s) => s.id));
    // An archived application sits in the Archived stage: how far it went is the last stage it was in before.
    const current = application.currentInterviewStage;
    const reached =
      current && !ENDINGS.has(current.type ?? '')
        ? { id: current.id, name: current.title }
        : [...history]
            .sort((a, b) => b.stageNumber - a.stageNumber)
            .filter((h) => inPlan.has(h.stageId))
            .map((h) => ({ id: h.stageId, name: h.title }))[0];
    const email =
      candidate.primaryEmailAddress?.value?.trim() ||
      candidate.emailAddresses?.find((e) => e.value?.trim())?.value.trim() ||
      null;
    const [firstName, ...rest] = (candidate.name ?? '').trim().split(/\s+/);
    const pulled: PulledApplication = {
      application: {
        externalId: application.id,
        rejected: isAshbyRejection(application),
        rejectionReason: application.archiveReason?.text ?? null,
        currentStage: reached ?? null,
      },
      candidate: {
        externalId: candidate.id,
        firstName: firstName || null,
        lastName: rest.join(' ') || null,
        email,
      },
      job: { externalId: job.id, name: job.title },
      stages: stages.map((s) => ({ id: s.id, name: s.title })),
      scorecards: feedback.map((f) => scorecard(f, history)),
    };
    return pulled;
  },

  async ping(ctx, apiKey) {
    await client(ctx, apiKey, true).ping();
  },

  async writeNote(ctx, target) {
    if (!target.candidateExternalId)
      throw new AppError(422, 'not-linked', 'The application is no longer linked to Ashby');
    const api = ashbyClient({ baseUrl: ctx.config.ASHBY_API_URL, apiKey: target.apiKey, attempts: 2 });
    const note = await api.addNote(target.candidateExternalId, target.text);
    return { id: String(note.id) };
  },

  async *listRejections(ctx, apiKey, since, jobId) {
    for await (const page of client(ctx, apiKey).archived(jobId && UUID.test(jobId) ? jobId : null))
      for (const application of page) {
        const at = new Date(application.archivedAt ?? application.updatedAt ?? '');
        if (!isAshbyRejection(application) || Number.isNaN(at.getTime()) || at < since) continue;
        yield {
          applicationExternalId: application.id,
          jobExternalId: application.job?.id ?? null,
          action: 'candidateStageChange',
          eventId: `application:${application.id}`,
          occurredAt: at,
          kept: kept(application),
        };
      }
  },
};

/** Ashby's ids (jobs among them): another id is not sent to Ashby as a filter. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A feedback submission in Debrief's terms, placed at the stage the application was in when it was given. */
function scorecard(f: AshbyFeedback, history: AshbyHistoryItem[]): PulledScorecard {
  const read = readAshbyFeedback(f.formDefinition ?? {}, f.submittedValues ?? {});
  const at = history.find((h) => h.id === f.applicationHistoryId);
  const user = f.submittedByUser;
  const submitted = f.submittedAt ? new Date(f.submittedAt) : null;
  return {
    externalId: f.id,
    updatedAt: submitted && !Number.isNaN(submitted.getTime()) ? submitted : null,
    interviewer: [user?.firstName, user?.lastName].filter(Boolean).join(' ') || 'Ashby interviewer',
    stage: at ? { id: at.stageId, name: at.title } : null,
    recommendation: read.recommendation,
    ratings: read.ratings.map((r) => ({ ...r, description: null })),
    notes: read.notes,
  };
}

/**
 * What the inbox keeps of a delivery: the ids the import pulls by, the status, times, stage and archive reason, and
 * the candidate's name for the status page. Email addresses, phone numbers, custom fields, the hiring team and the
 * submitter's address are not stored: the import reads what it needs from Ashby.
 */
function kept(application: Partial<AshbyApplication> | undefined): Record<string, unknown> {
  if (!application) return {};
  const pick = (o: unknown, keys: string[]) =>
    o && typeof o === 'object'
      ? Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, (o as Record<string, unknown>)[k]]))
      : null;
  return {
    candidateName: typeof application.candidate?.name === 'string' ? application.candidate.name : undefined,
    application: {
      ...pick(application, ['id', 'status', 'createdAt', 'updatedAt', 'archivedAt']),
      currentInterviewStage: pick(application.currentInterviewStage, ['id', 'title', 'type']),
      archiveReason: pick(application.archiveReason, ['id', 'text', 'reasonType']),
      candidate: pick(application.candidate, ['id', 'name']),
      job: pick(application.job, ['id', 'title']),
    },
  };
}
