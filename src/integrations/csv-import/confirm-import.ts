import { eq } from 'drizzle-orm';
import { recordAudit } from '../../app/audit';
import type { Actor, AppContext } from '../../app/context';
import { csvImports } from '../../db/schema';
import { enqueue } from '../../jobs/runner';
import { AppError, conflict } from '../../lib/errors';
import { analyseImport } from './analyse';
import { loadImport } from './preview-import';

/**
 * An admin confirms a previewed import: it is checked again (the organization may have changed since), and then the
 * import and its background job commit together. A file with any row error is refused (409); evidence with a blocking
 * checker finding needs a reason (422), as a scorecard submitted anyway does, and is imported flagged.
 */
export async function confirmImport(
  ctx: AppContext,
  actor: Actor,
  input: { importId: string; flagReason?: string | null },
) {
  const row = await ctx.db.transaction(async (tx) => {
    const row = await loadImport(tx, actor.organizationId, input.importId, { lock: true });
    if (row.status !== 'preview')
      throw conflict(
        'import-started',
        `This import is already ${row.status === 'discarded' ? 'discarded' : 'confirmed'}`,
      );
    const analysis = await analyseImport(tx, actor.organizationId, row.content);
    if (analysis.errors.length)
      throw conflict(
        'import-has-errors',
        `${analysis.errors.length} error${analysis.errors.length === 1 ? '' : 's'} in the file; correct ${analysis.errors.length === 1 ? 'it' : 'them'} and upload it again`,
        { errors: analysis.errors.slice(0, 50) },
      );
    if (!analysis.totalRows) throw conflict('import-empty', 'The file has no rows to import');
    const reason = input.flagReason?.trim() || null;
    const flagged = new Set(analysis.warnings.map((w) => w.row)).size;
    if (flagged && !reason)
      throw new AppError(
        422,
        'blocking-findings',
        `Evidence in ${flagged} row${flagged === 1 ? '' : 's'} would put the organization at legal risk. Correct it in the file, or import anyway with a reason: flagged evidence is kept out of feedback and statistics.`,
        { warnings: analysis.warnings.slice(0, 50) },
      );
    const [updated] = await tx
      .update(csvImports)
      .set({
        status: 'running',
        confirmedBy: actor.userId,
        confirmedAt: new Date(),
        flagReason: flagged ? reason : null,
        flaggedRows: flagged,
      })
      .where(eq(csvImports.id, row.id))
      .returning();
    await enqueue(tx, ctx.jobs.csvImport, { importId: row.id }, { dedupeKey: `csv-import:${row.id}` });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'import.confirmed',
      subjectType: 'csv-import',
      subjectId: row.id,
      data: {
        fileName: row.fileName,
        rows: analysis.totalRows,
        flaggedRows: flagged,
        ...(flagged ? { reason } : {}),
      },
    });
    return updated;
  });
  ctx.jobs.poke();
  return row;
}

/** Drops a previewed import that was never confirmed; the stored file goes with it. */
export async function discardImport(ctx: AppContext, actor: Actor, input: { importId: string }) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadImport(tx, actor.organizationId, input.importId, { lock: true });
    if (row.status !== 'preview')
      throw conflict('import-started', 'Only an import not yet confirmed can be discarded');
    const [updated] = await tx
      .update(csvImports)
      .set({ status: 'discarded', content: '', finishedAt: new Date() })
      .where(eq(csvImports.id, row.id))
      .returning();
    return updated;
  });
}
