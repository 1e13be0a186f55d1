import { randomBytes } from 'node:crypto';
import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../app/audit';
import type { Actor, AppContext } from '../app/context';
import type { Executor } from '../db/client';
import {
  type AtsProvider,
  applications,
  atsConnections,
  atsEvents,
  atsWriteBacks,
  candidates,
  rejectionReasons,
} from '../db/schema';
import { reasonKey } from '../domain/ats-mapping';
import { DEFAULT_REJECTION_REASONS } from '../domain/rejection-reasons';
import { enqueue } from '../jobs/runner';
import { AppError, conflict, notFound } from '../lib/errors';
import { ADAPTERS, adapterFor } from './adapters';
import { AtsRefusedError, AtsUnavailableError } from './ats-http';

export type AtsConnection = typeof atsConnections.$inferSelect;

/** Where a connection's secrets are sealed: the context ties each sealed value to its row. */
export const sealContext = (connectionId: string) => `ats:${connectionId}`;

const newWebhookSecret = () => randomBytes(32).toString('base64url');

/** The address the ATS posts its events to. */
export function webhookUrl(ctx: AppContext, c: { id: string; provider: AtsProvider }) {
  return `${ctx.config.publicUrl.replace(/\/+$/, '')}/api/v1/integrations/${c.provider}/${c.id}/webhook`;
}

export async function loadConnection(tx: Executor, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(atsConnections)
    .where(and(eq(atsConnections.id, id), eq(atsConnections.organizationId, organizationId)));
  if (!row) throw notFound('Integration');
  return row;
}

/**
 * What an admin sees of a connection: never the API key; the webhook secret Debrief made, to paste into the ATS, or
 * only the last characters of one the ATS issued (the admin pasted it here and has it there).
 */
export function describeConnection(ctx: AppContext, c: AtsConnection) {
  const secret = ctx.secrets.open(c.webhookSecretSealed, sealContext(c.id));
  const from = secretFrom(c.provider);
  return {
    connection: c,
    webhookUrl: webhookUrl(ctx, c),
    webhookSecretFrom: from,
    webhookSecret: from !== 'provider' ? secret : secret ? `…${secret.slice(-4)}` : '',
    apiKeyHint: `…${ctx.secrets.open(c.apiKeySealed, sealContext(c.id)).slice(-4)}`,
  };
}

const secretFrom = (provider: AtsProvider) => ADAPTERS[provider]?.webhookSecretFrom ?? 'debrief';

/** The note user an admin gave, in the shape the ATS's ids have; a 400 otherwise. */
function checkNoteUser(provider: AtsProvider, noteUserId: string | null | undefined) {
  const rule = ADAPTERS[provider]?.noteUser;
  const id = noteUserId?.trim();
  if (id && rule && !rule.pattern.test(id))
    throw new AppError(400, 'invalid-request', `body.noteUserId: must be ${rule.describe}`);
}

/** The webhook secret a connection starts with: the one the ATS issued (or none yet), else a fresh one. */
function firstWebhookSecret(provider: AtsProvider, given: string | undefined) {
  const adapter = adapterFor(provider);
  const secret = given?.trim();
  // Until the admin gives the ATS's token (it is issued once the webhook points at this connection's URL), every
  // delivery is refused as unsigned.
  if (secretFrom(provider) === 'provider') return secret ?? '';
  if (secret)
    throw new AppError(
      400,
      'invalid-request',
      `body.webhookSecret: Debrief makes the webhook secret for ${adapter.label}; paste Debrief's into ${adapter.label}`,
    );
  return newWebhookSecret();
}

export async function listConnections(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db
    .select()
    .from(atsConnections)
    .where(eq(atsConnections.organizationId, actor.organizationId))
    .orderBy(atsConnections.createdAt);
  return rows.map((c) => describeConnection(ctx, c));
}

export async function getConnection(ctx: AppContext, actor: Actor, input: { connectionId: string }) {
  return describeConnection(ctx, await loadConnection(ctx.db, actor.organizationId, input.connectionId));
}

