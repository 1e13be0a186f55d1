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

import { check } from '../checker';
import { themesOf } from './themes';

export interface CoachInterviewer {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}
export interface CoachRound {
  stage: string;
  /** YYYY-MM-DD */
  date: string;
  interviewers: CoachInterviewer[];
  rapport?: 1 | 2 | 3 | 4 | 5 | null;
  notes?: string | null;
}
export interface CoachRecruiter {
  name: string;
  email?: string;
  phone?: string;
  agency?: string;
}
export interface CoachApplication {
  company: string;
  role: string;
  candidateName: string;
  /** e.g. 'referral', 'job board', 'recruiter' */
  source?: string | null;
  /** A third-party recruiter, if any. */
  recruiter?: CoachRecruiter | null;
  /** ISO date of the rejection. */
  rejectedAt?: string | null;
  /** Known that someone else was hired / the role is filled. */
  roleFilled?: boolean | null;
  decisionFinal?: boolean | null;
  /** What the employer said, if anything. */
  reason?: string | null;
  rounds: CoachRound[];
}
export type Likelihood = 'low' | 'medium' | 'high';
export type ReasonKind = 'none' | 'substantive' | 'beyond-control' | 'personality' | 'generic';
export interface RequestPlan {
  ask: {
    advice: string;
    /** YYYY-MM-DD */
    earliest: string;
    likelihood: Likelihood;
    reasons: string[];
    /** False while the decision is not final and the role not known to be filled: wait. */
    ready: boolean;
    /** The score behind the likelihood (see the header). */
    score: number;
    screenOnly: boolean;
    reasonKind: ReasonKind;
  };
  contact: {
    name: string;
    why: string;
    kind: 'interviewer' | 'recruiter' | 'hiring-team';
    email?: string;
    phone?: string;
  } | null;
  channel: { kind: 'call' | 'email'; why: string };
  draft: { subject: string; body: string };
  callSheet: string[];
  followUps: { kind: 'thank-you' | 'connection-request'; when: string; text: string }[];
}

const DAY_MS = 86_400_000;

/** A stage that is a screen, not an interview round: CV, application, phone or recruiter screen. */
export const SCREEN_STAGE =
  /\b(?:screen(?:ing)?|phone|cv|r[ée]sum[ée]|application|recruiter (?:call|chat)|intro(?:ductory)? (?:call|chat)|initial (?:call|chat|conversation))\b/i;

