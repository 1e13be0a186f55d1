import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../app/audit';
import type { Actor, AppContext } from '../../app/context';
import type { Executor } from '../../db/client';
import { type WebhookEvent, webhookDeliveries, webhookEndpoints } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { allowPrivateWebhooks } from './deliver-webhook';
import { checkEndpointUrl } from './endpoint-url';
import { queueDelivery, TEST_EVENT } from './events';

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

/**
 * Registers an endpoint for the chosen events. Its signing secret is returned this once; Debrief keeps it sealed
 * (`webhook:<endpointId>`) to sign deliveries. A URL that is not http(s), or (in production) points to a private or
 * loopback address, is refused.
 */
export async function createWebhookEndpoint(
  ctx: AppContext,
  actor: Actor,
  input: { url: string; events: WebhookEvent[]; description?: string | null },
) {
  const url = await checkEndpointUrl(input.url, { allowPrivate: allowPrivateWebhooks(ctx) });
  const id = randomUUID();
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const endpoint = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        id,
        organizationId: actor.organizationId,
        url: url.toString(),
        events: [...new Set(input.events)],
        secretSealed: ctx.secrets.seal(secret, `webhook:${id}`),
        description: input.description ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'webhook.endpoint-created',
      subjectType: 'webhook-endpoint',
      subjectId: id,
      data: { url: row.url, events: row.events },
    });
    return row;
  });
  return { endpoint, secret };
}

/** The organization's endpoints (never their secrets), with each one's latest deliveries counted by status. */
export async function listWebhookEndpoints(ctx: AppContext, actor: Actor) {
  return ctx.db
    .select()
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.organizationId, actor.organizationId), isNull(webhookEndpoints.disabledAt)),
    )
    .orderBy(desc(webhookEndpoints.createdAt));
}

async function loadEndpoint(tx: Executor, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.id, id),
        eq(webhookEndpoints.organizationId, organizationId),
        isNull(webhookEndpoints.disabledAt),
      ),
    );
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

/** Removes an endpoint: nothing more is sent to it, deliveries still waiting included. Its log stays readable. */
export async function removeWebhookEndpoint(ctx: AppContext, actor: Actor, input: { endpointId: string }) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadEndpoint(tx, actor.organizationId, input.endpointId);
    await tx.update(webhookEndpoints).set({ disabledAt: new Date() }).where(eq(webhookEndpoints.id, row.id));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'webhook.endpoint-removed',
      subjectType: 'webhook-endpoint',
      subjectId: row.id,
      data: { url: row.url },
    });
  });
}

/** An endpoint's delivery log, newest first: each event's status, attempts, last answer and next retry. */
export async function listWebhookDeliveries(ctx: AppContext, actor: Actor, input: { endpointId: string }) {
  const endpoint = await loadEndpoint(ctx.db, actor.organizationId, input.endpointId);
  const deliveries = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpoint.id),
        eq(webhookDeliveries.organizationId, actor.organizationId),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(100);
  return { endpoint, deliveries };
}

/** Sends a `webhook.test` event to one endpoint, through the same queue, signature and retries as any event. */
export async function sendWebhookTest(ctx: AppContext, actor: Actor, input: { endpointId: string }) {
  const delivery = await ctx.db.transaction(async (tx) => {
    const endpoint = await loadEndpoint(tx, actor.organizationId, input.endpointId);
    return queueDelivery(tx, actor.organizationId, endpoint.id, {
      id: `evt_${randomUUID().replaceAll('-', '')}`,
      type: TEST_EVENT,
      createdAt: new Date().toISOString(),
      organizationId: actor.organizationId,
      data: { message: 'A test event from Debrief', sentBy: actor.name },
    });
  });
  ctx.jobs.poke();
  return delivery;
}
