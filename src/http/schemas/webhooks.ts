import { z } from '@hono/zod-openapi';
import { WEBHOOK_EVENTS } from '../../db/schema';

export const WebhookEventName = z.enum(WEBHOOK_EVENTS).openapi('WebhookEventName');

export const CreateWebhookBody = z
  .object({
    url: z.string().trim().min(1).max(2000).openapi({ example: 'https://ats.example.com/hooks/debrief' }),
    events: z.array(WebhookEventName).min(1),
    description: z.string().trim().max(200).nullish(),
  })
  .openapi('CreateWebhookEndpoint');

export const WebhookEndpoint = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(WebhookEventName),
    description: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('WebhookEndpoint');

export const CreatedWebhookEndpoint = z
  .object({
    endpoint: WebhookEndpoint,
    secret: z.string().openapi({ description: 'The signing secret; shown once' }),
  })
  .openapi('CreatedWebhookEndpoint');

export const WebhookDelivery = z
  .object({
    id: z.uuid(),
    eventId: z.string(),
    event: z.string(),
    status: z.enum(['queued', 'retrying', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastAttemptAt: z.iso.datetime().nullable(),
    nextAttemptAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('WebhookDelivery');

export const WebhookEndpointList = z
  .object({ items: z.array(WebhookEndpoint) })
  .openapi('WebhookEndpointList');
export const WebhookDeliveryLog = z
  .object({ endpoint: WebhookEndpoint, deliveries: z.array(WebhookDelivery) })
  .openapi('WebhookDeliveryLog');