/** A reason about "fit" or personality: what employers can't say candidly (docs/domain.md#personality-and-vague-verdicts). */
const PERSONALITY_REASON =
  /\b(?:culture(?:al)? (?:fit|add)|(?:not|wasn't|isn't) (?:a|the right) (?:fit|match)|fit (?:with|for|into) the team|team fit|personality|attitude|vibe|chemistry|gut feel(?:ing)?|(?:didn't|did not) click|abrasive|arrogant|combative|condescending)\b/i;

export const LIKELIHOOD_THRESHOLDS = { high: 7, medium: 2 } as const;

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function firstName(name: string): string {
  return clean(name).split(' ')[0] ?? '';
}

/** The UTC calendar day of an ISO date or timestamp, in ms; null when it is not a date. */
function dayOf(iso: string | null | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(clean(iso));
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : t;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
function inWords(n: number): string {
  return NUMBER_WORDS[n] ?? 'several';
}

export function isScreenStage(stage: string): boolean {
  return SCREEN_STAGE.test(stage);
}

/** What kind of reason the employer gave. */
export function reasonKind(reason: string | null | undefined): ReasonKind {
  const r = clean(reason);
  if (!r) return 'none';
  if (PERSONALITY_REASON.test(r)) return 'personality';
  const themes = themesOf(r).map((m) => m.theme);
  if (themes.some((t) => t !== 'beyond-my-control')) return 'substantive';
  if (themes.length) return 'beyond-control';
  return 'generic';
}

function decisionIsFinal(app: CoachApplication): boolean {
  if (app.roleFilled === true || app.decisionFinal === true) return true;
  if (app.decisionFinal === false) return false;
  return dayOf(app.rejectedAt) !== null;
}

function bestRapport(rounds: CoachRound[]): number | null {
  let best: number | null = null;
  for (const r of rounds) if (r.rapport != null && (best === null || r.rapport > best)) best = r.rapport;
  return best;
}

interface Scored {
  likelihood: Likelihood;
  score: number;
  reasons: string[];
  screenOnly: boolean;
  kind: ReasonKind;
}

function score(app: CoachApplication): Scored {
  const reasons: string[] = [];
  const interviews = app.rounds.filter((r) => !isScreenStage(r.stage)).length;
  const screenOnly = interviews === 0;
  let points = 0;
  if (screenOnly) {
    reasons.push(
      app.rounds.length
        ? 'You were turned down after a screen only: employers rarely give detailed feedback at this stage.'
        : 'You were turned down on your application alone: employers rarely give detailed feedback at this stage.',
    );
  } else {
    points += interviews >= 3 ? 4 : interviews + 1;
    reasons.push(
      interviews === 1
        ? 'You had one interview beyond the screen: they know you well enough to offer a pointer.'
        : `You invested ${inWords(interviews)} interview rounds: the more they know you, the more useful their feedback can be.`,
    );
  }
  const rapport = bestRapport(app.rounds);
  if (rapport !== null && rapport >= 4) {
    points += 2;
    reasons.push(
      `Your best rapport with an interviewer was ${rapport} out of 5: people help those they got on with.`,
    );
  } else if (rapport !== null && rapport <= 2) {
    points -= 2;
    reasons.push(
      `Your best rapport was ${rapport} out of 5: when you and the interviewers didn't connect, replies are rarer.`,
    );
  }
  const kind = reasonKind(app.reason);
  if (kind === 'substantive') {
    points += 2;
    reasons.push('The reason they gave is substantive: there is something concrete to talk about.');
  } else if (kind === 'personality') {
    points -= 2;
    reasons.push('The reason was about "fit" or personality, which employers rarely discuss candidly.');
  } else if (kind === 'beyond-control') {
    reasons.push(
      'The reason was outside your control, so there may be little to improve on; asking still keeps the door open.',
    );
  } else if (kind === 'generic') {
    reasons.push('The reason they gave is generic; a brief, humble request is the way to learn more.');
  }
  if (app.recruiter && clean(app.recruiter.name)) {
    points += 1;
    reasons.push(
      "A third-party recruiter usually hears the employer's view and, if you ask, will pass it on.",
    );
  }
  const likelihood: Likelihood = screenOnly
    ? 'low'
    : points >= LIKELIHOOD_THRESHOLDS.high
      ? 'high'
      : points >= LIKELIHOOD_THRESHOLDS.medium
        ? 'medium'
        : 'low';
  return { likelihood, score: points, reasons, screenOnly, kind };
}

type Contact = NonNullable<RequestPlan['contact']>;

interface Chosen {
  contact: Contact;
  /** The rapport of the contact's round, if an interviewer. */
  rapport: number | null;
}

function chooseContact(app: CoachApplication): Chosen {
  const recruiter = app.recruiter;
  if (recruiter && clean(recruiter.name)) {
    const name = clean(recruiter.name);
    const agency = clean(recruiter.agency);
    return {
      contact: {
        name,
        kind: 'recruiter',
        why:
          `${name}${agency ? ` (${agency})` : ''} is your recruiter: recruiters hear the employer's feedback and, with ` +
          'your interest in mind, will usually be honest with you if you ask and show you are receptive.',
        ...(recruiter.email ? { email: recruiter.email } : {}),
        ...(recruiter.phone ? { phone: recruiter.phone } : {}),
      },
      rapport: null,
    };
  }
  const ranked = app.rounds
    .map((round, index) => ({ round, index, day: dayOf(round.date) ?? 0 }))
    .filter((r) => r.round.interviewers.some((i) => clean(i.name)))
    .sort((a, b) => (b.round.rapport ?? 0) - (a.round.rapport ?? 0) || b.day - a.day || b.index - a.index);
  const top = ranked[0];
  if (top) {
    const named = top.round.interviewers.filter((i) => clean(i.name));
    const person = named.find((i) => clean(i.phone) || clean(i.email)) ?? named[0]!;
    const name = clean(person.name);
    const rapport = top.round.rapport ?? null;
    const stage = clean(top.round.stage) || 'interview';
    const title = clean(person.role);
    const who = `${name}${title ? ` (${title})` : ''}`;
    const why =
      rapport === null
        ? `You didn't record how well you got on with anyone, so ask ${who}, from your most recent round (${stage}).`
        : rapport >= 4
          ? `You got on best with ${who} in the ${stage} round (rapport ${rapport} out of 5): ask the person you got along with best.`
          : `${who} from the ${stage} round is the interviewer you got on best with (rapport ${rapport} out of 5).`;
    return {
      contact: {
        name,
        kind: 'interviewer',
        why,
        ...(clean(person.email) ? { email: clean(person.email) } : {}),
        ...(clean(person.phone) ? { phone: clean(person.phone) } : {}),
      },
      rapport,
    };
  }
  const company = clean(app.company);
  return {
    contact: {
      name: company ? `the ${company} hiring team` : 'the hiring team',
      kind: 'hiring-team',
      why: 'You have no interviewer or recruiter on record, so write to the hiring team (the address the rejection came from).',
    },
    rapport: null,
  };
}

function chooseChannel(chosen: Chosen): RequestPlan['channel'] {
  const { contact, rapport } = chosen;
  if (contact.kind === 'recruiter') {
    return {
      kind: 'call',
      why: "Call your recruiter: they will often say more on the phone than in writing. Send the email if you can't reach them.",
    };
  }
  if (contact.kind === 'interviewer' && contact.phone && rapport !== null && rapport >= 4) {
    return {
      kind: 'call',
      why: "You have their number and you got on well: a short call is personal and easy to say yes to. If they don't pick up, send the email.",
    };
  }
  if (contact.kind === 'interviewer' && !contact.phone) {
    return {
      kind: 'email',
      why: 'You have no phone number for them, so email: it lets them reply in their own time.',
    };
  }
  return {
    kind: 'email',
    why: 'Email: without a strong rapport a call can feel like pressure, and a written request lets them reply in their own time.',
  };
}

interface DraftParts {
  greeting: string;
  company: string;
  role: string;
  signName: string;
}

function composeDraft(
  app: CoachApplication,
  chosen: Chosen,
  channel: RequestPlan['channel'],
  scored: Scored,
  p: DraftParts,
): { subject: string; body: string } {
  const theRole = p.role ? `the ${p.role} role` : 'the role';
  const roleAt = p.company ? `${theRole} at ${p.company}` : theRole;
  const rounds = app.rounds.length;
  const kind = chosen.contact.kind;
  let opening: string;
  let accept: string;
  let ask: string;
  let interest: string;
  let subject: string;
  if (kind === 'recruiter') {
    opening = `Thank you for putting me forward for ${roleAt}, and for letting me know the outcome.`;
    accept = 'I accept their decision, and I am grateful for the chance to interview.';
    ask =
      `If ${p.company || 'they'} shared any feedback, would you be willing to pass on one or two honest pointers? ` +
      'I would like to become a better interviewer, and I am glad to hear whatever they said.';
    interest = 'Please keep me in mind for other roles that would suit me.';
    subject = `Thank you for putting me forward for ${theRole}`;
  } else {
    if (scored.screenOnly) {
      opening = rounds
        ? `Thank you for taking the time to speak with me about ${roleAt}, and for letting me know the outcome.`
        : `Thank you for considering my application for ${roleAt}, and for letting me know the outcome.`;
    } else if (rounds > 1) {
      opening = `Thank you for your time across ${inWords(rounds)} rounds of interviews for ${roleAt}, and for letting me know the outcome.`;
    } else {
      opening = `Thank you for your time during the interview for ${roleAt}, and for letting me know the outcome.`;
    }
    const met = kind === 'interviewer' && rounds ? 'meet you and the team' : 'learn about the team';
    accept = `I respect your decision, and I am glad I had the chance to ${met}.`;
    const improve =
      scored.kind === 'beyond-control'
        ? `on what would make me a stronger candidate for a future role${p.company ? ` at ${p.company}` : ''}`
        : scored.screenOnly
          ? 'on how I could make my application stronger for a role like this'
          : 'on how I could improve in future interviews';
    ask =
      channel.kind === 'call'
        ? `Would you have ten minutes for a short call in the coming weeks, so I could ask for one or two pointers ${improve}?`
        : scored.screenOnly
          ? `If you have a moment, would you be willing to share one or two pointers ${improve}?`
          : `Would you be willing to share one or two pointers ${improve}?`;
    interest = p.company
      ? `I enjoyed learning about ${p.company}, and I would be glad to apply again if another suitable role comes up.`
      : 'I would be glad to stay in touch and to apply again if another suitable role comes up.';
    subject = scored.screenOnly
      ? `Thank you for considering me for ${theRole}`
      : `Thank you for the ${p.role ? `${p.role} ` : ''}interview${rounds > 1 ? 's' : ''}`;
  }
  const body = [
    p.greeting,
    `${opening} ${accept}`,
    ask,
    interest,
    p.signName ? `Kind regards,\n${p.signName}` : 'Kind regards',
  ].join('\n\n');
  return { subject, body };
}

/** The draft stays under this many words (the checker warns from 150; a careers site's model request is about 130 words). */
export const MAX_DRAFT_WORDS = 120;

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The draft, with names and titles the checker would flag left out, one at a time; never a draft with findings. */
function draftFor(
  app: CoachApplication,
  chosen: Chosen,
  channel: RequestPlan['channel'],
  scored: Scored,
): { subject: string; body: string } {
  const contactFirst = chosen.contact.kind === 'hiring-team' ? '' : firstName(chosen.contact.name);
  const full = clean(app.candidateName);
  const options: DraftParts[] = [];
  const greetings = contactFirst ? [`Hi ${contactFirst},`, 'Hello,'] : ['Hello,'];
  const companies = clean(app.company) ? [clean(app.company), ''] : [''];
  const roles = clean(app.role) ? [clean(app.role), ''] : [''];
  const signs = [full, firstName(full), ''].filter((s, i, all) => all.indexOf(s) === i);
  // Most personal first; drop the sign-off name last, it matters most to the candidate.
  for (const signName of signs)
    for (const greeting of greetings)
      for (const company of companies)
        for (const role of roles) options.push({ greeting, company, role, signName });
  for (const p of options) {
    const d = composeDraft(app, chosen, channel, scored, p);
    if (
      wordCount(d.body) < MAX_DRAFT_WORDS &&
      check(`${d.subject}\n\n${d.body}`, { mode: 'request' }).length === 0
    )
      return d;
  }
  return composeDraft(app, chosen, channel, scored, options[options.length - 1]!);
}

function callSheet(app: CoachApplication, contact: Contact): string[] {
  const company = clean(app.company) || 'the company';
  const recruiter = contact.kind === 'recruiter';
  return [
    'Thank them first: "Thank you for making the time. I know you don\'t have to do this, and I appreciate it."',
    recruiter
      ? `Say you accept the decision, and ask them to be honest with you about what ${company} said: you want to become a better interviewer.`
      : 'Say you accept the decision and only want to do better next time: "I respect your decision; I would value your honest view."',
    "Listen. Don't interrupt, don't explain and don't argue; write down what they say, even if it stings.",
    'Ask: "How might I come across more effectively in future interviews?"',
    'Ask: "What was the one thing I did best?"',
    "Don't ask who got the job or how you compared with other candidates: they can't say, and it makes the call uncomfortable.",
    'Thank them again for whatever they shared.',
    `Close on a high note: say you would be interested if another suitable role comes up at ${company}, and that you would apply again.`,
  ];
}

function followUps(app: CoachApplication, contact: Contact): RequestPlan['followUps'] {
  const first = contact.kind === 'hiring-team' ? '' : firstName(contact.name);
  const hi = first ? `Hi ${first}, ` : 'Hello, ';
  const role = clean(app.role) || 'the role';
  return [
    {
      kind: 'thank-you',
      when: 'The same day the feedback arrives: after the call, or when they reply.',
      text:
        `${hi}thank you for taking the time to share your feedback; I know you didn't have to. It is genuinely ` +
        'useful, and I will put it into practice in my next interviews.',
    },
    {
      kind: 'connection-request',
      when: 'A day or two after your thank-you note, if the conversation went well.',
      text: `${hi}thank you again for your time and advice after the ${role} interviews. I would be glad to stay in touch.`,
    },
  ];
}

function advice(ready: boolean, earliest: string, today: string, s: Scored): string {
  const parts: string[] = [];
  if (!ready) {
    parts.push(
      'Wait until the decision is final or you know the role has been filled: until then they can say little, and ' +
        `a request can read as lobbying. Then leave a day or two to cool off before you ask (${earliest} at the earliest).`,
    );
  } else if (earliest > today) {
    parts.push(`Give it a day or two to cool off: ask on or after ${earliest}.`);
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

/** The coach's plan for asking for feedback after a rejection. Deterministic: the same input and now give the same plan. */
export function planFeedbackRequest(app: CoachApplication, now: Date): RequestPlan {
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
      advice: advice(ready, earliest, isoDay(today), scored),
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
    draft: draftFor(app, chosen, channel, scored),
    callSheet: callSheet(app, chosen.contact),
    followUps: followUps(app, chosen.contact),
  };
}
