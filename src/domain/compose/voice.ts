// An organization's voice on the letters it sends: how they greet, a short introduction of its own, a standard
// closing, the sign-off and who signs. The composer places them; the checker reads the organization's own texts like
// any draft before they are saved. Pure: browser-safe, so the settings page previews a letter as the admin types.

import { foldSpace } from '../text';

export const GREETINGS = ['Dear', 'Hello', 'Hi'] as const;
export type Greeting = (typeof GREETINGS)[number];

/** Who signs: the team ("The Northwind hiring team"), the reviewer who approves each letter, or a named person. */
export type Signer =
  | { kind: 'team' }
  | { kind: 'reviewer' }
  | { kind: 'named'; name: string; title: string | null };

export interface FeedbackVoice {
  greeting: Greeting;
  /** A short paragraph of the organization's own, after the thanks and the outcome; null for none. */
  intro: string | null;
  /** A standard closing paragraph, before the sign-off; null for none. */
  closing: string | null;
  /** "Kind regards," (a comma is added when it has no end punctuation). */
  signOff: string;
  signer: Signer;
  /** Where a candidate's reply goes: this address, or the approving reviewer's when null. */
  replyTo: string | null;
}

export const DEFAULT_VOICE: FeedbackVoice = {
  greeting: 'Dear',
  intro: null,
  closing: null,
  signOff: 'Kind regards,',
  signer: { kind: 'team' },
  replyTo: null,
};

/** The limits the settings form and the API share. */
export const VOICE_LIMITS = {
  intro: 600,
  closing: 600,
  signOff: 40,
  signerName: 80,
  signerTitle: 80,
} as const;

const clean = (s: string | null | undefined): string | null => {
  const t = foldSpace(s ?? '');
  return t === '' ? null : t;
};

/** A stored or submitted voice with every gap filled from the default and every text tidied. */
export function normalizeVoice(v: Partial<FeedbackVoice> | null | undefined): FeedbackVoice {
  const signOffText = clean(v?.signOff) ?? DEFAULT_VOICE.signOff;
  const signer = v?.signer;
  return {
    greeting: v?.greeting && GREETINGS.includes(v.greeting) ? v.greeting : DEFAULT_VOICE.greeting,
    intro: clean(v?.intro),
    closing: clean(v?.closing),
    signOff: /[,.!]$/.test(signOffText) ? signOffText : `${signOffText},`,
    signer:
      signer?.kind === 'named' && clean(signer.name)
        ? { kind: 'named', name: clean(signer.name) as string, title: clean(signer.title) }
        : signer?.kind === 'reviewer'
          ? { kind: 'reviewer' }
          : { kind: 'team' },
    replyTo: clean(v?.replyTo),
  };
}

/** "The Northwind hiring team"; a name that starts with "The" keeps its own ("The Ridgeway Trust hiring team"). */
export function teamName(org: string): string {
  return /^the\s/i.test(org) ? `${org.replace(/^the/i, 'The')} hiring team` : `The ${org} hiring team`;
}

/** "Dear Sam," or, without a first name, "Hello,". */
export function greetingLine(voice: FeedbackVoice, firstName: string | undefined): string {
  return firstName ? `${voice.greeting} ${firstName},` : 'Hello,';
}

/**
 * The sign-off lines. A letter signed by its reviewer is drafted with the team's name, and takes the reviewer's name
 * when it is approved (see `signForReviewer`).
 */
export function signOffLines(voice: FeedbackVoice, org: string, reviewer?: string): string[] {
  const team = teamName(org);
  if (voice.signer.kind === 'named') {
    const { name, title } = voice.signer;
    return [voice.signOff, title ? `${name}, ${title}` : name, team];
  }
  if (voice.signer.kind === 'reviewer' && reviewer) return [voice.signOff, reviewer, team];
  return [voice.signOff, team];
}

/**
 * The approved letter signed by its reviewer: when the organization signs with the reviewer's name and the body
 * still ends with the drafted sign-off, that sign-off is replaced; an edited ending is left as the reviewer wrote it.
 */
export function signForReviewer(body: string, voice: FeedbackVoice, org: string, reviewer: string): string {
  if (voice.signer.kind !== 'reviewer') return body;
  const drafted = signOffLines(voice, org).join('\n');
  const trimmed = body.replace(/\s+$/, '');
  if (!trimmed.endsWith(drafted)) return body;
  return `${trimmed.slice(0, -drafted.length)}${signOffLines(voice, org, reviewer).join('\n')}`;
}
