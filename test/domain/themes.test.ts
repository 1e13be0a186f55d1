import { describe, expect, it } from 'vitest';
import { composeFeedback } from '../../src/domain';
import { remindersFor, summarizeThemes, THEMES, themesForRole, themesOf } from '../../src/domain/themes';
import { FINAL, INTERVIEW, input, reason, SCREEN } from './fixtures';

const ids = (text: string) => themesOf(text).map((m) => m.theme);

describe('themesOf: hand-written notes', () => {
  it.each([
    ['They said I rushed the coding task and missed edge cases', ['attention-to-detail']],
    ['Came across as unprepared about the company.', ['preparation']],
    ['We went with someone with more years in fintech.', ['experience-gap']],
    ['The role was filled internally.', ['beyond-my-control']],
    ['Unfortunately the position was cancelled.', ['beyond-my-control']],
    ['We have decided to go with an internal candidate.', ['beyond-my-control']],
    ['There is a hiring freeze, so we are no longer recruiting.', ['beyond-my-control']],
    ['You missed two typos in the cover letter.', ['attention-to-detail']],
    ['Your answers were hard to follow at times.', ['communication']],
    ['You come across as stiff and overly rehearsed.', ['interview-structure']],
    ['We ran out of time before the second question.', ['interview-structure']],
    ['You needed a lot of hints on the algorithm question.', ['problem-solving']],
    ['They said I jumped straight into coding without clarifying anything.', ['problem-solving']],
    ['Your SQL knowledge was a bit shallow.', ['technical-depth']],
    ['You did not write any tests.', ['testing']],
    ["You didn't ask any questions at the end.", ['preparation']],
    ['We felt your knowledge of the payments industry was limited.', ['domain-knowledge']],
    ['Your design did not cover what happens when the database goes down.', ['system-design']],
    ['They were looking for more leadership experience.', ['experience-gap', 'leadership']],
    ['Communication and system design were areas to work on.', ['communication', 'system-design']],
    ['They mentioned I should brush up on SQL fundamentals.', ['technical-depth']],
    ['No issues with your system design, but your testing was thin.', ['testing']],
    ['My answers lacked concrete examples and I went off on tangents.', ['interview-structure']],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  // A real rejection email that changed a candidate's career (docs/domain.md#feedback-that-helps).
  it('maps a rejection email about attention to detail and the writing style', () => {
    expect(
      ids(
        "You showed a lack of attention to detail and didn't have the writing style we were looking for, " +
          'but you impressed us with your interview and knowledge.',
      ),
    ).toEqual(['attention-to-detail', 'communication']);
  });
});

describe('themesOf: no false themes', () => {
  it.each([
    'I will detail my plan in the next email.',
    'Thanks so much for coming in; the team enjoyed meeting you.',
    'We decided to go with a candidate who fits our criteria more precisely.',
    'The team was lovely and the system design round was fun.',
    'Strong system design, excellent communication and good testing habits.',
    'You explained your thinking clearly throughout.',
    'Please detail your availability for a call.',
    'The testing of the payment flow is handled by another team.',
    'I did not seem unprepared, and I had read their blog.',
    'We have no concerns about your communication.',
    'I missed the train but the interview went well.',
  ])('%s', (text) => {
    expect(themesOf(text)).toEqual([]);
  });

  it('skips praise in a clause but keeps the shortfall after "but"', () => {
    expect(ids('Great communication, but you missed edge cases in the exercise.')).toEqual([
      'attention-to-detail',
    ]);
  });
});

describe('themesOf: a logged note no phrase names is read by the themes’ words', () => {
  it.each([
    // A phrase names each part of this one; the words agree.
    ["They said my SQL was slow and I didn't explain the trade-offs.", ['technical-depth', 'system-design']],
    // No phrase here: each area's own words, in the clause that says it fell short.
    [
      'They said my queries were slow and my explanation was confusing.',
      ['technical-depth', 'communication'],
    ],
    ['The charge nurse said I was too slow with my meds.', ['clinical-practice']],
    ['Apparently the kerning on my logo was wrong.', ['design-craft']],
    ['They liked my portfolio but my prototype was confusing.', ['design-craft']],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('quotes the sentence and the word that decided', () => {
    const text = 'Nice people. They said my queries were slow.';
    const [m] = themesOf(text);
    expect(m).toMatchObject({ theme: 'technical-depth', evidence: 'They said my queries were slow.' });
    expect(text.slice(m!.phrase.start, m!.phrase.end)).toBe('queries');
  });

  it('puts a field’s own words before a generic one in the same sentence', () => {
    expect(ids('I was too slow with my meds and my updates to the team were late.')[0]).toBe(
      'clinical-practice',
    );
  });

  it.each([
    'We chatted about the weather and my commute.',
    'The interviewer was friendly and the office was lovely.',
    'The team said my SQL was strong.',
    'It is not a judgment of your interviews.',
  ])('names nothing in a sentence that says nothing fell short: %s', (text) => {
    expect(themesOf(text)).toEqual([]);
  });
});

describe('themesOf: everyday words of failure say a clause fell short', () => {
  it.each([
    ['They said I was unable to discuss how the system would scale.', 'system-design'],
    ['My query had incorrect joins.', 'technical-depth'],
    ['I forgot to mention caching and replication.', 'system-design'],
    ['I failed to build a realistic budget.', 'financial-modelling'],
    ['The feedback said my lesson plan was incomplete.', 'teaching-practice'],
    ['Apparently I mixed up the medications for two patients.', 'clinical-practice'],
  ])('%s', (text, theme) => {
    expect(ids(text)).toEqual([theme]);
  });
});

describe('themesOf: a note about the interview’s logistics names no theme', () => {
  it.each([
    "I didn't bring my ID to the interview.",
    'There was no parking near the interview.',
    'I forgot my ID for the interview.',
    'I was unable to attend the interview on Monday.',
  ])('%s', (text) => {
    expect(themesOf(text)).toEqual([]);
  });
});

describe('themesOf: a negated shortfall is not a gap', () => {
  it.each([
    "I wasn't nervous.",
    'I was not nervous at all.',
    'I was never nervous, the panel was kind.',
    "I didn't feel nervous about the interview.",
    'They said I was not unprepared.',
  ])('names nothing: %s', (text) => {
    expect(themesOf(text)).toEqual([]);
  });

  it.each([
    ["I was nervous and didn't explain well.", 'interview-structure'],
    ['I was nervous.', 'interview-structure'],
    ['I got stuck on the coding question.', 'problem-solving'],
    ["I wasn't nervous, but I didn't write any tests.", 'testing'],
    ["I wasn't nervous, but I didn't explain my reasoning.", 'communication'],
  ])('still names what fell short: %s', (text, theme) => {
    expect(ids(text)).toEqual([theme]);
  });
});

describe('themesOf: evidence', () => {
  it('gives each theme once, with its first sentence and exact offsets', () => {
    const text =
      'Thanks for your time. You missed two typos. You also missed three errors in the data. The role needs SQL.';
    const found = themesOf(text);
    expect(found.map((m) => m.theme)).toEqual(['attention-to-detail']);
    const [m] = found;
    expect(m!.evidence).toBe('You missed two typos.');
    expect(text.slice(m!.start, m!.end)).toBe(m!.evidence);
    expect(text.slice(m!.phrase.start, m!.phrase.end)).toBe(m!.phrase.text);
  });

  it('every theme id has a label, a description and suggested actions', () => {
    expect(new Set(THEMES.map((t) => t.id)).size).toBe(THEMES.length);
    for (const t of THEMES) {
      expect(t.label).not.toBe('');
      expect(t.description).not.toBe('');
      expect(t.suggestedActions.length).toBeGreaterThan(0);
    }
  });
});

describe('themesOf on the composer drafts', () => {
  it('finds the gaps of a detailed draft, not its strength', () => {
    const out = composeFeedback(input({ scorecards: [SCREEN, INTERVIEW, FINAL] }));
    expect(out.gaps.map((g) => g.criterionId)).toEqual(['detail', 'design', 'testing']);
    expect(out.strength?.criterionId).toBe('writing');
    // The strength (written communication) is praise, not a theme to work on.
    expect(ids(out.body)).toEqual(['attention-to-detail', 'system-design', 'testing']);
  });

  it('reads the reason sentence of each documented reason', () => {
    const body = (code: string, scorecards = [SCREEN, INTERVIEW]) =>
      composeFeedback(input({ scorecards, reason: reason(code) })).body;
    expect(ids(body('experience-gap'))[0]).toBe('experience-gap');
    expect(ids(body('qualification-missing'))[0]).toBe('qualifications');
    for (const code of ['role-filled', 'internal-candidate', 'role-changed', 'role-cancelled']) {
      expect(ids(body(code, [SCREEN, INTERVIEW, FINAL])), code).toEqual(['beyond-my-control']);
      expect(ids(body(code, [SCREEN])), code).toEqual(['beyond-my-control']);
    }
  });

  it('finds the one gap of a screen-only draft', () => {
    const out = composeFeedback(input({ scorecards: [SCREEN] }));
    expect(ids(out.body)).toEqual(['attention-to-detail']);
  });
});

describe('summarizeThemes', () => {
  it('counts items, not mentions, and sorts by count then label', () => {
    const summary = summarizeThemes([
      { id: 'acme', text: 'You missed two typos. You also made careless errors in the data exercise.' },
      { id: 'globex', text: 'Some small mistakes in the brief. Your answers were hard to follow.' },
      { id: 'initech', text: 'The role was filled internally.' },
      { id: 'hooli', text: 'Thanks, the team enjoyed meeting you.' },
    ]);
    expect(summary.map((s) => [s.theme, s.count])).toEqual([
      ['attention-to-detail', 2],
      ['beyond-my-control', 1],
      ['communication', 1],
    ]);
    expect(summary[0]!.label).toBe('Attention to detail');
    expect(summary[0]!.sources).toEqual([
      { id: 'acme', evidence: 'You missed two typos.' },
      { id: 'globex', evidence: 'Some small mistakes in the brief.' },
    ]);
  });

  it('is empty for no feedback', () => {
    expect(summarizeThemes([])).toEqual([]);
  });
});

describe('themesForRole', () => {
  it('maps a backend engineer to the engineering interview themes', () => {
    expect(themesForRole('Backend Engineer')).toEqual([
      'technical-depth',
      'system-design',
      'problem-solving',
      'communication',
      'interview-structure',
    ]);
  });

  it('adds leadership for a lead and collaboration for a manager of people', () => {
    expect(themesForRole('Senior Backend Engineer')).not.toContain('leadership');
    expect(themesForRole('Tech Lead, Platform')).toContain('leadership');
    const em = themesForRole('Engineering Manager');
    expect(em).toContain('leadership');
    expect(em).toContain('collaboration');
  });

  it('knows other families', () => {
    expect(themesForRole('PR Account Executive').slice(0, 1)).toEqual(['communication']);
    expect(themesForRole('Product Manager')).toContain('collaboration');
    expect(themesForRole('QA Engineer')[0]).toBe('testing');
    expect(themesForRole('Staff Accountant')).toContain('attention-to-detail');
    expect(themesForRole('Office Coordinator')).toEqual([
      'communication',
      'preparation',
      'interview-structure',
    ]);
  });

  it('adds what the description asks for, never experience-gap or beyond-my-control', () => {
    const t = themesForRole(
      'Backend Engineer',
      'You will mentor two engineers, write automated tests and work with stakeholders. 5+ years of experience.',
    );
    expect(t).toEqual(expect.arrayContaining(['leadership', 'testing', 'collaboration']));
    expect(t).not.toContain('experience-gap');
    expect(t).not.toContain('beyond-my-control');
  });
});

describe('remindersFor', () => {
  const actions = [
    {
      id: 'a1',
      theme: 'system-design',
      title: 'Design a URL shortener out loud',
      due: '2024-07-01',
      done: false,
    },
    {
      id: 'a2',
      theme: 'attention-to-detail',
      title: 'Keep a checklist of my usual slips',
      due: null,
      done: false,
    },
    {
      id: 'a3',
      theme: 'technical-depth',
      title: 'Read how Postgres indexes work',
      due: '2024-06-20',
      done: true,
    },
    {
      id: 'a4',
      theme: 'technical-depth',
      title: 'Build a small queue in Go',
      due: '2024-06-15',
      done: false,
    },
    {
      id: 'a5',
      theme: 'system-design',
      title: 'Summarise two architecture posts',
      due: '2024-06-10',
      done: false,
    },
    { id: 'a6', theme: 'beyond-my-control', title: 'Ask Initech about future roles', due: null, done: false },
  ];

  it('reminds only of open actions on themes the role needs, in the role order then by due date', () => {
    const r = remindersFor('Backend Engineer', undefined, actions);
    expect(r.map((x) => x.actionId)).toEqual(['a4', 'a5', 'a1']);
    expect(r[0]!.why).toContain('Backend Engineer');
    expect(r[0]!.why).toContain('technical depth');
    expect(r[0]!.why).toContain('2024-06-15');
  });

  it('picks up themes from the description', () => {
    const r = remindersFor('Backend Engineer', 'Accuracy and attention to detail are essential.', actions);
    expect(r.map((x) => x.actionId)).toContain('a2');
  });

  it('is empty when every action is done or off-theme', () => {
    expect(remindersFor('Copywriter', undefined, [actions[0]!, actions[2]!])).toEqual([]);
  });
});
