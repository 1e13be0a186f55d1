// The improvement plan's themes: one theme per gap from its criterion and what was observed (never the employer's
// advice), fitting the candidate's field, merged across Debrief feedback and logged feedback, recurring gaps first.
import { describe, expect, it } from 'vitest';
import { type ComposeCriterion, type ComposeScorecard, composeFeedback } from '../../src/domain';
import { gapsOfFeedback, type PlanSource, planThemes, themeOfGap, themesOf } from '../../src/domain/themes';
import { input } from './fixtures';

const ids = (text: string) => themesOf(text).map((m) => m.theme);

const ANALYST_CRITERIA: ComposeCriterion[] = [
  {
    id: 'stats',
    name: 'Significance testing',
    description: 'Chooses the right statistical test and checks its assumptions',
  },
  {
    id: 'stakeholders',
    name: 'Stakeholder communication',
    description: 'Keeps partner teams informed in plain language',
  },
  { id: 'sql', name: 'SQL', description: null },
];
const ANALYST_INTERVIEW: ComposeScorecard = {
  id: 'sc-analyst',
  stage: 'interview',
  interviewerName: 'Lena Fischer',
  ratings: [
    {
      criterionId: 'stats',
      rating: 1,
      evidence: 'The candidate ran an unpaired t-test on paired data and did not check its assumptions.',
    },
    {
      criterionId: 'stakeholders',
      rating: 2,
      evidence: 'The candidate’s summary for the product team was hard to follow.',
    },
    { criterionId: 'sql', rating: 4, evidence: 'The candidate wrote clean, correct queries.' },
  ],
  notes: null,
};
const analystFeedback = (organizationName: string) =>
  composeFeedback(
    input({
      organizationName,
      jobTitle: 'Data Analyst',
      criteria: ANALYST_CRITERIA,
      scorecards: [ANALYST_INTERVIEW],
    }),
  );

describe('a gap gets the theme of its field', () => {
  it('reads significance testing as statistics, never software testing', () => {
    expect(
      themeOfGap({
        criterion: 'Significance testing',
        evidence: 'Ran an unpaired t-test on paired data and did not check its assumptions.',
      })?.theme,
    ).toBe('quantitative-analysis');
    expect(ids('Her hypothesis testing was weak.')).toEqual(['quantitative-analysis']);
    expect(ids('Significance testing was below what the role needs.')).not.toContain('testing');
    // Software testing still is software testing.
    expect(themeOfGap({ criterion: 'Testing', evidence: 'Wrote no tests for the exercise.' })?.theme).toBe(
      'testing',
    );
  });

  it('reads stakeholder communication as communication, not collaboration', () => {
    expect(ids('Stakeholder communication needs work.')).toEqual(['communication']);
    expect(
      themeOfGap({
        criterion: 'Stakeholder communication',
        evidence: 'The summary for the product team was hard to follow.',
      })?.theme,
    ).toBe('communication');
  });

  it('has themes for clinical, classroom, sales and finance gaps', () => {
    const theme = (criterion: string, evidence: string) => themeOfGap({ criterion, evidence })?.theme;
    expect(theme('Patient assessment', 'Did not escalate the falling blood pressure.')).toBe(
      'clinical-practice',
    );
    expect(theme('Sample lesson', 'Lost control of the class; the pace of the lesson was slow.')).toBe(
      'teaching-practice',
    );
    expect(theme('Discovery', 'Pitched too early, before understanding the buyer.')).toBe(
      'sales-negotiation',
    );
    expect(theme('Financial modelling', 'The three-statement model did not balance.')).toBe(
      'financial-modelling',
    );
  });

  it('reads the words of a field where no phrase names the area, and lets the field win over a generic theme', () => {
    const theme = (criterion: string | null, evidence: string) => themeOfGap({ criterion, evidence })?.theme;
    // No phrase of any theme: the field's words decide.
    expect(theme(null, 'Patients were moved without checking how many needed help to transfer.')).toBe(
      'clinical-practice',
    );
    expect(theme('Feedback and assessment', 'Marking is not frequent enough.')).toBe('teaching-practice');
    expect(theme(null, 'Never asked the buyer what they needed before quoting.')).toBe('sales-negotiation');
    // A criterion about data, on a ward: patient care, not statistics.
    expect(theme('Interprets data', 'Abnormal labs were not explained from the patient’s condition.')).toBe(
      'clinical-practice',
    );
    // Forms of a listed word count: "cooperating", "teammates", "prioritised".
    expect(theme('Teamwork', 'Inactive in cooperating with teammates.')).toBe('collaboration');
    // Words WordNet relates to a listed one count too ("punctuality" beside "punctual").
    expect(theme(null, 'Punctuality was a problem this term.')).toBe('organisation');
    // Praise or a gap with no area still has no theme.
    expect(theme(null, 'Thank you for your time.')).toBeUndefined();
  });
});

