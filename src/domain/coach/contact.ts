// Contact (docs/domain.md#asking-for-feedback): whom to ask and by which channel, the call sheet and the follow-ups.
// Pure.

import { dayOf } from './timing';
import type { CoachApplication, RequestPlan } from './types';
import { clean, firstName } from './words';

export type Contact = NonNullable<RequestPlan['contact']>;

export interface Chosen {
  contact: Contact;
  /** The rapport of the contact's round, if an interviewer. */
  rapport: number | null;
}

export function chooseContact(app: CoachApplication): Chosen {
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
  const named = top?.round.interviewers.filter((i) => clean(i.name)) ?? [];
  const person = named.find((i) => clean(i.phone) || clean(i.email)) ?? named[0];
  if (top && person) {
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
      name: company ? `${company} hiring team` : 'The hiring team',
      kind: 'hiring-team',
      why: app.feedbackInHand
        ? 'You have no interviewer or recruiter on record. Your feedback came through Debrief, whose sending address reaches no one at the company: reply on the feedback page, or write to a person you met.'
        : 'You have no interviewer or recruiter on record, so write to the hiring team (the address the rejection came from).',
    },
    rapport: null,
  };
}

export function chooseChannel(chosen: Chosen): RequestPlan['channel'] {
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

export function callSheet(app: CoachApplication, contact: Contact): string[] {
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

export function followUps(app: CoachApplication, contact: Contact): RequestPlan['followUps'] {
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
