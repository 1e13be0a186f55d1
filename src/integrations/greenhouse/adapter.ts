import { GREENHOUSE_RECOMMENDATIONS, greenhouseRating } from '../../domain/ats-mapping';
import { AppError } from '../../lib/errors';
import type { AtsAdapter, PulledApplication, PulledScorecard } from '../provider';
import { type GhScorecard, greenhouseClient } from './client';
import { verifyGreenhouse } from './signature';

/** The events Debrief acts on; any other is acknowledged and kept as ignored. */
export const IMPORTED_ACTIONS = new Set(['reject_candidate', 'candidate_stage_change']);

const client = (ctx: Parameters<AtsAdapter['ping']>[0], apiKey: string, quick = false) =>
  greenhouseClient({
    baseUrl: ctx.config.GREENHOUSE_API_URL,
    apiKey,
    ...(quick ? { attempts: 2, timeoutMs: 5000, maxRetryAfterMs: 2000 } : {}),
  });

/**
 * Greenhouse: webhooks signed `Signature: sha256 <hex>` with `Greenhouse-Event-ID`, Harvest for the rest, notes
 * written on the candidate's activity feed on behalf of a Greenhouse user.
 * https://developers.greenhouse.io/webhooks.html, https://developers.greenhouse.io/harvest.html
 */
export const greenhouse: AtsAdapter = {
  provider: 'greenhouse',
  label: 'Greenhouse',
  noteUser: { pattern: /^\d{1,20}$/, describe: 'a Greenhouse user id (digits)' },

  verify: (delivery, secret) => verifyGreenhouse(delivery.rawBody, delivery.header('signature'), secret),

  parse(delivery, raw) {
    const body = (raw ?? {}) as { action?: unknown; payload?: { application?: Record<string, unknown> } };
    const action = typeof body.action === 'string' ? body.action : 'unknown';
    if (action === 'ping') return { kind: 'ping' };
    const application = body.payload?.application;
    const occurred = new Date(String(application?.last_activity_at ?? application?.rejected_at ?? ''));
    const imported = IMPORTED_ACTIONS.has(action);
    if (imported && (!application || typeof application.id !== 'number' || Number.isNaN(occurred.getTime())))
      throw new AppError(
        400,
        'invalid-event',
        `A ${action} event needs payload.application with its id and last_activity_at`,
      );
    return {
      kind: 'event',
      action,
      imported,
      rejection: action === 'reject_candidate',
      occurredAt: Number.isNaN(occurred.getTime()) ? null : occurred,
      eventId: delivery.header('greenhouse-event-id')?.trim() || null,
      kept: kept(action, application),
    };
  },

  async pull(ctx, apiKey, stored) {
    const ref = (stored.payload as { payload?: { application?: { id: number } } }).payload?.application;
    if (!ref) throw new AppError(400, 'invalid-event', 'The event names no application');
    const gh = client(ctx, apiKey);
    const application = await gh.application(ref.id);
    const jobRef = application.jobs[0];
    if (!jobRef) throw new AppError(422, 'no-job', 'A prospect with no job: nothing to give feedback on');
    const [candidate, job, stages, cards] = [
      await gh.candidate(application.candidate_id),
      await gh.job(jobRef.id),
      await gh.jobStages(jobRef.id),
      await gh.scorecards(application.id),
    ];
    const pulled: PulledApplication = {
      application: {
        externalId: String(application.id),
        rejected: application.status === 'rejected',
        rejectionReason: application.rejection_reason?.name ?? null,
        currentStage: application.current_stage
          ? { id: String(application.current_stage.id), name: application.current_stage.name }
          : null,
      },
      candidate: {
        externalId: String(candidate.id),
        firstName: candidate.first_name,
        lastName: candidate.last_name,
        email: candidate.email_addresses?.find((e) => e.value)?.value?.trim() || null,
      },
      job: { externalId: String(job.id), name: job.name },
      stages: [...stages]
        .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
        .map((s) => ({
          id: String(s.id),
          name: s.name,
          interviews: (s.interviews ?? []).map((i) => ({ id: String(i.id), name: i.name })),
        })),
      scorecards: cards.map(scorecard),
    };
    return pulled;
  },

  async ping(ctx, apiKey) {
    await client(ctx, apiKey, true).ping();
  },

  async writeNote(ctx, target) {
    if (!target.noteUserId)
      throw new AppError(
        422,
        'no-note-user',
        'No Greenhouse user is set to write notes as: set one on the integration, then the note is written',
      );
    if (!target.candidateExternalId)
      throw new AppError(422, 'not-linked', 'The application is no longer linked to Greenhouse');
    const gh = greenhouseClient({
      baseUrl: ctx.config.GREENHOUSE_API_URL,
      apiKey: target.apiKey,
      attempts: 2,
    });
    const note = await gh.addNote(target.candidateExternalId, target.noteUserId, target.text);
    return { id: String(note.id) };
  },

  async *listRejections(ctx, apiKey, since, jobId) {
    // Harvest's job ids are numbers: another id is not sent (no rejection listed can be for it).
    for await (const page of client(ctx, apiKey).rejectedSince(
      since,
      jobId && /^\d+$/.test(jobId) ? jobId : null,
    ))
      for (const application of page) {
        if (application.prospect || !application.jobs?.length) continue;
        yield {
          applicationExternalId: String(application.id),
          jobExternalId: String(application.jobs[0].id),
          action: 'reject_candidate',
          eventId: `application:${application.id}`,
          occurredAt: new Date(application.rejected_at ?? application.last_activity_at ?? Date.now()),
          kept: kept('reject_candidate', application as unknown as Record<string, unknown>),
        };
      }
  },
};

