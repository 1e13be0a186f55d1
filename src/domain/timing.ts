/** Adds working days (Monday to Friday) to a moment, keeping its time of day. */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d;
}

/** A calendar day (YYYY-MM-DD) n days later (earlier when n is negative), counted at noon UTC so no clock change moves it. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** How many calendar days `to` is after `from` (negative when before), both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/**
 * Where a candidate's request for feedback stands against its due date, in working days (Monday to Friday) as the
 * hiring team counts them, a day begun counting as a day: `overdue` once the moment has passed, `due-soon` with
 * one working day or less left.
 */
export function answerDeadline(
  now: Date,
  due: Date,
): { state: 'overdue' | 'due-soon' | 'on-time'; workingDaysLeft: number } {
  if (due.getTime() <= now.getTime()) return { state: 'overdue', workingDaysLeft: 0 };
  let left = 1;
  while (addWorkingDays(now, left).getTime() < due.getTime()) left++;
  return { state: left <= 1 ? 'due-soon' : 'on-time', workingDaysLeft: left };
}
