import type { auditEvents } from '../../db/schema';

export function presentAuditEvent(e: typeof auditEvents.$inferSelect) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: { type: e.actorType, id: e.actorId, name: e.actorName },
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    applicationId: e.applicationId,
    data: e.data,
  };
}

export const AUDIT_CSV_COLUMNS = [
  'at',
  'actor_type',
  'actor_id',
  'actor_name',
  'action',
  'subject_type',
  'subject_id',
  'application_id',
  'data',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. A field that a
 * spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with a
 * single quote, so opening the export never runs anything a candidate or member typed.
 */
export function csvField(value: string | null | undefined): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function auditCsvLine(e: typeof auditEvents.$inferSelect): string {
  const fields = [
    e.at.toISOString(),
    e.actorType,
    e.actorId,
    e.actorName,
    e.action,
    e.subjectType,
    e.subjectId,
    e.applicationId,
    JSON.stringify(e.data),
  ];
  return `${fields.map(csvField).join(',')}\r\n`;
}
