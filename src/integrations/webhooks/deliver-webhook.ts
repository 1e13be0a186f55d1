import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../app/context';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema';
import { backoffMs, type JobDefinition, PermanentJobError } from '../../jobs/runner';
import { errorMessage } from '../../lib/logger';
import { checkEndpointUrl } from './endpoint-url';
import { WEBHOOK_JOB_KIND, WEBHOOK_MAX_ATTEMPTS } from './events';
import { SIGNATURE_HEADER, signWebhook } from './signature';

type Payload = { deliveryId: string };

/** How long an endpoint has to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Whether this Debrief may call private and loopback addresses (refused in production unless the setting allows). */
export const allowPrivateWebhooks = (ctx: AppContext) =>
  ctx.config.WEBHOOK_ALLOW_PRIVATE_URLS ?? ctx.config.NODE_ENV !== 'production';

/**
 * Sends one delivery: the event as JSON, signed with the endpoint's secret (`Debrief-Signature: t=<unix>,v1=<hex>`).
 * A 2xx answer delivers it, once and for all: a delivered delivery is never sent again. Anything else (another status,
 * a timeout, a refused connection) is recorded on the delivery and retried with exponential back-off.
 */
export function webhookDeliveryJob(getCtx: () => AppContext): JobDefinition<Payload> {
  return {
    kind: WEBHOOK_JOB_KIND,
    maxAttempts: WEBHOOK_MAX_ATTEMPTS,
    async handle({ deliveryId }, job) {
      const ctx = getCtx();
      const [row] = await ctx.db
        .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(eq(webhookDeliveries.id, deliveryId));
      if (!row || row.delivery.status === 'delivered') return;
      if (row.endpoint.disabledAt) throw new PermanentJobError('the endpoint was removed');
      const { delivery, endpoint } = row;
      const body = JSON.stringify(delivery.payload);
      const timestamp = Math.floor(Date.now() / 1000);
      let code: number | null = null;
      let failure: string | null = null;
      try {
        await checkEndpointUrl(endpoint.url, { allowPrivate: allowPrivateWebhooks(ctx) });
        const secret = ctx.secrets.open(endpoint.secretSealed, `webhook:${endpoint.id}`);
        const res = await fetch(endpoint.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Debrief-Webhooks/1',
            [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
            'Debrief-Event': String(delivery.event),
            'Debrief-Delivery': delivery.id,
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
        code = res.status;
        await res.body?.cancel().catch(() => {});
        if (res.status < 200 || res.status >= 300) failure = `The endpoint answered ${res.status}`;
      } catch (e) {
        failure =
          e instanceof Error && e.name === 'TimeoutError'
            ? `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} seconds`
            : errorMessage(e);
      }
      const last = job.attempt >= job.maxAttempts;
      await ctx.db
        .update(webhookDeliveries)
        .set({
          attempts: sql`${webhookDeliveries.attempts} + 1`,
          lastStatusCode: code,
          lastError: failure,
          lastAttemptAt: new Date(),
          ...(failure
            ? {
                status: last ? 'failed' : 'retrying',
                nextAttemptAt: last
                  ? null
                  : new Date(Date.now() + backoffMs(job.attempt, ctx.config.JOB_RETRY_BASE_MS)),
              }
            : { status: 'delivered', deliveredAt: new Date(), nextAttemptAt: null }),
        })
        .where(eq(webhookDeliveries.id, deliveryId));
      if (failure) throw new Error(failure);
    },
    async onFailed({ deliveryId }, err, { db }) {
      await db
        .update(webhookDeliveries)
        .set({ status: 'failed', nextAttemptAt: null, lastError: err.message.slice(0, 500) })
        .where(eq(webhookDeliveries.id, deliveryId));
    },
  };
}