describe('gapsOfFeedback: what fell short, never the advice', () => {
  it('gives each gap of a Debrief letter one theme and quotes what was observed, not the description', () => {
    const out = analystFeedback('Acme Analytics');
    const gaps = gapsOfFeedback(out.body, out.sentences);
    expect(gaps.map((g) => [g.theme, g.criterion])).toEqual([
      ['quantitative-analysis', 'Significance testing'],
      ['communication', 'Stakeholder communication'],
    ]);
    expect(gaps[0]?.evidence).toMatch(/unpaired t-test on paired data/);
    expect(gaps[0]?.evidence).not.toMatch(/Chooses the right statistical test/);
    expect(gaps[1]?.evidence).toMatch(/hard to follow/);
    expect(gaps[1]?.evidence).not.toMatch(/Keeps partner teams informed/);
    // The strength (SQL) is not a gap.
    expect(gaps.map((g) => g.criterion)).not.toContain('SQL');
  });

  it('never takes a theme from the employer’s practice tip', () => {
    const body = [
      'Dear Sam,',
      'Significance testing is a requirement of this role: chooses the right test. We assessed this as below the level the role needs. In the interview, you ran an unpaired t-test on paired data. To prepare for a similar role, write tests alongside the code and work on your collaboration with stakeholders.',
      'Kind regards,\nThe Acme hiring team',
    ].join('\n\n');
    expect(gapsOfFeedback(body).map((g) => g.theme)).toEqual(['quantitative-analysis']);
    // A logged note that pastes advice keeps only what fell short.
    const note = 'They said my stakeholder updates were unclear. Our tip: write tests alongside the code.';
    expect(gapsOfFeedback(note).map((g) => g.theme)).toEqual(['communication']);
  });

  it('reads a short letter’s one gap by its criterion', () => {
    const out = composeFeedback(
      input({
        jobTitle: 'Data Analyst',
        criteria: ANALYST_CRITERIA,
        scorecards: [{ ...ANALYST_INTERVIEW, stage: 'screen' }],
      }),
    );
    expect(gapsOfFeedback(out.body, out.sentences).map((g) => g.theme)).toEqual(['quantitative-analysis']);
  });
});

