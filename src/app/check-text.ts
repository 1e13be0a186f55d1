import { check, type Finding } from '../checker';
import type { Jurisdiction } from '../db/schema';
import { AppError } from '../lib/errors';

/** Runs the checker on text written about or to a candidate, under the organization's jurisdictions. */
export function checkFeedbackText(text: string, jurisdictions: Jurisdiction[]): Finding[] {
  return check(text, { mode: 'feedback', jurisdictions });
}

export const blocking = <F extends { severity: string }>(findings: F[]): F[] =>
  findings.filter((f) => f.severity === 'block');

/**
 * Text a hiring team writes once and Debrief shows candidates many times (a job's criteria, a rejection reason's
 * sentence) is checked like a draft: a blocking finding refuses it (409) with the findings, each naming its field.
 */
export function refuseRiskyText(fields: [field: string, text: string][], jurisdictions: Jurisdiction[]) {
  const findings = fields.flatMap(([field, text]) =>
    blocking(checkFeedbackText(text, jurisdictions)).map((f) => ({ ...f, field })),
  );
  if (findings.length)
    throw new AppError(
      409,
      'blocking-findings',
      `${findings.map((f) => `${f.field}: “${f.text}”`).join('; ')} would put the organization at legal risk; describe the work instead`,
      { findings },
    );
}
