// Draft (docs/domain.md#asking-for-feedback): the request email, brief and checked in request mode; names or titles
// the checker would flag are left out rather than sending a draft with findings. Pure.

import { check } from '../../checker';
import type { Chosen } from './contact';
import type { Scored } from './likelihood';
import type { CoachApplication, RequestPlan } from './types';
import { clean, firstName, inWords } from './words';

export interface DraftParts {
  greeting: string;
  company: string;
  role: string;
  signName: string;
  /** One point from the candidate's own notes to ask about ("the caching question"), or ''. */
  topic: string;
}

const HARD_PART =
  /\b(?:struggled|stuck|unsure|froze|fumbled|trouble|wasn't sure|was not sure|not sure|weak(?:est)?|hard(?:est)?|difficult|tricky|tough)\b[^.;!?\n]*?\b(?:with|on|about|in|at|during)\s+((?:the|my|a|an|their|our|that)\s+[^.;,!?\n()]{3,60}?)(?=\s*(?:[.;,!?\n)]|$)|\s+(?:and|but|because|so|which|when)\b)/i;
const ASKED_ABOUT =
  /\basked (?:me |us )?(?:a lot |mostly |a question |questions )?about\s+([^.;,!?\n()]{3,60}?)(?=\s*(?:[.;,!?\n)]|$)|\s+(?:and|but|because|so|which|when)\b)/i;

/**
 * The one point the candidate's own notes single out, latest round first: what they found hardest ("struggled with
 * the caching question") or what they were asked about. Empty when the notes name nothing.
 */
export function topicFromNotes(app: CoachApplication): string {
  for (const round of [...app.rounds].reverse()) {
    const notes = round.notes ?? '';
    const m = HARD_PART.exec(notes) ?? ASKED_ABOUT.exec(notes);
    const topic = clean(m?.[1]).replace(/[\s'"“”‘’]+$/, '');
    if (topic && topic.split(' ').length <= 10) return topic;
  }
  return '';
}

export function composeDraft(
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
  // An easy way to say yes: a line is enough.
  const specific = p.topic ? ` In particular, I would value your view on ${p.topic}.` : '';
  const body = [
    p.greeting,
    `${opening} ${accept}`,
    `${ask}${specific} Even a line would help.`,
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
export function draftFor(
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
  const topic = topicFromNotes(app);
  const topics = topic ? [topic, ''] : [''];
  // Most personal first; drop the sign-off name last, it matters most to the candidate, and the point from the notes
  // first of all when it makes the draft too long or flagged.
  for (const signName of signs)
    for (const greeting of greetings)
      for (const company of companies)
        for (const role of roles)
          for (const t of topics) options.push({ greeting, company, role, signName, topic: t });
  for (const p of options) {
    const d = composeDraft(app, chosen, channel, scored, p);
    if (
      wordCount(d.body) < MAX_DRAFT_WORDS &&
      check(`${d.subject}\n\n${d.body}`, { mode: 'request' }).length === 0
    )
      return d;
  }
  // Every option has findings: the least personal one, with no names or titles left to flag.
  const plainest = options.at(-1);
  if (!plainest) throw new Error('draftFor: no draft options');
  return composeDraft(app, chosen, channel, scored, plainest);
}