describe('planThemes: recurring gaps first', () => {
  const debrief = (id: string, applicationId: string, company: string): PlanSource => {
    const out = analystFeedback(company);
    return { id, kind: 'debrief', applicationId, company, gaps: gapsOfFeedback(out.body, out.sentences) };
  };

  it('merges two employers’ feedback and a logged call, and marks the repeated gaps recurring', () => {
    const call: PlanSource = {
      id: 'call-1',
      kind: 'logged',
      applicationId: 'app-3',
      company: 'Cobalt Health',
      gaps: gapsOfFeedback(
        'On the call they said my hypothesis testing was shaky and my stakeholder updates were hard to follow. I also missed the deadline for the take-home.',
      ),
    };
    const themes = planThemes([
      debrief('fb-1', 'app-1', 'Acme Analytics'),
      debrief('fb-2', 'app-2', 'Birch Bank'),
      call,
    ]);
    expect(themes.map((t) => [t.theme, t.count, t.recurring])).toEqual([
      // Equal counts go by label: Communication, then Statistics and data analysis.
      ['communication', 3, true],
      ['quantitative-analysis', 3, true],
      ['organisation', 1, false],
    ]);
    expect(themes[0]?.summary).toBe('Came up in 3 of your 3 rejections');
    expect(themes[2]?.summary).toBe('Came up in 1 of your 3 rejections');
    const stats = themes[1]!;
    expect(stats.quotes.map((q) => q.company)).toEqual(['Acme Analytics', 'Birch Bank', 'Cobalt Health']);
    expect(
      stats.quotes.every((q) => q.evidence && !/Chooses the right statistical test/.test(q.evidence)),
    ).toBe(true);
    expect(stats.suggestedActions.join(' ')).toMatch(/statistical test|hypothesis/);
    expect(stats.suggestedActions.join(' ')).not.toMatch(/write tests alongside the code/i);
  });

  it('counts feedback about the same rejection once', () => {
    const call: PlanSource = {
      id: 'call-2',
      kind: 'logged',
      applicationId: 'app-1',
      company: 'Acme Analytics',
      gaps: gapsOfFeedback('They repeated that my significance testing was weak.'),
    };
    const themes = planThemes([
      debrief('fb-1', 'app-1', 'Acme Analytics'),
      call,
      debrief('fb-2', 'app-2', 'Birch Bank'),
    ]);
    const stats = themes.find((t) => t.theme === 'quantitative-analysis');
    expect(stats?.count).toBe(2);
    expect(stats?.summary).toBe('Came up in 2 of your 2 rejections');
    expect(stats?.quotes).toHaveLength(3);
  });

  it('reads a logged note that no phrase names by the themes’ words', () => {
    const call: PlanSource = {
      id: 'call-3',
      kind: 'logged',
      applicationId: 'app-4',
      company: 'Delta Data',
      gaps: gapsOfFeedback(
        'Friendly team. They said my queries were slow and my explanation was confusing. We should work on your dashboards.',
      ),
    };
    expect(call.gaps).toEqual([
      {
        theme: 'technical-depth',
        criterion: null,
        evidence: 'They said my queries were slow and my explanation was confusing.',
      },
      {
        theme: 'communication',
        criterion: null,
        evidence: 'They said my queries were slow and my explanation was confusing.',
      },
      { theme: 'quantitative-analysis', criterion: null, evidence: 'We should work on your dashboards.' },
    ]);
    expect(planThemes([call]).map((t) => t.theme)).toEqual([
      'communication',
      'quantitative-analysis',
      'technical-depth',
    ]);
  });

  it('is empty without feedback', () => {
    expect(planThemes([])).toEqual([]);
  });
});

describe('a gap gets its theme: classes of the fourth set’s learn half', () => {
  const theme = (criterion: string | null, evidence: string) => themeOfGap({ criterion, evidence })?.theme;

  it('reads code that went in without its tests, and tests that were dropped, as software testing', () => {
    expect(theme('Code review', 'Changes to the billing module went in without corresponding tests.')).toBe(
      'testing',
    );
    expect(theme(null, 'Fragile tests were switched off instead of fixed.')).toBe('testing');
  });
});

describe('a gap gets its theme: not learning from mistakes', () => {
  it('reads mistakes made again, and not learning from them, as adaptability and learning', () => {
    const theme = (criterion: string | null, evidence: string) => themeOfGap({ criterion, evidence })?.theme;
    expect(
      theme('Problem solving', 'Sam repeated the same errors and did not learn from the feedback.'),
    ).toBe('adaptability');
  });
});

