import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../app/context';
import { type AtsProvider, atsConnections, atsEvents } from '../db/schema';
import { enqueue } from '../jobs/runner';
import { AppError } from '../lib/errors';
import { adapterFor } from './adapters';
import { sealContext } from './connections';
import type { WebhookDelivery } from './provider';
import { bodyDigest } from './signature';

/**
 * A delivery from an ATS, answered fast: the signature is checked over the raw body (a bad one: 401, nothing
 * written), a stale or replayed event is refused, and otherwise the event and the job that imports it are written in
 * one transaction. The same event id twice is acknowledged once and imported once (a unique index).
 */
export async function receiveWebhook(
  ctx: AppContext,
  input: { provider: AtsProvider; connectionId: string } & WebhookDelivery,
) {
  const adapter = adapterFor(input.provider);
  const badSignature = new AppError(
    401,
    'bad-signature',
    `The ${adapter.label} signature does not match the body`,
  );
  if (!/^[0-9a-f-]{36}$/i.test(input.connectionId)) throw badSignature;
  const [connection] = await ctx.db
    .select()
    .from(atsConnections)
    .where(and(eq(atsConnections.id, input.connectionId), eq(atsConnections.provider, input.provider)));
  // An unknown connection answers like a bad signature: nothing tells a prober which ids exist.
  if (!connection) throw badSignature;
  const secret = ctx.secrets.open(connection.webhookSecretSealed, sealContext(connection.id));
  if (!adapter.verify(input, secret)) throw badSignature;

  let body: unknown;
  try {
    body = JSON.parse(input.rawBody);
  } catch {
    throw new AppError(400, 'invalid-json', 'The body is not JSON');
  }
  const event = adapter.parse(input, body);
  if (event.kind === 'ping') {
    await ctx.db
      .update(atsConnections)
      .set({ lastEventAt: new Date() })
      .where(eq(atsConnections.id, connection.id));
    return { status: 'ping' as const };
  }
  if (event.imported && event.occurredAt) {
    const maxAgeMs = ctx.config.ATS_EVENT_MAX_AGE_HOURS * 3600_000;
    if (Date.now() - event.occurredAt.getTime() > maxAgeMs)
      throw new AppError(
        409,
        'stale-event',
        `This event happened at ${event.occurredAt.toISOString()}, more than ${ctx.config.ATS_EVENT_MAX_AGE_HOURS} hours ago; it is refused as stale or replayed`,
      );
  }
  const providerEventId = event.eventId || `body:${bodyDigest(input.rawBody)}`;

  const result = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(atsEvents)
      .values({
        organizationId: connection.organizationId,
        connectionId: connection.id,
        providerEventId: providerEventId.slice(0, 200),
        action: event.action,
        occurredAt: event.occurredAt ?? new Date(),
        payload: { ...event.kept, rejection: event.rejection },
        status: event.imported ? 'queued' : 'ignored',
        processedAt: event.imported ? null : new Date(),
      })
      .onConflictDoNothing()
      .returning({ id: atsEvents.id });
    if (!row) return { status: 'duplicate' as const };
    if (event.imported)
      await enqueue(tx, ctx.jobs.atsImport, { eventId: row.id }, { dedupeKey: `ats-event:${row.id}` });
    await tx
      .update(atsConnections)
      .set({ lastEventAt: new Date(), eventsReceived: sql`${atsConnections.eventsReceived} + 1` })
      .where(eq(atsConnections.id, connection.id));
    return { status: event.imported ? ('queued' as const) : ('ignored' as const), eventId: row.id };
  });
  if (result.status === 'queued') ctx.jobs.poke();
  return result;
}
