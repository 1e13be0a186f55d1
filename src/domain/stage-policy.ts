// How much feedback a rejected candidate is owed depends on how far they got (docs/domain.md#feedback-that-helps):
// after a screen only, a short honest reason; after interview rounds, specific pointers; after a final round or many
// rounds, detail.
// Pure: no I/O, browser-safe.

import type { Stage } from './vocabulary';

export type { Stage };

export interface StagePolicy {
  depth: 'short' | 'specific' | 'detailed';
  /** How many gaps (criteria rated below 3) the draft names, lowest first. */
  maxGaps: number;
  /** Whether what the interviewers observed is put into the draft (never after a screen only). */
  includeEvidence: boolean;
  /** Whether the one thing the candidate did best is named. */
  includeStrength: boolean;
  /** How many observations (from different scorecards) support each gap; 0 when includeEvidence is false. */
  maxEvidencePerGap: number;
  /** Whether each gap also states how far below the requirement it was rated ("below", "well below"). */
  includeRatingLevel: boolean;
  /**
   * The most sentences the letter's content may have (without the greeting, the sign-off and the headings): a screen
   * gets two or three, a final round full sections.
   */
  maxSentences: number;
}

/** The number of scorecards from which the draft is "detailed" even without a final round. */
export const DETAILED_FROM_ROUNDS = 3;

/**
 * The policy for the stages an application reached, one entry per scorecard (or per round; duplicates count as
 * rounds). Screen only, or nothing recorded: short. A final round, or 3 or more rounds beyond the screen's:
 * detailed. Otherwise (an interview round): specific.
 */
export function stagePolicy(stagesReached: Stage[]): StagePolicy {
  const beyondScreen = stagesReached.filter((s) => s !== 'screen');
  if (beyondScreen.length === 0) {
    return {
      depth: 'short',
      maxGaps: 1,
      includeEvidence: false,
      includeStrength: false,
      maxEvidencePerGap: 0,
      includeRatingLevel: false,
      maxSentences: 3,
    };
  }
  if (stagesReached.includes('final') || stagesReached.length >= DETAILED_FROM_ROUNDS) {
    return {
      depth: 'detailed',
      maxGaps: 3,
      includeEvidence: true,
      includeStrength: true,
      maxEvidencePerGap: 2,
      includeRatingLevel: true,
      maxSentences: 30,
    };
  }
  return {
    depth: 'specific',
    maxGaps: 2,
    includeEvidence: true,
    includeStrength: true,
    maxEvidencePerGap: 1,
    includeRatingLevel: false,
    maxSentences: 18,
  };
}
