import type { scorecardRatings } from '../../db/schema';
import { iso } from './shared';

/** Members' names by id, for who flagged or redacted evidence. */
export type Names = ReadonlyMap<string, string>;

const person = (id: string | null, names: Names) =>
  id ? { id, name: names.get(id) ?? 'Former member' } : null;

/** A rating with its evidence, and whether that evidence is flagged or redacted (who, when, why). */
export function presentRating(r: typeof scorecardRatings.$inferSelect, names: Names) {
  return {
    id: r.id,
    criterionId: r.criterionId,
    rating: r.rating,
    evidence: r.redactedAt ? '' : r.evidence,
    flag: r.flaggedRules
      ? {
          rules: r.flaggedRules,
          reason: r.flagReason ?? '',
          by: person(r.flaggedBy, names),
          at: iso(r.flaggedAt),
        }
      : null,
    redaction: r.redactedAt
      ? { at: r.redactedAt.toISOString(), by: person(r.redactedBy, names), reason: r.redactionReason ?? '' }
      : null,
  };
}
