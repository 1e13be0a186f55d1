import { randomUUID } from 'node:crypto';
import { and, arrayContains, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { type WebhookEvent, webhookDeliveries, webhookEndpoints } from '../../db/schema';
import { enqueue, type JobDefinition } from '../../jobs/runner';

/** The outbox job that sends one delivery (its handler is `webhookDeliveryJob`). */
export const WEBHOOK_JOB_KIND = 'webhook-delivery';
/** Attempts per delivery: with the runner's exponential back-off, the last comes about a day and a half later. */
export const WEBHOOK_MAX_ATTEMPTS = 10;
/** The event a "send test event" action sends; no endpoint subscribes to it. */
export const TEST_EVENT = 'webhook.test';

const outboxJob = { kind: WEBHOOK_JOB_KIND, maxAttempts: WEBHOOK_MAX_ATTEMPTS } as JobDefinition<{
  deliveryId: string;
}>;

/** The JSON every endpoint receives: the event's id (the same for every endpoint: dedupe on it), type, time, data. */
export interface WebhookPayload {
  id: string;
  type: WebhookEvent | typeof TEST_EVENT;
  createdAt: string;
  organizationId: string;
  data: Record<string, unknown>;
}

/**
 * Queues an event for every endpoint of the organization that subscribed to it, in the caller's transaction: the
 * state change that caused it and its deliveries commit together or not at all. Another organization's endpoints are
 * never looked at.
 */
export async function queueWebhookEvent(
  tx: Executor,
  input: { organizationId: string; event: WebhookEvent; data: Record<string, unknown> },
): Promise<number> {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.organizationId, input.organizationId),
        isNull(webhookEndpoints.disabledAt),
        arrayContains(webhookEndpoints.events, [input.event]),
      ),
    );
  if (!endpoints.length) return 0;
  const payload: WebhookPayload = {
    id: `evt_${randomUUID().replaceAll('-', '')}`,
    type: input.event,
    createdAt: new Date().toISOString(),
    organizationId: input.organizationId,
    data: input.data,
  };
  for (const e of endpoints) await queueDelivery(tx, input.organizationId, e.id, payload);
  return endpoints.length;
}

export async function queueDelivery(
  tx: Executor,
  organizationId: string,
  endpointId: string,
  payload: WebhookPayload,
) {
  const [delivery] = await tx
    .insert(webhookDeliveries)
    .values({
      organizationId,
      endpointId,
      event: payload.type,
      payload: payload as unknown as Record<string, unknown>,
      nextAttemptAt: new Date(),
    })
    .returning();
  await enqueue(tx, outboxJob, { deliveryId: delivery.id }, { dedupeKey: `webhook:${delivery.id}` });
  return delivery;
}
