// Aggregation: per criterion, the panel's mean rating across scorecards, with the lowest and highest single rating
// (see compose-feedback.ts for how gaps and the strength are chosen from them). Pure.

import type { Aggregate, ComposeCriterion, ComposeScorecard, CriterionSummary } from './types';

/** Identifies one scorecard's evidence for one criterion. */
export function key(scorecardId: string, criterionId: string): string {
  return `${scorecardId}\u0000${criterionId}`;
}

export function aggregate(criteria: ComposeCriterion[], scorecards: ComposeScorecard[]): Aggregate[] {
  const byId = new Map<string, Aggregate>();
  criteria.forEach((criterion, index) => {
    if (!byId.has(criterion.id))
      byId.set(criterion.id, { criterion, index, mean: 0, lowest: 5, highest: 0, rated: [] });
  });
  scorecards.forEach((scorecard, scorecardIndex) => {
    for (const rating of scorecard.ratings) {
      const agg = byId.get(rating.criterionId);
      if (!agg || ![1, 2, 3, 4].includes(rating.rating) || rating.leftOut) continue;
      agg.rated.push({ scorecard, scorecardIndex, rating });
    }
  });
  const out: Aggregate[] = [];
  for (const agg of byId.values()) {
    if (agg.rated.length === 0) continue;
    const values = agg.rated.map((r) => r.rating.rating);
    agg.mean = values.reduce((a, b) => a + b, 0) / values.length;
    agg.lowest = Math.min(...values);
    agg.highest = Math.max(...values);
    out.push(agg);
  }
  return out;
}

export function summary(a: Aggregate): CriterionSummary {
  return {
    criterionId: a.criterion.id,
    name: a.criterion.name,
    mean: Math.round(a.mean * 100) / 100,
    lowest: a.lowest,
    highest: a.highest,
    ratings: a.rated.length,
  };
}