/** A Harvest scorecard in Debrief's terms: attribute ratings on the 4-point scale, the key take-aways as notes. */
function scorecard(card: GhScorecard): PulledScorecard {
  const ratings: PulledScorecard['ratings'] = [];
  for (const attr of card.attributes ?? []) {
    const rating = greenhouseRating(attr.rating);
    if (rating)
      ratings.push({ criterion: attr.name, description: attr.type ?? null, rating, note: attr.note ?? '' });
  }
  return {
    externalId: String(card.id),
    updatedAt: card.updated_at ? new Date(card.updated_at) : null,
    interviewer: card.interviewer?.name ?? card.submitted_by?.name ?? 'Greenhouse interviewer',
    stage: {
      interviewId: card.interview_step?.id === undefined ? undefined : String(card.interview_step.id),
      interviewName: card.interview ?? undefined,
    },
    recommendation:
      (card.overall_recommendation && GREENHOUSE_RECOMMENDATIONS[card.overall_recommendation]) || null,
    ratings,
    notes: (card.questions ?? [])
      .filter((q) => q.answer && /key take-aways|private notes/i.test(q.question))
      .map((q) => `${q.question}: ${stripHtml(q.answer ?? '')}`)
      .join('\n'),
  };
}

function stripHtml(text: string) {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What the inbox keeps of a delivery: the ids the import pulls by, the times and the rejection reason, and the
 * candidate's name for the status page. Phone numbers, addresses, attachments, educations and custom fields are not
 * stored: the import reads what it needs from Harvest.
 */
function kept(action: string, application: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!application) return { action };
  const pick = (o: unknown, keys: string[]) =>
    o && typeof o === 'object'
      ? Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, (o as Record<string, unknown>)[k]]))
      : null;
  return {
    action,
    payload: {
      application: {
        ...pick(application, ['id', 'status', 'applied_at', 'rejected_at', 'last_activity_at', 'prospect']),
        current_stage: pick(application.current_stage, ['id', 'name']),
        rejection_reason: pick(application.rejection_reason, ['id', 'name']),
        candidate: pick(application.candidate, ['id', 'first_name', 'last_name']),
        jobs: Array.isArray(application.jobs) ? application.jobs.map((j) => pick(j, ['id', 'name'])) : [],
      },
    },
  };
}
