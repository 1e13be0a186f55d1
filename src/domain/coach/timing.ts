// Timing (docs/domain.md#timing-and-delivery): whether the decision is final, the earliest day to ask, and the
// advice on when to ask and what to expect. Dates are calendar days in UTC, written YYYY-MM-DD. Pure: now is passed in.

import type { Scored } from './likelihood';
import type { CoachApplication } from './types';
import { clean, longDay } from './words';

export const DAY_MS = 86_400_000;

/** The UTC calendar day of an ISO date or timestamp, in ms; null when it is not a date. */
export function dayOf(iso: string | null | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(clean(iso));
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : t;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Whether to ask now. A role the candidate knows is still open waits, whatever the rejection said: until someone is
 * hired the team can say little, and a request can read as lobbying.
 */
export function decisionIsFinal(app: CoachApplication): boolean {
  if (app.roleFilled === false) return false;
  if (app.roleFilled === true || app.decisionFinal === true) return true;
  if (app.decisionFinal === false) return false;
  return dayOf(app.rejectedAt) !== null;
}

export function advice(
  app: CoachApplication,
  ready: boolean,
  earliest: string,
  today: string,
  s: Scored,
): string {
  const parts: string[] = [];
  if (!ready && app.roleFilled === false) {
    parts.push(
      'Wait: you noted that the role is not filled yet. Until they have hired someone the team can say little about ' +
        'why it was not you, and a request can read as lobbying. Ask once you know the role is filled, after a day ' +
        'or two to cool off.',
    );
  } else if (!ready) {
    parts.push(
      'Wait until the decision is final or you know the role has been filled: until then they can say little, and ' +
        `a request can read as lobbying. Then leave a day or two to cool off before you ask (${longDay(earliest)} at the earliest).`,
    );
  } else if (earliest > today) {
    parts.push(`Give it a day or two to cool off: ask on or after ${longDay(earliest)}.`);
  } else {
    parts.push('The decision is final and you have had time to cool off: you can ask now.');
  }
  if (s.screenOnly) {
    parts.push(
      "A rejection after a screen alone rarely brings detailed feedback: ask briefly, and don't expect more than a " +
        'line, or any reply at all. Anything you get is a bonus.',
    );
  } else if (s.likelihood === 'low') {
    parts.push(
      "Feedback is a favour, and here it's unlikely: ask briefly anyway, since you have nothing to lose, but don't count on a reply.",
    );
  } else if (s.likelihood === 'medium') {
    parts.push('There is a fair chance of a useful answer if you keep the request brief and humble.');
  } else {
    parts.push('Good odds of a useful answer: keep it brief and humble, and make it easy to say yes.');
  }
  if (s.kind === 'personality') {
    parts.push(
      '"Fit" and personality are what employers can\'t discuss candidly: ask for one or two things you could do better instead.',
    );
  }
  if (s.kind === 'beyond-control') {
    parts.push(
      'The reason was outside your control: ask what would make you a stronger candidate for a future role.',
    );
  }
  return parts.join(' ');
}
