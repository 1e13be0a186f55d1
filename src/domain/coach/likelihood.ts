// Likelihood (docs/domain.md#asking-for-feedback): how likely a useful answer is, from the rounds, the rapport, the
// kind of reason and a third-party recruiter. Pure.

import { themesOf } from '../themes';
import type { CoachApplication, CoachRound, Likelihood, ReasonKind } from './types';
import { clean, inWords } from './words';

/** A stage that is a screen, not an interview round: CV, application, phone or recruiter screen. */
export const SCREEN_STAGE =
  /\b(?:screen(?:ing)?|phone|cv|r[ée]sum[ée]|application|recruiter (?:call|chat)|intro(?:ductory)? (?:call|chat)|initial (?:call|chat|conversation))\b/i;

/** A reason about "fit" or personality: what employers can't say candidly (docs/domain.md#personality-and-vague-verdicts). */
export const PERSONALITY_REASON =
  /\b(?:culture(?:al)? (?:fit|add)|(?:not|wasn't|isn't) (?:a|the right) (?:fit|match)|fit (?:with|for|into) the team|team fit|personality|attitude|vibe|chemistry|gut feel(?:ing)?|(?:didn't|did not) click|abrasive|arrogant|combative|condescending)\b/i;

export const LIKELIHOOD_THRESHOLDS = { high: 7, medium: 2 } as const;

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

export function bestRapport(rounds: CoachRound[]): number | null {
  let best: number | null = null;
  for (const r of rounds) if (r.rapport != null && (best === null || r.rapport > best)) best = r.rapport;
  return best;
}

export interface Scored {
  likelihood: Likelihood;
  score: number;
  reasons: string[];
  screenOnly: boolean;
  kind: ReasonKind;
}

export function score(app: CoachApplication): Scored {
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
