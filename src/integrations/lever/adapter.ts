import {
  LEVER_WITHDRAWAL_REASONS,
  leverRating,
  leverRecommendation,
  reasonKey,
} from '../../domain/ats-mapping';
import { AppError } from '../../lib/errors';
import type { AtsAdapter, PulledApplication, PulledScorecard } from '../provider';
import { type LeverFeedback, leverClient } from './client';
import { verifyLever } from './signature';

/** The events Debrief acts on; any other is acknowledged and kept as ignored. */
export const IMPORTED_EVENTS = new Set(['candidateArchiveChange', 'candidateStageChange']);

const client = (ctx: Parameters<AtsAdapter['ping']>[0], apiKey: string, quick = false) =>
  leverClient({
    baseUrl: ctx.config.LEVER_API_URL,
    apiKey,
    ...(quick ? { attempts: 2, timeoutMs: 5000, maxRetryAfterMs: 2000 } : {}),
  });

interface LeverDelivery {
  id?: unknown;
  event?: unknown;
  triggeredAt?: unknown;
  token?: unknown;
  data?: {
    opportunityId?: unknown;
    contactId?: unknown;
    toArchived?: { archivedAt?: unknown; reason?: unknown } | null;
    fromArchived?: { archivedAt?: unknown; reason?: unknown } | null;
    toStageId?: unknown;
    fromStageId?: unknown;
  } | null;
}

/**
 * Lever: webhooks signed inside the body (HMAC-SHA256 of `token + triggeredAt` under the webhook's signature token,
 * issued by Lever), the Data API for the rest, notes written on the opportunity.
 * https://hire.lever.co/developer/documentation#webhooks, #opportunities, #feedback, #notes
 */
export const lever: AtsAdapter = {
  provider: 'lever',
  label: 'Lever',
  webhookSecretFrom: 'provider',
  noteUser: {
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    describe: 'a Lever user id (a UUID)',
  },

  verify(delivery, secret) {
    let body: unknown;
    try {
      body = JSON.parse(delivery.rawBody);
    } catch {
      body = null;
    }
    return verifyLever(body, secret);
  },

  parse(_delivery, raw) {
    const body = (raw ?? {}) as LeverDelivery;
    const action = typeof body.event === 'string' ? body.event : 'unknown';
    const data = body.data ?? {};
    const opportunityId = typeof data.opportunityId === 'string' ? data.opportunityId : null;
    // Lever's "test webhook" request carries an event name and an empty data object.
    if (!opportunityId && (!data || Object.keys(data).length === 0)) return { kind: 'ping' };
    const occurred = new Date(Number(body.triggeredAt));
    const imported = IMPORTED_EVENTS.has(action);
    if (imported && (!opportunityId || Number.isNaN(occurred.getTime())))
      throw new AppError(400, 'invalid-event', `A ${action} event needs data.opportunityId and triggeredAt`);
    const eventId =
      (typeof body.id === 'string' && body.id.trim()) ||
      (typeof body.token === 'string' && body.token) ||
      null;
    return {
      kind: 'event',
      action,
      imported,
      rejection: action === 'candidateArchiveChange' && !!data.toArchived,
      occurredAt: Number.isNaN(occurred.getTime()) ? null : occurred,
      eventId,
      kept: kept(action, data),
    };
  },

  async pull(ctx, apiKey, stored) {
    const opportunityId = (stored.payload as { opportunityId?: string }).opportunityId;
    if (!opportunityId) throw new AppError(400, 'invalid-event', 'The event names no opportunity');
    const lv = client(ctx, apiKey);
    const opportunity = await lv.opportunity(opportunityId);
    const application = opportunity.applications?.find((a) => typeof a === 'object' && a.posting);
    const postingRef = typeof application === 'object' ? application.posting : null;
    if (!postingRef)
      throw new AppError(
        422,
        'no-job',
        'A Lever opportunity with no job posting: nothing to give feedback on',
      );
    const posting =
      typeof postingRef === 'object' && postingRef.text ? postingRef : await lv.posting(idOf(postingRef));
    const stages = await lv.stages();
    const forms = await lv.feedback(opportunity.id);
    const reasonId = opportunity.archived?.reason ?? opportunity.archiveReason ?? null;
    const reason = reasonId ? await lv.archiveReason(reasonId) : null;
    const stage = opportunity.stage;
    const email = opportunity.emails?.find((e) => typeof e === 'string' && e.trim())?.trim() ?? null;
    const [firstName, ...rest] = (opportunity.name ?? '').trim().split(/\s+/);
    const pulled: PulledApplication = {
      application: {
        externalId: opportunity.id,
        // Archived for a reason of the "non-hired" kind is a rejection, unless the reason says the candidate left.
        rejected:
          !!reason && reason.type !== 'hired' && !LEVER_WITHDRAWAL_REASONS.has(reasonKey(reason.text ?? '')),
        rejectionReason: reason?.text ?? null,
        currentStage: stage
          ? typeof stage === 'object'
            ? { id: stage.id, name: stage.text }
            : { id: stage, name: stages.find((s) => s.id === stage)?.text }
          : null,
      },
      candidate: {
        externalId: opportunity.contact,
        firstName: firstName || null,
        lastName: rest.join(' ') || null,
        email,
      },
      job: { externalId: posting.id, name: posting.text },
      stages: stages.map((s) => ({ id: s.id, name: s.text })),
      scorecards: forms.filter((f) => !f.deletedAt && f.completedAt).map(scorecard),
    };
    return pulled;
  },

  async ping(ctx, apiKey) {
    await client(ctx, apiKey, true).ping();
  },

  async writeNote(ctx, target) {
    const lv = leverClient({ baseUrl: ctx.config.LEVER_API_URL, apiKey: target.apiKey, attempts: 2 });
    const note = await lv.addNote(target.applicationExternalId, target.noteUserId, target.text);
    return { id: String(note.noteId) };
  },

  async *listRejections(ctx, apiKey, since, jobId) {
    const lv = client(ctx, apiKey);
    const reasons = new Map((await lv.archiveReasons()).map((r) => [r.id, r]));
    for await (const page of lv.archivedSince(since, jobId && UUID.test(jobId) ? jobId : null))
      for (const opportunity of page) {
        const reasonId = opportunity.archived?.reason ?? opportunity.archiveReason ?? null;
        const reason = reasonId ? reasons.get(reasonId) : undefined;
        if (!reason || reason.type === 'hired' || LEVER_WITHDRAWAL_REASONS.has(reasonKey(reason.text ?? '')))
          continue;
        if (!opportunity.applications?.length) continue;
        const archivedAt = opportunity.archived?.archivedAt ?? opportunity.archivedAt ?? Date.now();
        const application = opportunity.applications.find((a) => typeof a === 'object' && a.posting);
        const posting = typeof application === 'object' ? application.posting : null;
        yield {
          applicationExternalId: opportunity.id,
          jobExternalId: posting ? idOf(posting) : null,
          action: 'candidateArchiveChange',
          eventId: `opportunity:${opportunity.id}`,
          occurredAt: new Date(archivedAt),
          kept: kept('candidateArchiveChange', {
            opportunityId: opportunity.id,
            contactId: opportunity.contact,
            toArchived: { archivedAt, reason: reasonId },
          }),
        };
      }
  },
};

