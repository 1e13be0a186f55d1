import { describe, expect, it } from 'vitest';
import {
  greenhouseRating,
  greenhouseRecommendation,
  mapRejectionReason,
  scorecardStage,
  stageFromAts,
} from '../../src/domain/ats-mapping';

describe("Greenhouse's ratings on Debrief's four-point scale", () => {
  it.each([
    ['definitely_not', 1],
    ['no', 2],
    ['mixed', 2],
    ['yes', 3],
    ['strong_yes', 4],
    ['no_decision', null],
    ['', null],
    [null, null],
  ] as const)('%s → %s', (value, rating) => {
    expect(greenhouseRating(value)).toBe(rating);
  });

  it.each([
    ['definitely_not', [], 'strong_no'],
    ['no', [4, 4], 'no'],
    ['yes', [1], 'yes'],
    ['strong_yes', [], 'strong_yes'],
    ['no_decision', [3, 4], 'yes'],
    ['no_decision', [2, 3], 'no'],
    ['no_decision', [], 'no'],
  ] as const)('overall %s with ratings %j → %s', (value, ratings, recommendation) => {
    expect(greenhouseRecommendation(value, ratings)).toBe(recommendation);
  });
});

describe('the stage reached, from a stage named in the ATS', () => {
  const STAGES = [
    'Application Review',
    'Preliminary Phone Screen',
    'Technical Interview',
    'Face to Face',
    'Offer',
  ];
  it.each(
    STAGES.map((name, i) => [name, i, ['applied', 'screen', 'interview', 'final', 'final'][i]] as const),
  )('%s (position %i) → %s', (name, index, stage) => {
    expect(stageFromAts(name, index, STAGES.length)).toBe(stage);
  });

  it('places a stage with an unknown name by its position', () => {
    expect(stageFromAts('Hiring Manager Chat', 1, 5)).toBe('screen');
    expect(stageFromAts('Deep Dive', 2, 6)).toBe('interview');
    expect(stageFromAts('Deep Dive', 4, 6)).toBe('final');
    expect(stageFromAts('Kick-off', 0, 6)).toBe('applied');
  });

  it('records a scorecard at an interview stage, never at applied', () => {
    expect(scorecardStage('applied')).toBe('screen');
    expect(scorecardStage('interview')).toBe('interview');
    expect(scorecardStage('offer')).toBe('final');
  });
});

describe('rejection reasons', () => {
  const known = new Set(['skills-gap', 'experience-gap', 'role-filled', 'culture-add']);
  it("prefers the connection's own mapping, ignoring case and spacing", () => {
    expect(mapRejectionReason('  too   JUNIOR ', { 'too junior': 'skills-gap' }, known)).toBe('skills-gap');
  });
  it('knows the names Greenhouse ships with', () => {
    expect(mapRejectionReason('Too Junior', {}, known)).toBe('experience-gap');
    expect(mapRejectionReason('Lacking skill(s)/qualification(s)', {}, known)).toBe('skills-gap');
  });
  it('leaves an unknown reason, or a mapping to a reason the organization lacks, for review', () => {
    expect(mapRejectionReason('Portfolio not strong enough', {}, known)).toBeNull();
    expect(mapRejectionReason('Job closed', {}, known)).toBeNull();
    expect(mapRejectionReason(null, {}, known)).toBeNull();
  });
});
