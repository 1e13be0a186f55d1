import type { WebhookDelivery, WebhookEndpoint } from '../../integrations/webhooks/endpoints';

/** An endpoint without its secret. */
export function presentEndpoint(e: WebhookEndpoint) {
  return {
    id: e.id,
    url: e.url,
    events: e.events,
    description: e.description,
    createdAt: e.createdAt.toISOString(),
  };
}

export function presentDelivery(d: WebhookDelivery) {
  return {
    id: d.id,
    eventId: String(d.payload.id ?? ''),
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}
