// How Ashby's interview feedback and archive reasons become Debrief's. Pure tables and functions (docs/integrations.md
// shows the same tables to admins). Ashby's feedback is a form: a definition (sections of typed fields) and the values
// submitted for it, keyed by each field's path (https://developers.ashbyhq.com/reference/applicationfeedbacklist).
import { reasonKey } from './ats-mapping';
import type { Rating, Recommendation } from './vocabulary';

/**
 * Ashby's `Score` field is an integer from 1 to 4 (https://developers.ashbyhq.com/reference/applicationfeedbacksubmit),
 * the same four steps as Debrief's scale (1 well below what the role needs, 2 below, 3 meets, 4 exceeds), so a score
 * is kept as it is. The overall recommendation on that scale reads 1 Strong No, 2 No, 3 Yes, 4 Strong Yes.
 */
export const ASHBY_SCORE_RECOMMENDATIONS: Record<Rating, Recommendation> = {
  1: 'strong_no',
  2: 'no',
  3: 'yes',
  4: 'strong_yes',
};

/**
 * An overall recommendation asked as a choice (`ValueSelect`), by its value or its label, lower-cased with anything
 * but letters and digits read as a space. Anything else (a "Maybe", "No decision") is no recommendation: the
 * scorecard's ratings decide which way it leans.
 */
export const ASHBY_CHOICE_RECOMMENDATIONS: Record<string, Recommendation> = {
  'strong no': 'strong_no',
  'strong no hire': 'strong_no',
  'definitely not': 'strong_no',
  no: 'no',
  'no hire': 'no',
  yes: 'yes',
  hire: 'yes',
  'strong yes': 'strong_yes',
  'strong hire': 'strong_yes',
};

/** A submitted Score (4, "4" or `{ score: 4 }`) as a rating, or null when it is not one of 1 to 4. */
export function ashbyScore(value: unknown): Rating | null {
  const raw =
    value && typeof value === 'object'
      ? ((value as { score?: unknown; value?: unknown }).score ?? (value as { value?: unknown }).value)
      : value;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return n === 1 || n === 2 || n === 3 || n === 4 ? n : null;
}

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The overall recommendation a submitted value stands for: a score 1 to 4, or a choice by its value or label. */
export function ashbyRecommendation(
  value: unknown,
  choices: readonly { label?: string; value?: string }[] = [],
): Recommendation | null {
  const score = ashbyScore(value);
  if (score) return ASHBY_SCORE_RECOMMENDATIONS[score];
  if (typeof value !== 'string') return null;
  const chosen = choices.find((c) => c.value === value);
  return (
    ASHBY_CHOICE_RECOMMENDATIONS[words(value)] ??
    (chosen?.label ? ASHBY_CHOICE_RECOMMENDATIONS[words(chosen.label)] : undefined) ??
    null
  );
}

export interface AshbyFormField {
  path: string;
  type: string;
  title?: string | null;
  selectableValues?: { label?: string; value?: string }[] | null;
}

export interface AshbyForm {
  sections?: { title?: string | null; fields?: { field: AshbyFormField }[] | null }[] | null;
}

/** What Debrief reads from one feedback submission. */
export interface AshbyFeedbackReading {
  recommendation: Recommendation | null;
  ratings: { criterion: string; rating: Rating; note: string }[];
  /** Written answers that belong to no score, as "Title: answer" lines (kept as private notes). */
  notes: string;
}

const TEXT_TYPES = new Set(['LongText', 'RichText', 'String']);
const isOverall = (f: AshbyFormField) => /overall[\s_-]*recommendation/i.test(`${f.path} ${f.title ?? ''}`);

/** A written answer as plain text: a string, or rich text given as `{ value }` or HTML. */
function text(value: unknown): string {
  const raw =
    typeof value === 'string'
      ? value
      : value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string'
        ? (value as { value: string }).value
        : '';
  return raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One feedback form read in Debrief's terms. The field named "Overall recommendation" is the recommendation. Every
 * other `Score` field is a criterion rated 1 to 4, named by its title. A written answer in the same section is that
 * score's evidence when the section has one score; in a section with several, an answer whose title begins with a
 * score's title ("Communication notes") is that score's evidence. Any other written answer is a private note.
 */
export function readAshbyFeedback(form: AshbyForm, values: Record<string, unknown>): AshbyFeedbackReading {
  let recommendation: Recommendation | null = null;
  const ratings: AshbyFeedbackReading['ratings'] = [];
  const notes: string[] = [];
  for (const section of form.sections ?? []) {
    const fields = (section.fields ?? []).map((f) => f.field).filter(Boolean);
    const scores: { field: AshbyFormField; rating: Rating; note: string[] }[] = [];
    for (const field of fields) {
      if (isOverall(field)) {
        recommendation = ashbyRecommendation(values[field.path], field.selectableValues ?? []);
        continue;
      }
      if (field.type !== 'Score') continue;
      const rating = ashbyScore(values[field.path]);
      if (rating) scores.push({ field, rating, note: [] });
    }
    for (const field of fields) {
      if (!TEXT_TYPES.has(field.type) || isOverall(field)) continue;
      const answer = text(values[field.path]);
      if (!answer) continue;
      const title = (field.title ?? '').toLowerCase();
      const owner =
        scores.length === 1
          ? scores[0]
          : scores.find((s) => s.field.title && title.startsWith(s.field.title.toLowerCase()));
      if (owner) owner.note.push(answer);
      else notes.push(`${field.title || field.path}: ${answer}`);
    }
    for (const s of scores)
      ratings.push({ criterion: s.field.title || s.field.path, rating: s.rating, note: s.note.join('\n') });
  }
  return { recommendation, ratings, notes: notes.join('\n') };
}

/**
 * Usual archive reason names (each Ashby account writes its own; "Too inexperienced" is the example in Ashby's
 * archiveReason.list) and the Debrief reason each maps onto; the connection's own mapping comes first, and a name in
 * neither waits in the review queue. Keys are compared as `reasonKey` reads them.
 */
export const ASHBY_ARCHIVE_REASONS: Record<string, string> = Object.fromEntries(
  Object.entries({
    'Too inexperienced': 'experience-gap',
    'Not enough experience': 'experience-gap',
    'Lacks skills': 'skills-gap',
    'Skills mismatch': 'skills-gap',
    'Missing qualifications': 'qualification-missing',
    'Failed interview': 'interview-performance',
    'Did not pass interview': 'interview-performance',
    'Hired someone else': 'role-filled',
    'Position filled': 'role-filled',
    'Job closed': 'role-cancelled',
    'Position closed': 'role-cancelled',
  }).map(([name, code]) => [reasonKey(name), code]),
);
