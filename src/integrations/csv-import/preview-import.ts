import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../app/audit';
import type { Actor, AppContext } from '../../app/context';
import type { Executor } from '../../db/client';
import { applications, candidates, csvImports } from '../../db/schema';
import { AppError, notFound } from '../../lib/errors';
import { type Analysis, analyseImport } from './analyse';
import { MAX_IMPORT_BYTES } from './rows';

/** How many rows the preview shows as they will be imported, and how many errors it lists. */
export const PREVIEW_ROWS = 20;
export const LISTED_ERRORS = 500;

export type CsvImport = typeof csvImports.$inferSelect;

export interface ImportPreview {
  import: CsvImport;
  errorCount: number;
  errors: Analysis['errors'];
  warnings: Analysis['warnings'];
  newJobs: { title: string; criteria: string[] }[];
  rows: {
    row: number;
    job: string;
    jobIsNew: boolean;
    candidate: { name: string; email: string };
    stage: string;
    action: 'create' | 'update';
    scorecard: {
      interviewerEmail: string;
      interviewerName: string | null;
      stage: string;
      recommendation: string;
      ratings: { criterion: string; rating: number; evidence: string; flagged: boolean }[];
    } | null;
  }[];
}

/**
 * Takes a CSV file from another ATS and checks it, writing nothing but the file itself: the preview lists the first
 * rows as they will be imported and every row error (row, column, message). Nothing is imported until an admin
 * confirms (`confirmImport`).
 */
export async function previewImport(
  ctx: AppContext,
  actor: Actor,
  input: { fileName: string; content: string },
): Promise<ImportPreview> {
  if (Buffer.byteLength(input.content) > MAX_IMPORT_BYTES)
    throw new AppError(
      413,
      'payload-too-large',
      'The file is larger than 16 MiB; split it into several imports',
    );
  return ctx.db.transaction(async (tx) => {
    const analysis = await analyseImport(tx, actor.organizationId, input.content);
    const [row] = await tx
      .insert(csvImports)
      .values({
        organizationId: actor.organizationId,
        fileName: input.fileName,
        content: input.content,
        totalRows: analysis.totalRows,
        errors: analysis.errors.slice(0, LISTED_ERRORS),
        flaggedRows: new Set(analysis.warnings.map((w) => w.row)).size,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'import.uploaded',
      subjectType: 'csv-import',
      subjectId: row.id,
      data: { fileName: input.fileName, rows: analysis.totalRows, errors: analysis.errors.length },
    });
    return presentAnalysis(tx, row, analysis);
  });
}

/** An import of the actor's organization: its preview while it waits for confirmation, then its progress. */
export async function getImport(ctx: AppContext, actor: Actor, input: { importId: string }) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadImport(tx, actor.organizationId, input.importId);
    if (row.status !== 'preview') return { import: row, preview: null };
    const analysis = await analyseImport(tx, actor.organizationId, row.content);
    return { import: row, preview: await presentAnalysis(tx, row, analysis) };
  });
}

/** The organization's latest imports, newest first. */
export async function listImports(ctx: AppContext, actor: Actor) {
  return ctx.db
    .select()
    .from(csvImports)
    .where(eq(csvImports.organizationId, actor.organizationId))
    .orderBy(desc(csvImports.createdAt))
    .limit(20);
}

export async function loadImport(
  tx: Executor,
  organizationId: string,
  id: string,
  opts: { lock?: boolean } = {},
) {
  const q = tx
    .select()
    .from(csvImports)
    .where(and(eq(csvImports.id, id), eq(csvImports.organizationId, organizationId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound('Import');
  return row;
}

async function presentAnalysis(tx: Executor, row: CsvImport, a: Analysis): Promise<ImportPreview> {
  const first = a.rows.slice(0, PREVIEW_ROWS);
  const rows: ImportPreview['rows'] = [];
  for (const r of first) {
    const isNew = r.jobKey.startsWith('new:');
    let action: 'create' | 'update' = 'create';
    if (!isNew) {
      const [existing] = await tx
        .select({ id: applications.id })
        .from(applications)
        .innerJoin(candidates, eq(candidates.id, applications.candidateId))
        .where(
          and(
            eq(applications.organizationId, row.organizationId),
            eq(applications.jobId, r.jobKey),
            sql`lower(${candidates.email}) = lower(${r.candidate.email})`,
          ),
        );
      if (existing) action = 'update';
    }
    if (a.rows.some((o) => o.row < r.row && o.jobKey === r.jobKey && sameEmail(o, r))) action = 'update';
    rows.push({
      row: r.row,
      job: r.job,
      jobIsNew: isNew,
      candidate: r.candidate,
      stage: r.stage,
      action,
      scorecard: r.scorecard && {
        interviewerEmail: r.scorecard.interviewerEmail,
        interviewerName: r.scorecard.interviewerName,
        stage: r.scorecard.stage,
        recommendation: r.scorecard.recommendation,
        ratings: r.scorecard.ratings.map((x) => ({
          criterion: x.criterion,
          rating: x.rating,
          evidence: x.evidence,
          flagged: !!x.flagged,
        })),
      },
    });
  }
  return {
    import: row,
    errorCount: a.errors.length,
    errors: a.errors.slice(0, LISTED_ERRORS),
    warnings: a.warnings.slice(0, LISTED_ERRORS),
    newJobs: [...a.newJobs.values()],
    rows,
  };
}

const sameEmail = (a: { candidate: { email: string } }, b: { candidate: { email: string } }) =>
  a.candidate.email.toLowerCase() === b.candidate.email.toLowerCase();
