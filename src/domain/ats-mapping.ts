// How an applicant tracking system's words become Debrief's: ratings, recommendations, stages and rejection reasons.
// Pure tables and functions (docs/integrations.md shows the same tables to admins).
import type { ApplicationStage, Rating, Recommendation, Stage } from './vocabulary';

/**
 * Greenhouse's overall recommendation → Debrief's. `no_decision` has no counterpart: the scorecard is still imported
 * for its evidence, with the recommendation its attribute ratings lean to (see `leaningRecommendation`).
 */
export const GREENHOUSE_RECOMMENDATIONS: Record<string, Recommendation> = {
  definitely_not: 'strong_no',
  no: 'no',
  yes: 'yes',
  strong_yes: 'strong_yes',
};

/**
 * Greenhouse's attribute rating (five steps) → Debrief's four-point scale (1 well below what the role needs, 2 below,
 * 3 meets, 4 exceeds). `mixed` is not a clear "meets", so it counts as below (2) and the draft may name it as a gap;
 * `no_decision` is not a rating and is not imported.
 */
export const GREENHOUSE_RATINGS: Record<string, Rating> = {
  definitely_not: 1,
  no: 2,
  mixed: 2,
  yes: 3,
  strong_yes: 4,
};

export function greenhouseRating(value: string | null | undefined): Rating | null {
  return (value && GREENHOUSE_RATINGS[value]) || null;
}

/**
 * Lever's overall rating (the `score-system` field every feedback form has once: "4 - Strong Hire" … "1 - Strong No
 * Hire") → Debrief's recommendation. Read by its leading digit, or by its words when an account renamed the options.
 */
export const LEVER_RECOMMENDATIONS: Record<string, Recommendation> = {
  '4': 'strong_yes',
  '3': 'yes',
  '2': 'no',
  '1': 'strong_no',
  'strong hire': 'strong_yes',
  hire: 'yes',
  'no hire': 'no',
  'strong no hire': 'strong_no',
};

export function leverRecommendation(value: unknown): Recommendation | null {
  if (typeof value === 'number') return LEVER_RECOMMENDATIONS[String(value)] ?? null;
  if (typeof value !== 'string') return null;
  const digit = /^\s*([1-4])\b/.exec(value)?.[1];
  if (digit) return LEVER_RECOMMENDATIONS[digit] ?? null;
  return LEVER_RECOMMENDATIONS[value.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

/**
 * Lever's skill scores (a `score` field, or each skill of a `scorecard` field) are integers 1 to 4 on the thumbs
 * scale: 1 strong no (two thumbs down), 2 no, 3 yes, 4 strong yes. They sit on Debrief's four points as they are;
 * anything else (no score given: null) is not a rating.
 */
export function leverRating(value: unknown): Rating | null {
  const n = typeof value === 'string' && /^\s*[1-4]\s*$/.test(value) ? Number(value) : value;
  return n === 1 || n === 2 || n === 3 || n === 4 ? n : null;
}

/**
 * Lever archive reasons that say the candidate left, not that the team turned them down: the opportunity is imported
 * but no rejection feedback is drafted.
 */
export const LEVER_WITHDRAWAL_REASONS = new Set([
  'withdrew',
  'candidate withdrew',
  'offer declined',
  'unresponsive',
]);

/** The recommendation a scorecard's ratings lean to when the interviewer made none: yes when they average 3 or more. */
export function leaningRecommendation(ratings: readonly Rating[]): Recommendation {
  if (!ratings.length) return 'no';
  const mean = ratings.reduce<number>((a, r) => a + r, 0) / ratings.length;
  return mean >= 3 ? 'yes' : 'no';
}

export function greenhouseRecommendation(value: string | null | undefined, ratings: readonly Rating[]) {
  return (value && GREENHOUSE_RECOMMENDATIONS[value]) || leaningRecommendation(ratings);
}

/**
 * Where a stage named in the ATS sits in Debrief's pipeline, by its name first and else by its place among the job's
 * stages. An ATS's "Offer" stage means the offer is being prepared, not made (Greenhouse keeps offers apart), so it
 * counts as the final stage: a candidate rejected there still gets feedback.
 */
export function stageFromAts(name: string, index: number, count: number): ApplicationStage {
  const n = name.toLowerCase();
  if (/\b(application review|applied|new applicant|new lead|lead|sourced|reached out|responded)\b/.test(n))
    return 'applied';
  if (/\b(screen|screening|phone|recruiter call|intro)\b/.test(n)) return 'screen';
  if (/\b(final|onsite|on-site|face to face|reference|offer|executive|panel)\b/.test(n)) return 'final';
  if (/\b(interview|assessment|technical|take[- ]home|exercise)\b/.test(n)) return 'interview';
  if (count <= 1 || index <= 0) return 'applied';
  if (index >= count - 2) return 'final';
  return index === 1 ? 'screen' : 'interview';
}

/** The interview stage a scorecard recorded at an ATS stage belongs to (never `applied`: a scorecard is an interview). */
export function scorecardStage(stage: ApplicationStage): Stage {
  if (stage === 'screen' || stage === 'interview' || stage === 'final') return stage;
  return stage === 'applied' ? 'screen' : 'final';
}

/**
 * The Debrief reason an ATS rejection reason maps onto: the connection's own mapping (edited by an admin) first, then
 * a few names every ATS ships with. Unknown reasons return null and wait in the review queue.
 */
export const BUILT_IN_REASON_MAP: Record<string, string> = {
  'lacking skill(s)/qualification(s)': 'skills-gap',
  'lacking skills': 'skills-gap',
  'wrong skill set': 'skills-gap',
  'not enough experience': 'experience-gap',
  'too junior': 'experience-gap',
  'missing qualification': 'qualification-missing',
  'interview performance': 'interview-performance',
  'failed interview': 'interview-performance',
  'position filled': 'role-filled',
  'hired another candidate': 'role-filled',
  'job closed': 'role-cancelled',
  underqualified: 'skills-gap',
  'position closed': 'role-cancelled',
  'position cancelled': 'role-cancelled',
};

export const reasonKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

export function mapRejectionReason(
  name: string | null | undefined,
  own: Readonly<Record<string, string>>,
  known: ReadonlySet<string>,
): string | null {
  if (!name) return null;
  const key = reasonKey(name);
  const code = own[key] ?? BUILT_IN_REASON_MAP[key];
  return code && known.has(code) ? code : null;
}
