// The request coach: for an application the candidate was rejected from, whether and when to ask for feedback, whom
// to ask and how, a draft email that passes the checker in request mode, a call sheet and the follow-ups.
// Pure and deterministic: no I/O, no clock (now is passed in), no randomness; browser-safe. Dates are calendar days
// in UTC, written YYYY-MM-DD.
//
// Timing (docs/domain.md#timing-and-delivery). Ask once the decision is final or the role is known to be filled; a rejection the candidate
// received counts as final unless decisionFinal is false. Leave a day to cool off: earliest = max(rejection + 1 day,
// today). While the decision is open, ask.ready is false and the advice says to wait.
//
// Likelihood (docs/domain.md#asking-for-feedback: a substantive reason, several rounds, good rapport). Points: interview rounds beyond the
// screen 1 -> 2, 2 -> 3, 3 or more -> 4; best rapport 4-5 -> +2, 1-2 -> -2; a substantive reason (one that names
// something to improve) +2, a reason about "fit" or personality -2; a third-party recruiter +1. High from 7, medium
// from 2, else low. A rejection after screens only (or none) is always low, with honest expectations.
//
// Contact (docs/domain.md#asking-for-feedback). A third-party recruiter if there was one; else the interviewer of the round with the
// best rapport (ties: the latest round, then the first interviewer listed with a way to reach them); else the
// hiring team. Channel: a call for a recruiter, or for an interviewer you have a phone number for and
// got on well with (rapport 4-5); otherwise email.
//
// Draft (docs/domain.md#asking-for-feedback). Brief (under 120 words); the first two sentences thank them and accept the decision; one
// ask for one or two pointers, framed as improving; continued interest; the candidate's name. It is checked with the
// request checker, and names or titles the checker would flag (a first name like "Sue") are left out rather than
// sending the candidate a draft with findings.

import { callSheet, chooseChannel, chooseContact, followUps } from './coach/contact';
import { draftFor } from './coach/draft';
import { score } from './coach/likelihood';
import { advice, DAY_MS, dayOf, decisionIsFinal, isoDay } from './coach/timing';
import type { CoachApplication, RequestPlan } from './coach/types';
import { clean } from './coach/words';

export { MAX_DRAFT_WORDS, wordCount } from './coach/draft';
export { isScreenStage, LIKELIHOOD_THRESHOLDS, reasonKind, SCREEN_STAGE } from './coach/likelihood';
export type {
  CoachApplication,
  CoachInterviewer,
  CoachRecruiter,
  CoachRound,
  Likelihood,
  ReasonKind,
  RequestPlan,
} from './coach/types';

/** The coach's plan for asking for feedback after a rejection. Deterministic: the same input and now give the same plan. */
export function planFeedbackRequest(given: CoachApplication, now: Date): RequestPlan {
  const app = asKnown(given);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const rejected = dayOf(app.rejectedAt);
  const earliestMs = Math.max(rejected === null ? today : rejected + DAY_MS, today);
  const earliest = isoDay(earliestMs);
  const ready = decisionIsFinal(app);
  const scored = score(app);
  const chosen = chooseContact(app);
  const channel = chooseChannel(chosen);
  return {
    ask: {
      advice: advice(app, ready, earliest, isoDay(today), scored),
      earliest,
      likelihood: scored.likelihood,
      reasons: scored.reasons,
      ready,
      score: scored.score,
      screenOnly: scored.screenOnly,
      reasonKind: scored.kind,
    },
    contact: chosen.contact,
    channel,
    inHand: inHandOf(app),
    draft: draftFor(app, chosen, channel, scored),
    callSheet: callSheet(app, chosen.contact),
    followUps: followUps(app, chosen.contact),
  };
}

/**
 * The application as the coach reads it: the stage reached through Debrief counts as a round when none is logged (a
 * final-round rejection is not "turned down on your application alone"), and an address that reaches no one at the
 * employer (Debrief's own) is never a contact's.
 */
function asKnown(app: CoachApplication): CoachApplication {
  const unreachable = (app.unreachable ?? []).map((a) => clean(a).toLowerCase()).filter(Boolean);
  const reaches = (email: string): boolean => {
    const e = clean(email).toLowerCase();
    return !unreachable.some((u) => (u.startsWith('@') ? e.endsWith(u) : e === u));
  };
  const strip = <T extends { email?: string }>(p: T): T => {
    if (p.email === undefined || reaches(p.email)) return p;
    const { email: _, ...rest } = p;
    return rest as T;
  };
  const rounds = app.rounds.map((r) => ({ ...r, interviewers: r.interviewers.map(strip) }));
  const stage = clean(app.feedbackInHand?.stage);
  if (!rounds.length && stage) rounds.push({ stage, date: clean(app.rejectedAt), interviewers: [] });
  return { ...app, recruiter: app.recruiter ? strip(app.recruiter) : app.recruiter, rounds };
}

/** With feedback already in hand, the next step is on its page: a thank-you and one question, not a new request. */
function inHandOf(app: CoachApplication): RequestPlan['inHand'] {
  if (!app.feedbackInHand) return null;
  const from = clean(app.company) || 'The team';
  return {
    link: app.feedbackInHand.link,
    text:
      `${from} already sent you written feedback. Read it first; if it helped, say thank you on its page, and if ` +
      'one point is unclear, ask your one question there: the team reads both, and a new request would ask for what ' +
      'you already have.',
  };
}
