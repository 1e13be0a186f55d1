import { describe, expect, it } from 'vitest';
import {
  ASHBY_ARCHIVE_REASONS,
  ashbyRecommendation,
  ashbyScore,
  readAshbyFeedback,
} from '../../src/domain/ashby-mapping';
import { mapRejectionReason, reasonKey } from '../../src/domain/ats-mapping';
import { DEFAULT_REJECTION_REASONS } from '../../src/domain/rejection-reasons';
import { fixture } from '../support/fake-ashby';

describe('Ashby ratings on Debrief’s scale', () => {
  it('keeps a 1–4 score as it is, however it is written, and refuses anything else', () => {
    expect([1, 2, 3, 4].map(ashbyScore)).toEqual([1, 2, 3, 4]);
    expect(['1', '4', { score: 2 }, { value: '3' }].map(ashbyScore)).toEqual([1, 4, 2, 3]);
    expect([0, 5, 2.5, '', 'yes', null, undefined, {}].map(ashbyScore)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('reads the overall recommendation as a score (1 Strong No … 4 Strong Yes) or as a choice', () => {
    expect([1, 2, 3, 4, '4'].map((v) => ashbyRecommendation(v))).toEqual([
      'strong_no',
      'no',
      'yes',
      'strong_yes',
      'strong_yes',
    ]);
    expect(['Strong No', 'no', 'Yes', 'strong_yes'].map((v) => ashbyRecommendation(v))).toEqual([
      'strong_no',
      'no',
      'yes',
      'strong_yes',
    ]);
    const choices = [
      { label: 'Strong Hire', value: 'strong_hire' },
      { label: 'Hire', value: 'hire' },
      { label: 'No Hire', value: 'no_hire' },
      { label: 'Definitely not', value: 'opt_4' },
      { label: 'Maybe', value: 'opt_5' },
    ];
    expect(
      ['strong_hire', 'hire', 'no_hire', 'opt_4', 'opt_5'].map((v) => ashbyRecommendation(v, choices)),
    ).toEqual(['strong_yes', 'yes', 'no', 'strong_no', null]);
  });
});

describe('an Ashby feedback form read', () => {
  it('reads the documented example: the choice as the recommendation, the score with the section’s text', () => {
    const example = fixture('application_feedback');
    expect(readAshbyFeedback(example.formDefinition, example.submittedValues)).toEqual({
      recommendation: 'yes',
      ratings: [
        {
          criterion: 'Technical Skills',
          rating: 4,
          note: example.submittedValues.detailed_feedback,
        },
      ],
      notes: '',
    });
  });

  it('gives a section’s text to the score its title names; other text is a private note', () => {
    const field = (path: string, type: string, title: string) => ({ field: { path, type, title } });
    const form = {
      sections: [
        {
          title: 'Skills',
          fields: [
            field('sql', 'Score', 'SQL'),
            field('comm', 'Score', 'Communication'),
            field('sql_notes', 'LongText', 'SQL notes'),
            field('comm_notes', 'RichText', 'Communication — evidence'),
            field('misc', 'LongText', 'Anything else'),
          ],
        },
        { title: 'Decision', fields: [field('_systemfield_overall_recommendation', 'Score', 'Overall')] },
      ],
    };
    const read = readAshbyFeedback(form, {
      sql: 3,
      comm: { score: 2 },
      sql_notes: 'Wrote the join with an index in mind.',
      comm_notes: { type: 'PlainText', value: '<p>Answered a different question twice.</p>' },
      misc: 'Asked about the on-call rota.',
      _systemfield_overall_recommendation: '2',
    });
    expect(read).toEqual({
      recommendation: 'no',
      ratings: [
        { criterion: 'SQL', rating: 3, note: 'Wrote the join with an index in mind.' },
        { criterion: 'Communication', rating: 2, note: 'Answered a different question twice.' },
      ],
      notes: 'Anything else: Asked about the on-call rota.',
    });
  });

  it('leaves out a score that was not given, and gives no recommendation when there is none', () => {
    const form = { sections: [{ fields: [{ field: { path: 's', type: 'Score', title: 'Craft' } }] }] };
    expect(readAshbyFeedback(form, {})).toEqual({ recommendation: null, ratings: [], notes: '' });
  });
});

describe('Ashby archive reasons', () => {
  const known = new Set(DEFAULT_REJECTION_REASONS.map((r) => r.code));
  it('maps onto Debrief reasons that exist, the connection’s own mapping first', () => {
    for (const code of Object.values(ASHBY_ARCHIVE_REASONS)) expect(known.has(code)).toBe(true);
    expect(mapRejectionReason('Too inexperienced', ASHBY_ARCHIVE_REASONS, known)).toBe('experience-gap');
    const own = { ...ASHBY_ARCHIVE_REASONS, [reasonKey('Too inexperienced')]: 'skills-gap' };
    expect(mapRejectionReason('too  INEXPERIENCED', own, known)).toBe('skills-gap');
    expect(mapRejectionReason('Portfolio not strong enough', ASHBY_ARCHIVE_REASONS, known)).toBeNull();
  });
});
