import type { CsvImport, ImportPreview } from '../../integrations/csv-import/preview-import';

/** An import without its file. */
export function presentImport(i: CsvImport) {
  return {
    id: i.id,
    fileName: i.fileName,
    status: i.status,
    totalRows: i.totalRows,
    doneRows: i.doneRows,
    flaggedRows: i.flaggedRows,
    summary: i.summary,
    lastError: i.lastError,
    createdAt: i.createdAt.toISOString(),
    confirmedAt: i.confirmedAt?.toISOString() ?? null,
    finishedAt: i.finishedAt?.toISOString() ?? null,
  };
}

export function presentPreview(p: ImportPreview) {
  return { ...p, import: presentImport(p.import) };
}