describe('a gap gets its theme: a routine step forgotten', () => {
  it('reads a forgotten step and an order not written down as attention to detail, not the words around them', () => {
    const theme = (criterion: string | null, evidence: string) => themeOfGap({ criterion, evidence })?.theme;
    expect(theme(null, 'He forgot to attach the signed form, so the client had to email us again.')).toBe(
      'attention-to-detail',
    );
    expect(theme(null, 'She never writes orders down, and talks the table through them from memory.')).toBe(
      'attention-to-detail',
    );
  });
});

describe('a gap gets its theme: managing a team', () => {
  it('reads managing one’s team, setting its goals and giving it feedback as leadership, not teamwork', () => {
    const theme = (criterion: string | null, evidence: string) => themeOfGap({ criterion, evidence })?.theme;
    expect(theme(null, 'Dana struggled to manage her team once she was promoted.')).toBe('leadership');
    expect(theme(null, 'As a manager he rarely gave feedback to his team.')).toBe('leadership');
  });
});

describe('a gap gets its theme: an electrician’s own methods', () => {
  it('reads wiring, breakers and conduit as the knowledge of the job’s methods', () => {
    const theme = (criterion: string | null, evidence: string) => themeOfGap({ criterion, evidence })?.theme;
    expect(theme(null, 'Two circuits were put on one breaker and the wire was undersized.')).toBe(
      'technical-depth',
    );
  });
});

describe('a gap gets its theme: a heading that only labels a case', () => {
  it('does not read "Scenario" in a heading as problem solving', () => {
    const theme = (criterion: string | null, evidence: string) => themeOfGap({ criterion, evidence })?.theme;
    expect(theme('Scenario 2', 'The code did not compile.')).toBe('technical-depth');
    // In what was observed, the word still counts.
    expect(theme(null, 'Froze on the hypothetical scenario and offered no way forward.')).toBe(
      'problem-solving',
    );
  });
});

describe('a gap gets its theme: expertise the role needs', () => {
  it('reads a lack of expertise as an experience gap, and a lack of industry expertise as domain knowledge', () => {
    const theme = (criterion: string | null, evidence: string) => themeOfGap({ criterion, evidence })?.theme;
    expect(theme(null, 'He lacked expertise with Kubernetes, which the role requires.')).toBe(
      'experience-gap',
    );
    expect(theme(null, 'She lacks industry expertise in payments.')).toBe('domain-knowledge');
  });
});

describe('a gap gets its theme: no sense of urgency', () => {
  it('reads a lack of urgency as organisation and time management', () => {
    expect(
      themeOfGap({ criterion: null, evidence: 'There was little sense of urgency at the pass.' })?.theme,
    ).toBe('organisation');
  });
});

describe('a gap gets its theme: spelling', () => {
  it('reads misspelled names and spelling as attention to detail', () => {
    const theme = (criterion: string | null, evidence: string) => themeOfGap({ criterion, evidence })?.theme;
    expect(theme(null, 'The client’s name was misspelled on both letters.')).toBe('attention-to-detail');
    expect(theme(null, 'Spelling and pronouns were wrong throughout the draft.')).toBe('attention-to-detail');
  });
});

describe('a gap gets its theme: records not kept', () => {
  it('reads logs, forms and timesheets left unfilled as organisation', () => {
    const theme = (criterion: string | null, evidence: string) => themeOfGap({ criterion, evidence })?.theme;
    expect(theme(null, 'He stopped filling out the daily delivery log in March.')).toBe('organisation');
  });
});

describe('a gap gets its theme: the market’s trends', () => {
  it('reads not following the trends in the market as domain knowledge, not adaptability', () => {
    const theme = (criterion: string | null, evidence: string) => themeOfGap({ criterion, evidence })?.theme;
    expect(theme(null, 'She should follow the shifts and changes in the industry more closely.')).toBe(
      'domain-knowledge',
    );
  });
});
