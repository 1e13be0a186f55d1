import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker';
import {
  DEFAULT_REJECTION_REASONS,
  extendRejectionReasons,
  findRejectionReason,
  type RejectionReason,
  reasonProblems,
} from '../../src/domain';

describe('default rejection reasons', () => {
  it('are the eight documented codes, four of them beyond the candidate’s control', () => {
    expect(DEFAULT_REJECTION_REASONS.map((r) => r.code)).toEqual([
      'skills-gap',
      'experience-gap',
      'qualification-missing',
      'interview-performance',
      'role-filled',
      'internal-candidate',
      'role-changed',
      'role-cancelled',
    ]);
    expect(DEFAULT_REJECTION_REASONS.filter((r) => r.beyondControl).map((r) => r.code)).toEqual([
      'role-filled',
      'internal-candidate',
      'role-changed',
      'role-cancelled',
    ]);
  });

  it('each say one plain sentence to the candidate that the checker has nothing to say about', () => {
    for (const r of DEFAULT_REJECTION_REASONS) {
      expect(reasonProblems(r)).toEqual([]);
      expect(check(r.candidateText)).toEqual([]);
      expect(r.label).not.toBe('');
      expect(r.description.length).toBeGreaterThan(40);
    }
  });

  it('never compare the candidate with, or disclose, other candidates', () => {
    for (const r of DEFAULT_REJECTION_REASONS) {
      expect(r.candidateText).not.toMatch(
        /candidate|someone|another|other applicants|better|stronger|more qualified/i,
      );
    }
    expect(findRejectionReason('internal-candidate')?.candidateText).toBe(
      'We decided to fill this role from within the company.',
    );
  });
});

describe('an organization’s own reasons', () => {
  const visa: RejectionReason = {
    code: 'visa-sponsorship',
    label: 'Sponsorship not available',
    beyondControl: true,
    candidateText: 'We are not able to sponsor a work visa for this role.',
    description: 'The role cannot sponsor a visa; say so before interviews where possible.',
  };

  it('are added after the defaults and can be found', () => {
    const all = extendRejectionReasons([visa]);
    expect(all).toHaveLength(9);
    expect(findRejectionReason('visa-sponsorship', all)).toEqual(visa);
  });

  it('may not redefine a default or repeat a code', () => {
    expect(() => extendRejectionReasons([{ ...visa, code: 'skills-gap' }])).toThrow(/already exists/);
    expect(() => extendRejectionReasons([visa, visa])).toThrow(/already exists/);
  });

  it('must have a hyphenated code and a single candidate-facing sentence', () => {
    expect(() => extendRejectionReasons([{ ...visa, code: 'Visa Sponsorship' }])).toThrow(/code/);
    expect(() => extendRejectionReasons([{ ...visa, candidateText: 'No visa. Sorry.' }])).toThrow(
      /single sentence/,
    );
    expect(() => extendRejectionReasons([{ ...visa, candidateText: '' }])).toThrow(/empty/);
  });
});
