import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../app/context';
import { atsConnections, atsEvents } from '../../db/schema';
import { enqueue } from '../../jobs/runner';
import { AppError } from '../../lib/errors';
import { sealContext } from '../connections';
import { bodyDigest, verifyGreenhouse } from './signature';

/** The events Debrief acts on; any other is acknowledged and kept as ignored. */
export const IMPORTED_ACTIONS = new Set(['reject_candidate', 'candidate_stage_change']);

export interface WebhookDelivery {
  connectionId: string;
  rawBody: string;
  signature: string | undefined;
  eventId: string | undefined;
}

/**
 * A delivery from Greenhouse, answered fast: the signature is checked over the raw body (a bad one: 401, nothing
 * written), a stale or replayed event is refused, and otherwise the event and the job that imports it are written in
 * one transaction. The same event id twice is acknowledged once and imported once (a unique index).
 */
export async function receiveGreenhouseWebhook(ctx: AppContext, input: WebhookDelivery) {
  const badSignature = new AppError(401, 'bad-signature', 'The Signature header does not match the body');
  if (!/^[0-9a-f-]{36}$/i.test(input.connectionId)) throw badSignature;
  const [connection] = await ctx.db
    .select()
    .from(atsConnections)
    .where(and(eq(atsConnections.id, input.connectionId), eq(atsConnections.provider, 'greenhouse')));
  // An unknown connection answers like a bad signature: nothing tells a prober which ids exist.
  if (!connection) throw badSignature;
  const secret = ctx.secrets.open(connection.webhookSecretSealed, sealContext(connection.id));
  if (!verifyGreenhouse(input.rawBody, input.signature, secret)) throw badSignature;

  let body: { action?: unknown; payload?: { application?: Record<string, unknown> } };
  try {
    body = JSON.parse(input.rawBody);
  } catch {
    throw new AppError(400, 'invalid-json', 'The body is not JSON');
  }
  const action = typeof body.action === 'string' ? body.action : 'unknown';
  if (action === 'ping') {
    await ctx.db
      .update(atsConnections)
      .set({ lastEventAt: new Date() })
      .where(eq(atsConnections.id, connection.id));
    return { status: 'ping' as const };
  }
  const application = body.payload?.application;
  const occurred = String(application?.last_activity_at ?? application?.rejected_at ?? '');
  const occurredAt = new Date(occurred);
  if (IMPORTED_ACTIONS.has(action)) {
    if (!application || typeof application.id !== 'number' || Number.isNaN(occurredAt.getTime()))
      throw new AppError(
        400,
        'invalid-event',
        `A ${action} event needs payload.application with its id and last_activity_at`,
      );
    const maxAgeMs = ctx.config.ATS_EVENT_MAX_AGE_HOURS * 3600_000;
    if (Date.now() - occurredAt.getTime() > maxAgeMs)
      throw new AppError(
        409,
        'stale-event',
        `This event happened at ${occurredAt.toISOString()}, more than ${ctx.config.ATS_EVENT_MAX_AGE_HOURS} hours ago; it is refused as stale or replayed`,
      );
  }
  const providerEventId = input.eventId?.trim() || `body:${bodyDigest(input.rawBody)}`;
  const imported = IMPORTED_ACTIONS.has(action);

  const result = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(atsEvents)
      .values({
        organizationId: connection.organizationId,
        connectionId: connection.id,
        providerEventId: providerEventId.slice(0, 200),
        action,
        occurredAt: Number.isNaN(occurredAt.getTime()) ? new Date() : occurredAt,
        payload: kept(action, application),
        status: imported ? 'queued' : 'ignored',
        processedAt: imported ? null : new Date(),
      })
      .onConflictDoNothing()
      .returning({ id: atsEvents.id });
    if (!row) return { status: 'duplicate' as const };
    if (imported)
      await enqueue(tx, ctx.jobs.atsImport, { eventId: row.id }, { dedupeKey: `ats-event:${row.id}` });
    await tx
      .update(atsConnections)
      .set({ lastEventAt: new Date(), eventsReceived: sql`${atsConnections.eventsReceived} + 1` })
      .where(eq(atsConnections.id, connection.id));
    return { status: imported ? ('queued' as const) : ('ignored' as const), eventId: row.id };
  });
  if (result.status === 'queued') ctx.jobs.poke();
  return result;
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
