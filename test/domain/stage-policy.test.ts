import { describe, expect, it } from 'vitest';
import { stagePolicy } from '../../src/domain';

describe('stagePolicy', () => {
  it('after a screen only (or nothing recorded): short, one gap, no evidence, no strength', () => {
    for (const stages of [[], ['screen'], ['screen', 'screen', 'screen']] as const) {
      const p = stagePolicy([...stages]);
      expect(p.depth).toBe('short');
      expect(p.maxGaps).toBe(1);
      expect(p.includeEvidence).toBe(false);
      expect(p.includeStrength).toBe(false);
    }
  });

  it('after an interview: specific, with evidence and the strength', () => {
    for (const stages of [['interview'], ['screen', 'interview'], ['interview', 'interview']] as const) {
      const p = stagePolicy([...stages]);
      expect(p.depth).toBe('specific');
      expect(p.includeEvidence).toBe(true);
      expect(p.includeStrength).toBe(true);
    }
  });

  it('after a final round, or three or more rounds: detailed, and more than specific', () => {
    const specific = stagePolicy(['screen', 'interview']);
    for (const stages of [['final'], ['screen', 'final'], ['screen', 'interview', 'interview']] as const) {
      const p = stagePolicy([...stages]);
      expect(p.depth).toBe('detailed');
      expect(p.maxGaps).toBeGreaterThan(specific.maxGaps);
      expect(p.maxEvidencePerGap).toBeGreaterThan(specific.maxEvidencePerGap);
    }
  });
});
