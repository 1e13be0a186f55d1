import { check, type Finding } from '../checker';
import type { Jurisdiction } from '../db/schema';

/** Runs the checker on text written about or to a candidate, under the organization's jurisdictions. */
export function checkFeedbackText(text: string, jurisdictions: Jurisdiction[]): Finding[] {
  return check(text, { mode: 'feedback', jurisdictions });
}

export const blocking = <F extends { severity: string }>(findings: F[]): F[] =>
  findings.filter((f) => f.severity === 'block');
