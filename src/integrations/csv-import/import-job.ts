import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../app/audit';
import { type AppContext, actorOf } from '../../app/context';
import type { Executor } from '../../db/client';
import {
  type ApplicationStage,
  applications,
  type CsvImportSummary,
  criteria,
  csvImports,
  jobs,
  scorecardRatings,
  scorecards,
  users,
} from '../../db/schema';
import type { JobDefinition } from '../../jobs/runner';
import { type Analysis, analyseImport, type CheckedRow } from './analyse';

type Payload = { importId: string };

/** Rows committed together with the import's progress. */
export const IMPORT_BATCH_ROWS = 500;

/**
 * The runner's side of an import: it checks the file again and imports it in batches of rows, each batch and the
 * count of rows done in one transaction. After a restart (or a retry) it carries on after the last committed row.
 * `stopAfterBatches` ends a run early, as a stopped process would.
 */
export async function runImport(ctx: AppContext, importId: string, opts: { stopAfterBatches?: number } = {}) {
  const [imp] = await ctx.db.select().from(csvImports).where(eq(csvImports.id, importId));
  if (imp?.status !== 'running') return;
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(eq(users.id, imp.confirmedBy ?? '00000000-0000-0000-0000-000000000000'));
  if (!user) throw new Error('the person who confirmed this import no longer exists');
  const analysis = await analyseImport(ctx.db, imp.organizationId, imp.content);
  const errorsByRow = new Map<number, Analysis['errors']>();
  for (const e of analysis.errors) errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e]);
  let batches = 0;
  for (let start = imp.doneRows; start < imp.totalRows; start += IMPORT_BATCH_ROWS) {
    if (opts.stopAfterBatches !== undefined && batches++ >= opts.stopAfterBatches) return;
    const end = Math.min(imp.totalRows, start + IMPORT_BATCH_ROWS);
    // Data row i is line i + 2 of the file (the header is line 1).
    const rows = analysis.rows.filter((r) => r.row - 2 >= start && r.row - 2 < end);
    const skipped = [...errorsByRow]
      .filter(([row]) => row - 2 >= start && row - 2 < end)
      .flatMap(([, errs]) => errs);
    const committed = await ctx.db.transaction(async (tx) => {
      const [locked] = await tx.select().from(csvImports).where(eq(csvImports.id, importId)).for('update');
      if (locked.status !== 'running' || locked.doneRows !== start) return false;
      const counts = await importRows(tx, imp.organizationId, user.id, imp.flagReason, rows, analysis);
      const s = locked.summary;
      await tx
        .update(csvImports)
        .set({
          doneRows: end,
          summary: {
            created: s.created + counts.created,
            updated: s.updated + counts.updated,
            scorecards: s.scorecards + counts.scorecards,
            flaggedRatings: s.flaggedRatings + counts.flaggedRatings,
            jobsCreated: s.jobsCreated + counts.jobsCreated,
            skipped: [...s.skipped, ...skipped, ...counts.skipped].slice(0, 500),
          },
        })
        .where(eq(csvImports.id, importId));
      return true;
    });
    if (!committed) return;
  }
  await ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(csvImports)
      .set({ status: 'done', finishedAt: new Date(), content: '' })
      .where(and(eq(csvImports.id, importId), eq(csvImports.status, 'running')))
      .returning();
    if (!done) return;
    await recordAudit(tx, {
      organizationId: imp.organizationId,
      actor: actorOf(user),
      action: 'import.completed',
      subjectType: 'csv-import',
      subjectId: importId,
      data: { fileName: imp.fileName, rows: imp.totalRows, ...summaryCounts(done.summary) },
    });
  });
}

const summaryCounts = (s: CsvImportSummary) => ({
  created: s.created,
  updated: s.updated,
  scorecards: s.scorecards,
  flaggedRatings: s.flaggedRatings,
  jobsCreated: s.jobsCreated,
  skipped: s.skipped.length,
});