/** Lever's ids (postings among them): another id is not sent to Lever as a filter. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const idOf = (ref: string | { id: string }) => (typeof ref === 'string' ? ref : ref.id);

/**
 * A Lever feedback form in Debrief's terms. The overall rating (`score-system`, "4 - Strong Hire" …) is the
 * recommendation; each `score` field and each skill of a `scorecard` field is a rating on the 4-point scale with its
 * comment as evidence; text answers are kept as the scorecard's private notes.
 */
function scorecard(form: LeverFeedback): PulledScorecard {
  const ratings: PulledScorecard['ratings'] = [];
  let recommendation: PulledScorecard['recommendation'] = null;
  const notes: string[] = [];
  for (const field of form.fields ?? []) {
    const overall =
      field.type === 'score-system' ||
      (field.type === 'score' && typeof field.value === 'string' && !leverRating(field.value));
    if (overall) {
      recommendation = leverRecommendation(field.value) ?? recommendation;
    } else if (field.type === 'score') {
      const rating = leverRating(field.value);
      if (rating)
        ratings.push({ criterion: field.text, description: field.description || null, rating, note: '' });
    } else if (field.type === 'scorecard' && Array.isArray(field.value)) {
      field.value.forEach((v: { score?: unknown; comment?: unknown } | null, i) => {
        const skill = field.scores?.[i];
        const rating = leverRating(v?.score);
        if (skill && rating)
          ratings.push({
            criterion: skill.text,
            description: skill.description || null,
            rating,
            note: typeof v?.comment === 'string' ? v.comment : '',
          });
      });
    } else if ((field.type === 'textarea' || field.type === 'text') && typeof field.value === 'string') {
      if (field.value.trim()) notes.push(`${field.text}: ${field.value.trim()}`);
    }
  }
  const user = typeof form.user === 'object' ? form.user : null;
  return {
    externalId: form.id,
    updatedAt: form.updatedAt ? new Date(form.updatedAt) : null,
    interviewer: user?.name || 'Lever interviewer',
    stage: { name: form.text },
    recommendation,
    ratings,
    notes: notes.join('\n'),
  };
}

/**
 * What the inbox keeps of a delivery: the ids the import pulls by, the times and the archive reason's id. Lever's
 * webhooks carry no names or contact details, and none are stored: the import reads what it needs from the API.
 */
function kept(action: string, data: NonNullable<LeverDelivery['data']>): Record<string, unknown> {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const archive = (a: { archivedAt?: unknown; reason?: unknown } | null | undefined) =>
    a ? { archivedAt: typeof a.archivedAt === 'number' ? a.archivedAt : null, reason: str(a.reason) } : null;
  return {
    action,
    opportunityId: str(data.opportunityId),
    contactId: str(data.contactId),
    toArchived: archive(data.toArchived),
    fromArchived: archive(data.fromArchived),
    toStageId: str(data.toStageId),
    fromStageId: str(data.fromStageId),
  };
}
