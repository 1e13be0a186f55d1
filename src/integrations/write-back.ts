import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../app/context';
import type { Executor } from '../db/client';
import { atsConnections, atsLinks, atsWriteBacks, feedback } from '../db/schema';
import { enqueue, type JobDefinition, PermanentJobError } from '../jobs/runner';
import { AppError } from '../lib/errors';
import { errorMessage } from '../lib/logger';
import { adapterFor } from './adapters';
import { AtsRefusedError } from './ats-http';
import { sealContext } from './connections';

/** Enqueued by kind alone (the handler is wired in boot.ts with the context it needs). */
export const WRITE_BACK_KIND = 'ats.write-back';
const writeBackKind: JobDefinition<{ writeBackId: string }> = {
  kind: WRITE_BACK_KIND,
  maxAttempts: 10,
  handle: async () => {},
};

/**
 * Called where a feedback is marked sent, in that transaction: when the application came from a connected ATS, a note
 * is queued to be written to the candidate's activity there.
 */
export async function queueAtsWriteBack(
  tx: Executor,
  row: { id: string; organizationId: string; applicationId: string },
): Promise<void> {
  const [origin] = await tx
    .select({ connectionId: atsLinks.connectionId })
    .from(atsLinks)
    .where(
      and(
        eq(atsLinks.kind, 'application'),
        eq(atsLinks.localId, row.applicationId),
        eq(atsLinks.organizationId, row.organizationId),
      ),
    );
  if (!origin) return;
  const [created] = await tx
    .insert(atsWriteBacks)
    .values({
      organizationId: row.organizationId,
      connectionId: origin.connectionId,
      feedbackId: row.id,
      applicationId: row.applicationId,
    })
    .onConflictDoNothing()
    .returning({ id: atsWriteBacks.id });
  if (created)
    await enqueue(tx, writeBackKind, { writeBackId: created.id }, { dedupeKey: `ats-note:${created.id}` });
}

/** The note's text: what the candidate was sent, and where the application's audit timeline is. */
export function noteText(ctx: AppContext, f: { body: string; sentAt: Date | null; applicationId: string }) {
  const when = (f.sentAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  const link = `${ctx.config.publicUrl.replace(/\/+$/, '')}/applications/${f.applicationId}`;
  return `Feedback sent to the candidate through Debrief on ${when} UTC:\n\n${f.body}\n\nAudit timeline: ${link}`;
}

/** Writes the note to the ATS; a failure is retried with backoff and shows on the status page. */
export function atsWriteBackJob(getCtx: () => AppContext): JobDefinition<{ writeBackId: string }> {
  return {
    ...writeBackKind,
    async handle({ writeBackId }, job) {
      const ctx = getCtx();
      const [wb] = await ctx.db.select().from(atsWriteBacks).where(eq(atsWriteBacks.id, writeBackId));
      if (!wb || wb.status === 'written' || wb.status === 'failed') return;
      const [connection] = await ctx.db
        .select()
        .from(atsConnections)
        .where(eq(atsConnections.id, wb.connectionId));
      if (!connection) return;
      const mark = (set: Partial<typeof atsWriteBacks.$inferInsert>) =>
        ctx.db
          .update(atsWriteBacks)
          .set({ attempts: sql`${atsWriteBacks.attempts} + 1`, ...set })
          .where(eq(atsWriteBacks.id, wb.id));
      try {
        const [appLink] = await ctx.db
          .select()
          .from(atsLinks)
          .where(
            and(
              eq(atsLinks.connectionId, connection.id),
              eq(atsLinks.kind, 'application'),
              eq(atsLinks.localId, wb.applicationId),
            ),
          );
        const [sent] = await ctx.db.select().from(feedback).where(eq(feedback.id, wb.feedbackId));
        const adapter = adapterFor(connection.provider);
        if (!appLink || !sent)
          throw new PermanentJobError(`The application is no longer linked to ${adapter.label}`);
        const note = await adapter.writeNote(ctx, {
          apiKey: ctx.secrets.open(connection.apiKeySealed, sealContext(connection.id)),
          noteUserId: connection.noteUserId,
          applicationExternalId: appLink.externalId,
          candidateExternalId: appLink.externalParentId,
          text: noteText(ctx, sent),
        });
        await mark({
          status: 'written',
          writtenAt: new Date(),
          lastError: null,
          externalNoteId: note.id,
        });
        await ctx.db
          .update(atsConnections)
          .set({ notesWritten: sql`${atsConnections.notesWritten} + 1` })
          .where(eq(atsConnections.id, connection.id));
      } catch (e) {
        const message = errorMessage(e);
        const permanent =
          e instanceof PermanentJobError ||
          e instanceof AppError ||
          (e instanceof AtsRefusedError && e.status !== 429);
        const last = permanent || job.attempt >= job.maxAttempts;
        await mark({ status: last ? 'failed' : 'retrying', lastError: message });
        await ctx.db
          .update(atsConnections)
          .set({ lastError: `Writing a note back: ${message}`, lastErrorAt: new Date() })
          .where(eq(atsConnections.id, connection.id));
        if (permanent && !(e instanceof PermanentJobError))
          throw new PermanentJobError(message, { cause: e });
        throw e;
      }
    },
  };
}
