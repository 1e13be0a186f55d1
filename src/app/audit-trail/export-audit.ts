import { and } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { type AuditFilters, afterEvent, auditConditions, checkFilters, inOrder } from './filters';

/** Rows read per query while exporting: the export never holds more than this many events in memory. */
export const EXPORT_BATCH = 1000;

/**
 * Exports the organization's audit trail with the same filters as the search, oldest first. The export itself is
 * recorded (`audit.exported`, with its format and filters) before the first event is read, so an export that is
 * interrupted is still on the record. Returns the events as batches read one after the other (by event number), for
 * the caller to stream: 100,000 events never sit in memory at once.
 */
export async function exportAudit(
  ctx: AppContext,
  actor: Actor,
  input: AuditFilters & { format: 'csv' | 'json' },
) {
  const { format, ...filters } = input;
  await checkFilters(ctx, actor, filters);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'audit.exported',
      subjectType: 'organization',
      subjectId: actor.organizationId,
      data: { format, filters: describeFilters(filters) },
    }),
  );
  const where = auditConditions(actor.organizationId, filters);
  async function* batches() {
    let after: number | undefined;
    for (;;) {
      const rows = await ctx.db
        .select()
        .from(auditEvents)
        .where(and(where, afterEvent('asc', after)))
        .orderBy(inOrder('asc'))
        .limit(EXPORT_BATCH);
      if (rows.length) yield rows;
      if (rows.length < EXPORT_BATCH) return;
      after = rows[rows.length - 1]!.id;
    }
  }
  return batches();
}

/** The filters as the audit trail keeps them: only those given, times as ISO strings. */
function describeFilters(f: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.actorId) out.actorId = f.actorId;
  if (f.action) out.action = f.action;
  if (f.from) out.from = f.from.toISOString();
  if (f.before) out.before = f.before.toISOString();
  if (f.applicationId) out.applicationId = f.applicationId;
  return out;
}
