import { z } from '@hono/zod-openapi';

const RowError = z
  .object({
    row: z.number().int().openapi({ description: 'The line in the file; the header is row 1' }),
    column: z.string(),
    message: z.string(),
  })
  .openapi('ImportRowError');

export const UploadImportBody = z
  .object({
    fileName: z.string().trim().min(1).max(200).openapi({ example: 'export.csv' }),
    content: z.string().min(1).openapi({ description: 'The CSV file as text (UTF-8), at most 16 MiB' }),
  })
  .openapi('UploadImport');

export const ConfirmImportBody = z
  .object({
    flagReason: z.string().trim().max(500).nullish().openapi({
      description:
        'Why evidence with a blocking checker finding is imported anyway (required when the preview has warnings); such ratings are stored flagged',
    }),
  })
  .openapi('ConfirmImport');

export const CsvImport = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    status: z.enum(['preview', 'running', 'done', 'failed', 'discarded']),
    totalRows: z.number().int(),
    doneRows: z
      .number()
      .int()
      .openapi({ description: 'Rows committed so far: the progress of a running import' }),
    flaggedRows: z.number().int(),
    summary: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      scorecards: z.number().int(),
      flaggedRatings: z.number().int(),
      jobsCreated: z.number().int(),
      skipped: z.array(RowError),
    }),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    confirmedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi('CsvImport');

export const ImportPreview = z
  .object({
    import: CsvImport,
    errorCount: z.number().int(),
    errors: z
      .array(RowError)
      .openapi({ description: 'Row errors (the first 500): nothing is imported while any remain' }),
    warnings: z
      .array(RowError)
      .openapi({ description: 'Evidence with a blocking checker finding: imported flagged, with a reason' }),
    newJobs: z.array(z.object({ title: z.string(), criteria: z.array(z.string()) })),
    rows: z.array(
      z.object({
        row: z.number().int(),
        job: z.string(),
        jobIsNew: z.boolean(),
        candidate: z.object({ name: z.string(), email: z.string() }),
        stage: z.string(),
        action: z.enum(['create', 'update']),
        scorecard: z
          .object({
            interviewerEmail: z.string(),
            interviewerName: z.string().nullable(),
            stage: z.string(),
            recommendation: z.string(),
            ratings: z.array(
              z.object({
                criterion: z.string(),
                rating: z.number().int(),
                evidence: z.string(),
                flagged: z.boolean(),
              }),
            ),
          })
          .nullable(),
      }),
    ),
  })
  .openapi('ImportPreview');

export const ImportDetail = z
  .object({ import: CsvImport, preview: ImportPreview.nullable() })
  .openapi('ImportDetail');
export const ImportList = z.object({ items: z.array(CsvImport) }).openapi('ImportList');
