// The checker's vocabulary, declared once: the rule compiler, the engine, the server, the web app and the eval all
// import these lists. Plain TypeScript: no Node APIs.

/**
 * What a text is: feedback about a candidate, a candidate's email asking for feedback, or a one-line follow-up
 * question about feedback received (judged on its tone and length only: a good question needs no thanks paragraph
 * and is its own ask).
 */
export const MODES = ['feedback', 'request', 'question'] as const;
export type Mode = (typeof MODES)[number];

/** Which law a rule applies under. An organization chooses its own; the default is all of them. */
export const JURISDICTIONS = ['us', 'uk', 'eu'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** `block` stops approval until the text changes (or an admin overrides); `warn` asks for a second look. */
export const SEVERITIES = ['block', 'warn'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The stable category names a finding carries, by mode, in the order reports list them. */
export const CATEGORIES = {
  feedback: ['protected', 'proxy', 'personality', 'comparison', 'vague'],
  request: ['defensive', 'entitled', 'hostile', 'missing-thanks', 'missing-ask', 'too-long'],
  question: ['defensive', 'entitled', 'hostile', 'too-long'],
} as const satisfies Record<Mode, readonly string[]>;
export type FeedbackCategory = (typeof CATEGORIES.feedback)[number];
export type RequestCategory = (typeof CATEGORIES.request)[number];
export type Category = FeedbackCategory | RequestCategory;

/** A rule of this category marks that something is present (a thank-you, an ask) and reports nothing itself. */
export const SIGNAL_CATEGORY = 'signal';

export const isRequestCategory = (c: string): c is RequestCategory =>
  (CATEGORIES.request as readonly string[]).includes(c);