export function csvImportJob(getCtx: () => AppContext): JobDefinition<Payload> {
  return {
    kind: 'csv-import',
    maxAttempts: 5,
    async handle({ importId }) {
      await runImport(getCtx(), importId);
    },
    async onFailed({ importId }, err, { db }) {
      await db
        .update(csvImports)
        .set({ status: 'failed', finishedAt: new Date(), lastError: err.message.slice(0, 500) })
        .where(eq(csvImports.id, importId));
    },
  };
}

const rowsOf = (res: unknown) => (res as { rows: Record<string, unknown>[] }).rows;

/** Writes one batch: jobs the file creates, candidates, applications (created or updated) and scorecards. */
async function importRows(
  tx: Executor,
  organizationId: string,
  confirmedBy: string,
  flagReason: string | null,
  rows: CheckedRow[],
  analysis: Analysis,
) {
  const counts = {
    created: 0,
    updated: 0,
    scorecards: 0,
    flaggedRatings: 0,
    jobsCreated: 0,
    skipped: [] as Analysis['errors'],
  };
  if (!rows.length) return counts;
  const [confirmer] = await tx.select().from(users).where(eq(users.id, confirmedBy));
  const actor = actorOf(confirmer);

  // Jobs: an existing one by id; one the file creates is made by the first batch that needs it.
  const jobIdOf = new Map<string, string>();
  for (const key of new Set(rows.map((r) => r.jobKey))) {
    if (!key.startsWith('new:')) {
      jobIdOf.set(key, key);
      continue;
    }
    const planned = analysis.newJobs.get(key)!;
    const [open] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          eq(jobs.organizationId, organizationId),
          eq(jobs.status, 'open'),
          sql`lower(trim(${jobs.title})) = ${key.slice(4)}`,
        ),
      );
    if (open) {
      jobIdOf.set(key, open.id);
      continue;
    }
    const [job] = await tx.insert(jobs).values({ organizationId, title: planned.title }).returning();
    if (planned.criteria.length)
      await tx
        .insert(criteria)
        .values(
          planned.criteria.map((name, position) => ({ organizationId, jobId: job.id, name, position })),
        );
    await recordAudit(tx, {
      organizationId,
      actor,
      action: 'job.created',
      subjectType: 'job',
      subjectId: job.id,
      data: { title: job.title, criteria: planned.criteria, via: 'csv-import' },
    });
    counts.jobsCreated++;
    jobIdOf.set(key, job.id);
  }
  const jobIds = [...new Set(jobIdOf.values())];
  const criterionIds = new Map<string, string>();
  for (const c of await tx
    .select({ id: criteria.id, jobId: criteria.jobId, name: criteria.name })
    .from(criteria)
    .where(inArray(criteria.jobId, jobIds)))
    criterionIds.set(`${c.jobId}|${c.name.trim().toLowerCase()}`, c.id);

  // Candidates, one per address in the organization: the latest row's name wins.
  const byEmail = new Map<string, { name: string; email: string }>();
  for (const r of rows) {
    const k = r.candidate.email.toLowerCase();
    byEmail.set(k, { name: r.candidate.name, email: byEmail.get(k)?.email ?? r.candidate.email });
  }
  const candidateRows = rowsOf(
    await tx.execute(sql`
      insert into candidates (organization_id, name, email)
      values ${sql.join(
        [...byEmail.values()].map((c) => sql`(${organizationId}, ${c.name}, ${c.email})`),
        sql`, `,
      )}
      on conflict (organization_id, lower(email)) do update set name = excluded.name
      returning id, email`),
  );
  const candidateId = new Map(candidateRows.map((c) => [String(c.email).toLowerCase(), String(c.id)]));

  // Applications: the same candidate and job again updates the one application (never a second one).
  const existing = await tx
    .select({
      id: applications.id,
      jobId: applications.jobId,
      candidateId: applications.candidateId,
      stage: applications.stage,
    })
    .from(applications)
    .where(
      and(
        eq(applications.organizationId, organizationId),
        inArray(applications.jobId, jobIds),
        inArray(applications.candidateId, [...candidateId.values()]),
      ),
    );
  const appByKey = new Map(existing.map((a) => [`${a.jobId}|${a.candidateId}`, a]));
  const keyOf = (r: CheckedRow) =>
    `${jobIdOf.get(r.jobKey)}|${candidateId.get(r.candidate.email.toLowerCase())}`;
  const latest = new Map<string, CheckedRow>();
  for (const r of rows) latest.set(keyOf(r), r);
  // A second row for the same candidate and job in this batch updates the application the first one made.
  counts.updated += rows.length - latest.size;
  const toCreate: {
    id: string;
    organizationId: string;
    jobId: string;
    candidateId: string;
    stage: ApplicationStage;
  }[] = [];
  const moves = new Map<ApplicationStage, string[]>();
  const usable = new Map<string, string>();
  for (const [key, r] of latest) {
    const found = appByKey.get(key);
    if (!found) {
      const id = randomUUID();
      const [jobId, cand] = key.split('|');
      toCreate.push({ id, organizationId, jobId, candidateId: cand, stage: r.stage });
      usable.set(key, id);
      counts.created++;
    } else if (found.stage === 'rejected') {
      counts.skipped.push({
        row: r.row,
        column: 'stage',
        message: `${r.candidate.email} was already rejected for "${r.job}" in Debrief; the application was left as it is`,
      });
    } else {
      if (found.stage !== r.stage) moves.set(r.stage, [...(moves.get(r.stage) ?? []), found.id]);
      usable.set(key, found.id);
      counts.updated++;
    }
  }
  if (toCreate.length) await tx.insert(applications).values(toCreate);
  for (const [stage, ids] of moves)
    await tx.update(applications).set({ stage }).where(inArray(applications.id, ids));

  // Scorecards: one per application, interviewer and stage; importing it again replaces it.
  const cards = new Map<string, { applicationId: string; row: CheckedRow }>();
  for (const r of rows) {
    const applicationId = usable.get(keyOf(r));
    if (!r.scorecard || !applicationId) continue;
    cards.set(`${applicationId}|${r.scorecard.interviewerEmail.toLowerCase()}|${r.scorecard.stage}`, {
      applicationId,
      row: r,
    });
  }
  if (cards.size) {
    await tx.execute(sql`
      delete from scorecards where organization_id = ${organizationId}
        and (application_id, lower(interviewer_email), stage) in (${sql.join(
          [...cards.values()].map(
            (c) =>
              sql`(${c.applicationId}::uuid, ${c.row.scorecard!.interviewerEmail.toLowerCase()}, ${c.row.scorecard!.stage})`,
          ),
          sql`, `,
        )})`);
    const now = new Date();
    const cardRows: (typeof scorecards.$inferInsert)[] = [];
    const ratingRows: (typeof scorecardRatings.$inferInsert)[] = [];
    for (const { applicationId, row } of cards.values()) {
      const sc = row.scorecard!;
      const id = randomUUID();
      cardRows.push({
        id,
        organizationId,
        applicationId,
        stage: sc.stage,
        interviewerId: sc.interviewerId,
        interviewerName: sc.interviewerName ?? sc.interviewerEmail,
        interviewerEmail: sc.interviewerEmail,
        recommendation: sc.recommendation,
        notes: sc.notes,
        submittedBy: confirmedBy,
      });
      const jobId = jobIdOf.get(row.jobKey)!;
      for (const r of sc.ratings) {
        const criterionId = criterionIds.get(`${jobId}|${r.criterion.trim().toLowerCase()}`);
        if (!criterionId) continue;
        if (r.flagged) counts.flaggedRatings++;
        ratingRows.push({
          organizationId,
          scorecardId: id,
          criterionId,
          rating: r.rating,
          evidence: r.evidence,
          ...(r.flagged
            ? {
                flaggedRules: r.flagged,
                flagReason: flagReason ?? 'Imported',
                flaggedBy: confirmedBy,
                flaggedAt: now,
              }
            : {}),
        });
      }
    }
    await tx.insert(scorecards).values(cardRows);
    for (let i = 0; i < ratingRows.length; i += 1000)
      await tx.insert(scorecardRatings).values(ratingRows.slice(i, i + 1000));
    counts.scorecards += cardRows.length;
  }
  return counts;
}
