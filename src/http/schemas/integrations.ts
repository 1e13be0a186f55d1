import { z } from '@hono/zod-openapi';

/** The providers Debrief connects to (each has an adapter in src/integrations/adapters.ts). */
const Provider = z.enum(['greenhouse', 'lever', 'ashby']);
const ApiKey = z.string().trim().min(8).max(500).openapi({
  description: "The ATS's API key (Greenhouse: a Harvest key; Lever: a Data API key; Ashby: an API key)",
});
const NoteUserId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'an ATS user id (Greenhouse: digits; Lever: a UUID)')
  .nullable()
  .openapi({
    description:
      "The ATS user notes are written back as: Greenhouse's On-Behalf-Of user id (required to write notes), Lever's perform_as user id (optional); Ashby writes as the key's user and takes none",
  });
const WebhookSecret = z.string().trim().min(8).max(2000).openapi({
  description:
    "For an ATS that issues the webhook's secret (Lever: each webhook's signature token; several may be given, separated by spaces or new lines)",
});

export const Integration = z
  .object({
    id: z.uuid(),
    provider: Provider,
    webhookUrl: z.url().openapi({ description: 'Paste into the ATS as the webhook endpoint' }),
    webhookSecretFrom: z.enum(['debrief', 'provider']).openapi({
      description:
        '`debrief`: Debrief made the webhook secret, paste it into the ATS; `provider`: the ATS issued it and the admin gave it to Debrief',
    }),
    webhookSecret: z.string().openapi({
      description:
        'The webhook secret to paste into the ATS; for a secret the ATS issued, only its last characters (empty until given)',
    }),
    apiKeyHint: z.string().openapi({ description: 'The last characters of the API key' }),
    noteUserId: z.string().nullable(),
    reasonMap: z.record(z.string(), z.string()),
    createdAt: z.iso.datetime(),
    lastEventAt: z.iso.datetime().nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: z.iso.datetime().nullable(),
    lastTestedAt: z.iso.datetime().nullable(),
    lastTestOk: z.boolean().nullable(),
    counts: z.object({
      received: z.number().int(),
      imported: z.number().int(),
      failed: z.number().int(),
      notesWritten: z.number().int(),
    }),
  })
  .openapi('Integration');

export const CreateIntegrationBody = z
  .object({
    provider: Provider,
    apiKey: ApiKey,
    noteUserId: NoteUserId.optional(),
    webhookSecret: WebhookSecret.optional(),
  })
  .openapi('CreateIntegration');

export const UpdateIntegrationBody = z
  .object({
    apiKey: ApiKey.optional(),
    noteUserId: NoteUserId.optional(),
    reasonMap: z.record(z.string().trim().min(1).max(200), z.string().min(1).max(60)).optional().openapi({
      description: "The ATS's rejection reason (by name) → a Debrief reason code; replaces the mapping",
    }),
    rotateWebhookSecret: z.boolean().optional(),
    webhookSecret: WebhookSecret.optional(),
  })
  .openapi('UpdateIntegration');

export const IntegrationTest = z.object({ ok: z.boolean(), message: z.string() }).openapi('IntegrationTest');

const AtsEvent = z
  .object({
    id: z.uuid(),
    action: z.string(),
    status: z.enum(['queued', 'retrying', 'imported', 'ignored', 'superseded', 'needs-reason', 'failed']),
    occurredAt: z.iso.datetime(),
    receivedAt: z.iso.datetime(),
    processedAt: z.iso.datetime().nullable(),
    attempts: z.number().int(),
    error: z.string().nullable(),
    unmappedReason: z.string().nullable(),
    applicationId: z.uuid().nullable(),
    candidateName: z.string().nullable(),
  })
  .openapi('AtsEvent');

const WriteBack = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    status: z.enum(['queued', 'retrying', 'written', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    writtenAt: z.iso.datetime().nullable(),
  })
  .openapi('AtsWriteBack');

export const IntegrationStatus = z
  .object({
    integration: Integration,
    waitingToRetry: z.object({ events: z.number().int(), notes: z.number().int() }),
    reviewQueue: z
      .array(AtsEvent)
      .openapi({ description: 'Rejections whose reason maps onto none of yours' }),
    recentEvents: z.array(AtsEvent),
    writeBacks: z.array(WriteBack),
    reasonCodes: z.array(z.string()),
  })
  .openapi('IntegrationStatus');

export const WebhookParams = z.object({
  provider: Provider.openapi({ param: { name: 'provider', in: 'path' } }),
  connectionId: z
    .string()
    .max(64)
    .openapi({ param: { name: 'connectionId', in: 'path' } }),
});

export const WebhookAnswer = z
  .object({ status: z.enum(['queued', 'ignored', 'duplicate', 'ping']) })
  .openapi('WebhookAnswer');