/** Connects the organization's ATS: the API key sealed, a fresh webhook secret to paste into the ATS. */
export async function createConnection(
  ctx: AppContext,
  actor: Actor,
  input: { provider: AtsProvider; apiKey: string; noteUserId?: string | null; webhookSecret?: string },
) {
  if (!ADAPTERS[input.provider])
    throw new AppError(400, 'unsupported-provider', `Debrief cannot connect to ${input.provider} yet`);
  checkNoteUser(input.provider, input.noteUserId);
  const webhookSecret = firstWebhookSecret(input.provider, input.webhookSecret);
  const row = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: atsConnections.id })
      .from(atsConnections)
      .where(
        and(
          eq(atsConnections.organizationId, actor.organizationId),
          eq(atsConnections.provider, input.provider),
        ),
      );
    if (existing)
      throw conflict(
        'already-connected',
        `Your organization is already connected to ${adapterFor(input.provider).label}`,
        {
          connectionId: existing.id,
        },
      );
    const id = crypto.randomUUID();
    const [created] = await tx
      .insert(atsConnections)
      .values({
        id,
        organizationId: actor.organizationId,
        provider: input.provider,
        apiKeySealed: ctx.secrets.seal(input.apiKey.trim(), sealContext(id)),
        webhookSecretSealed: ctx.secrets.seal(webhookSecret, sealContext(id)),
        noteUserId: input.noteUserId?.trim() || null,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'integration.connected',
      subjectType: 'integration',
      subjectId: id,
      data: { provider: input.provider },
    });
    return created;
  });
  return describeConnection(ctx, row);
}

export interface UpdateConnectionInput {
  connectionId: string;
  apiKey?: string;
  noteUserId?: string | null;
  /** The ATS reason (its name) → a Debrief reason code; replaces the mapping. */
  reasonMap?: Record<string, string>;
  rotateWebhookSecret?: boolean;
  /** A new signature token issued by the ATS (for an ATS that issues it). */
  webhookSecret?: string;
}

/**
 * Changes a connection: a new API key, the ATS user notes are written as, the reason mapping (events waiting for a
 * reason that now maps are imported again), or a new webhook secret.
 */
export async function updateConnection(ctx: AppContext, actor: Actor, input: UpdateConnectionInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const current = await loadConnection(tx, actor.organizationId, input.connectionId);
    const changes: Partial<typeof atsConnections.$inferInsert> = { updatedAt: new Date() };
    const label = adapterFor(current.provider).label;
    if (input.noteUserId !== undefined) checkNoteUser(current.provider, input.noteUserId);
    if (input.rotateWebhookSecret && secretFrom(current.provider) === 'provider')
      throw new AppError(
        400,
        'invalid-request',
        `body.rotateWebhookSecret: ${label} issues the signature token; regenerate it in ${label} and give it as webhookSecret`,
      );
    if (input.webhookSecret !== undefined) {
      if (secretFrom(current.provider) !== 'provider')
        throw new AppError(
          400,
          'invalid-request',
          `body.webhookSecret: Debrief makes the webhook secret for ${label}; use rotateWebhookSecret`,
        );
      if (!input.webhookSecret.trim())
        throw new AppError(400, 'invalid-request', 'body.webhookSecret: must not be empty');
      changes.webhookSecretSealed = ctx.secrets.seal(input.webhookSecret.trim(), sealContext(current.id));
    }
    if (input.apiKey !== undefined)
      changes.apiKeySealed = ctx.secrets.seal(input.apiKey.trim(), sealContext(current.id));
    if (input.noteUserId !== undefined) changes.noteUserId = input.noteUserId?.trim() || null;
    if (input.rotateWebhookSecret)
      changes.webhookSecretSealed = ctx.secrets.seal(newWebhookSecret(), sealContext(current.id));
    let requeued = 0;
    if (input.reasonMap) {
      const known = await knownReasonCodes(tx, actor.organizationId);
      const map: Record<string, string> = {};
      for (const [name, code] of Object.entries(input.reasonMap)) {
        if (!known.has(code))
          throw new AppError(
            400,
            'invalid-request',
            `body.reasonMap.${name}: "${code}" is not one of your rejection reasons`,
          );
        map[reasonKey(name)] = code;
      }
      changes.reasonMap = map;
      // The review queue: events held for a reason that now maps are imported again.
      const waiting = await tx
        .select({ id: atsEvents.id, reason: atsEvents.unmappedReason })
        .from(atsEvents)
        .where(and(eq(atsEvents.connectionId, current.id), eq(atsEvents.status, 'needs-reason')));
      const ready = waiting.filter((w) => w.reason && map[reasonKey(w.reason)]);
      if (ready.length) {
        await tx
          .update(atsEvents)
          .set({ status: 'queued', error: null })
          .where(
            inArray(
              atsEvents.id,
              ready.map((r) => r.id),
            ),
          );
        for (const r of ready)
          await enqueue(
            tx,
            ctx.jobs.atsImport,
            { eventId: r.id },
            { dedupeKey: `ats-event:${r.id}:${Date.now()}` },
          );
        requeued = ready.length;
      }
    }
    const [updated] = await tx
      .update(atsConnections)
      .set(changes)
      .where(eq(atsConnections.id, current.id))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'integration.updated',
      subjectType: 'integration',
      subjectId: current.id,
      data: {
        apiKey: input.apiKey !== undefined ? 'replaced' : undefined,
        noteUserId: input.noteUserId,
        reasonMap: input.reasonMap ? changes.reasonMap : undefined,
        webhookSecret: input.rotateWebhookSecret
          ? 'rotated'
          : input.webhookSecret !== undefined
            ? 'replaced'
            : undefined,
        requeued,
      },
    });
    return updated;
  });
  ctx.jobs.poke();
  return describeConnection(ctx, row);
}

export async function deleteConnection(ctx: AppContext, actor: Actor, input: { connectionId: string }) {
  await ctx.db.transaction(async (tx) => {
    const current = await loadConnection(tx, actor.organizationId, input.connectionId);
    await tx.delete(atsConnections).where(eq(atsConnections.id, current.id));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'integration.disconnected',
      subjectType: 'integration',
      subjectId: current.id,
      data: { provider: current.provider },
    });
  });
}

/** Asks the ATS for one page of jobs with the stored key: whether the key works and has the permission. */
export async function testConnection(ctx: AppContext, actor: Actor, input: { connectionId: string }) {
  const c = await loadConnection(ctx.db, actor.organizationId, input.connectionId);
  const adapter = adapterFor(c.provider);
  let ok = true;
  let message = `${adapter.label} accepted the API key`;
  try {
    await adapter.ping(ctx, ctx.secrets.open(c.apiKeySealed, sealContext(c.id)));
  } catch (e) {
    if (!(e instanceof AtsRefusedError || e instanceof AtsUnavailableError)) throw e;
    ok = false;
    message = e.message;
  }
  await ctx.db
    .update(atsConnections)
    .set({
      lastTestedAt: new Date(),
      lastTestOk: ok,
      ...(ok ? {} : { lastError: message, lastErrorAt: new Date() }),
    })
    .where(eq(atsConnections.id, c.id));
  return { ok, message };
}

/** The status page: the last event, the last error, what waits to be retried, the reasons waiting for a mapping. */
export async function getConnectionStatus(ctx: AppContext, actor: Actor, input: { connectionId: string }) {
  const c = await loadConnection(ctx.db, actor.organizationId, input.connectionId);
  const [counts] = await ctx.db
    .select({
      retrying: sql<number>`count(*) filter (where ${atsEvents.status} in ('queued', 'retrying'))::int`,
      review: sql<number>`count(*) filter (where ${atsEvents.status} = 'needs-reason')::int`,
    })
    .from(atsEvents)
    .where(eq(atsEvents.connectionId, c.id));
  const [notes] = await ctx.db
    .select({
      retrying: sql<number>`count(*) filter (where ${atsWriteBacks.status} in ('queued', 'retrying'))::int`,
    })
    .from(atsWriteBacks)
    .where(eq(atsWriteBacks.connectionId, c.id));
  // Each event with the name of the candidate it became, when it was imported (a backfilled event carries none).
  const events = () =>
    ctx.db
      .select({ ...getTableColumns(atsEvents), importedName: candidates.name })
      .from(atsEvents)
      .leftJoin(applications, eq(applications.id, atsEvents.applicationId))
      .leftJoin(candidates, eq(candidates.id, applications.candidateId));
  const reviewQueue = await events()
    .where(and(eq(atsEvents.connectionId, c.id), eq(atsEvents.status, 'needs-reason')))
    .orderBy(desc(atsEvents.receivedAt))
    .limit(100);
  const recentEvents = await events()
    .where(eq(atsEvents.connectionId, c.id))
    .orderBy(desc(atsEvents.receivedAt))
    .limit(20);
  const writeBacks = await ctx.db
    .select()
    .from(atsWriteBacks)
    .where(eq(atsWriteBacks.connectionId, c.id))
    .orderBy(desc(atsWriteBacks.createdAt))
    .limit(20);
  return {
    connection: c,
    eventsWaiting: counts?.retrying ?? 0,
    notesWaiting: notes?.retrying ?? 0,
    reviewCount: counts?.review ?? 0,
    reviewQueue,
    recentEvents,
    writeBacks,
    reasonCodes: [...(await knownReasonCodes(ctx.db, actor.organizationId))],
  };
}

/** The organization's rejection reason codes: the defaults and its own. */
export async function knownReasonCodes(tx: Executor, organizationId: string): Promise<Set<string>> {
  const own = await tx
    .select({ code: rejectionReasons.code })
    .from(rejectionReasons)
    .where(eq(rejectionReasons.organizationId, organizationId));
  return new Set([...DEFAULT_REJECTION_REASONS.map((r) => r.code), ...own.map((r) => r.code)]);
}
