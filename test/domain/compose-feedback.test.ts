import { describe, expect, it } from 'vitest';
import { check, hasBlocking } from '../../src/checker';
import {
  type ComposeScorecard,
  composeFeedback,
  DEFAULT_REJECTION_REASONS,
  SKILL_FAMILIES,
  type Stage,
  splitSentences,
} from '../../src/domain';
import { renderObservation } from '../../src/domain/compose/wording';
import { CRITERIA, contentSentences, FINAL, INTERVIEW, input, reason, SCREEN } from './fixtures';

const ALL = [SCREEN, INTERVIEW, FINAL];

describe('gaps and strength', () => {
  it('names only criteria rated below 3, lowest first', () => {
    const out = composeFeedback(input({ scorecards: ALL }));
    expect(out.gaps.map((g) => g.criterionId)).toEqual(['detail', 'design', 'testing']);
    const at = (s: string) => out.body.indexOf(`\n${s}\n`);
    expect(at('Attention to detail')).toBeGreaterThan(0);
    expect(at('Attention to detail')).toBeLessThan(at('System design'));
    expect(at('System design')).toBeLessThan(at('Testing'));
    expect(out.sections.gaps.map((g) => g.criterion)).toEqual([
      'Attention to detail',
      'System design',
      'Testing',
    ]);
    // Python was rated 3 (meets) everywhere: not a gap.
    expect(out.body).not.toContain('Python experience\n');
  });

  it('treats a criterion the panel split on (2 and 4, mean 3) as no gap, and quotes only the low rating for a gap', () => {
    const split: ComposeScorecard = {
      id: 'sc-2',
      stage: 'interview',
      interviewerName: 'Lee Park',
      ratings: [{ criterionId: 'python', rating: 4, evidence: 'The candidate explained generators well.' }],
    };
    const low: ComposeScorecard = {
      id: 'sc-1',
      stage: 'interview',
      interviewerName: 'Ana Costa',
      ratings: [
        { criterionId: 'python', rating: 2, evidence: 'The candidate was unsure about packaging.' },
        { criterionId: 'design', rating: 2, evidence: 'The candidate skipped the failure cases.' },
      ],
    };
    const out = composeFeedback(input({ scorecards: [low, split] }));
    expect(out.gaps.map((g) => g.criterionId)).toEqual(['design']);
    expect(out.body).toContain('you skipped the failure cases');
    expect(out.body).not.toContain('packaging');
  });

  it('leaves out a flagged or redacted rating entirely: its evidence and its weight in the mean', () => {
    const low: ComposeScorecard = {
      id: 'sc-1',
      stage: 'interview',
      interviewerName: 'Ana Costa',
      ratings: [
        {
          criterionId: 'python',
          rating: 1,
          evidence: 'The candidate never wrote a test.',
          leftOut: 'flagged',
        },
        { criterionId: 'design', rating: 1, evidence: '', leftOut: 'redacted' },
        { criterionId: 'testing', rating: 2, evidence: 'The candidate skipped the failure cases.' },
      ],
    };
    const high: ComposeScorecard = {
      id: 'sc-2',
      stage: 'interview',
      interviewerName: 'Lee Park',
      ratings: [
        { criterionId: 'python', rating: 4, evidence: 'The candidate explained generators well.' },
        { criterionId: 'design', rating: 3, evidence: 'The candidate drew the queue and its retries.' },
      ],
    };
    const out = composeFeedback(input({ scorecards: [low, high] }));
    // Counted, python (1 and 4) and design (1 and 3) would be gaps; left out, they are not.
    expect(out.gaps.map((g) => g.criterionId)).toEqual(['testing']);
    expect(out.strength?.criterionId).toBe('python');
    expect(out.strength?.ratings).toBe(1);
    expect(out.body).not.toContain('never wrote a test');
    for (const s of out.sentences)
      for (const e of s.evidence)
        expect(`${e.scorecardId}:${e.criterionId}`).not.toMatch(/^sc-1:(python|design)$/);
    expect(out.omitted).toEqual(
      expect.arrayContaining([
        { scorecardId: 'sc-1', criterionId: 'python', why: 'flagged' },
        { scorecardId: 'sc-1', criterionId: 'design', why: 'redacted' },
      ]),
    );
  });

  it('names the highest-rated criterion as what the candidate did best', () => {
    const out = composeFeedback(input({ scorecards: ALL }));
    expect(out.strength?.criterionId).toBe('writing');
    expect(out.body).toContain('Your strongest area was written communication');
    expect(out.body).toContain('you wrote a clear, well structured summary');
    // The strength comes before the gaps.
    expect(out.body.indexOf('What went well')).toBeLessThan(out.body.indexOf('Attention to detail'));
  });

  it('names no strength when nothing was rated 3 or more', () => {
    const weak: ComposeScorecard = {
      id: 'w',
      stage: 'interview',
      interviewerName: 'Ana Costa',
      ratings: [{ criterionId: 'design', rating: 2, evidence: 'The candidate skipped the failure cases.' }],
    };
    const out = composeFeedback(input({ scorecards: [weak] }));
    expect(out.strength).toBeNull();
    expect(out.body).not.toContain('strongest area');
  });

  it('gives each gap a concrete pointer from its skill family', () => {
    const out = composeFeedback(input({ scorecards: ALL }));
    expect(out.sections.gaps.map((g) => g.pointer)).toEqual([
      'attention-to-detail',
      'system-design',
      'testing',
    ]);
    for (const gap of out.sections.gaps) {
      const family = SKILL_FAMILIES.find((f) => f.id === gap.pointer)!;
      expect(gap.practise).toMatch(/^To practise, /);
      expect(gap.practise).toMatch(family.marks);
      expect(out.body).toContain(gap.practise);
    }
  });

  it('says what the role needs in plain words derived from the name, never the pasted description', () => {
    const criteria = [
      {
        id: 'stats',
        name: 'Statistical reasoning',
        description: 'Chooses and explains appropriate tests; reasons about uncertainty.',
      },
    ];
    const sc: ComposeScorecard = {
      id: 'x',
      stage: 'final',
      interviewerName: 'Ana Costa',
      ratings: [
        {
          criterionId: 'stats',
          rating: 1,
          evidence: 'Given a failing test: found the bug only after two hints',
        },
      ],
    };
    const out = composeFeedback(input({ criteria, scorecards: [sc] }));
    expect(out.body).toContain(
      'The role needs strong statistical reasoning, and we rated this well below that level.',
    );
    expect(out.body).not.toContain('Chooses and explains');
    expect(out.body).not.toContain('we noted');
    expect(out.body).toContain(
      'In the final round, given a failing test, you found the bug only after two hints.',
    );
    expect(out.sections.gaps[0]!.pointer).toBe('statistics');
    expect(out.sections.gaps[0]!.practise).toMatch(/data set/);
  });

  it('gives two gaps of the same family different exercises', () => {
    const criteria = [
      { id: 'a', name: 'Medication administration', description: null },
      { id: 'b', name: 'Infection control', description: null },
      { id: 'c', name: 'Clinical judgement', description: null },
    ];
    const sc: ComposeScorecard = {
      id: 'x',
      stage: 'final',
      interviewerName: 'Ana Costa',
      ratings: criteria.map((c) => ({ criterionId: c.id, rating: 1 as const, evidence: '' })),
    };
    const out = composeFeedback(input({ criteria, scorecards: [sc] }));
    expect(out.sections.gaps.map((g) => g.pointer)).toEqual([
      'clinical-care',
      'clinical-care',
      'clinical-care',
    ]);
    expect(new Set(out.sections.gaps.map((g) => g.practise)).size).toBe(3);
    expect(out.sections.gaps[0]!.practise).toMatch(/medicines/);
    expect(out.sections.gaps[1]!.practise).toMatch(/infection control/);
    expect(check(out.body)).toEqual([]);
  });
});

describe('depth by stage', () => {
  it('after a screen only: short, at most one gap, no evidence quoted', () => {
    const out = composeFeedback(input({ scorecards: [SCREEN] }));
    expect(out.policy.depth).toBe('short');
    const content = contentSentences(out.sentences);
    expect(content.length).toBeGreaterThanOrEqual(2);
    expect(content.length).toBeLessThanOrEqual(4);
    expect(out.body).not.toContain('typos');
    expect(out.body).not.toContain('we noted');
    expect(out.sentences.every((s) => s.evidence.length === 0)).toBe(true);
    expect(out.body).toContain('attention to detail');
    expect(out.body).toContain(reason('skills-gap').candidateText);
    expect(out.gaps).toHaveLength(1);
  });

  it('after interviews: specific, with what was observed', () => {
    const out = composeFeedback(input({ scorecards: [SCREEN, INTERVIEW] }));
    expect(out.policy.depth).toBe('specific');
    expect(out.body).toContain('In the interview, you missed three errors in the data exercise.');
    expect(out.gaps).toHaveLength(2);
  });

  it('after a final round: more gaps and more evidence than after an interview', () => {
    const interview = composeFeedback(input({ scorecards: [SCREEN, INTERVIEW] }));
    const final = composeFeedback(input({ scorecards: ALL }));
    expect(final.policy.depth).toBe('detailed');
    expect(final.gaps.length).toBeGreaterThan(interview.gaps.length);
    const linked = (o: typeof final) => o.sentences.filter((s) => s.evidence.length > 0).length;
    expect(linked(final)).toBeGreaterThan(linked(interview));
    expect(final.body.length).toBeGreaterThan(interview.body.length);
    expect(final.body).toContain('final round');
    // Two observations for the worst gap, from both scorecards that rated it low.
    expect(final.body).toContain('In the interview, you missed three errors');
    expect(final.body).toContain('In the screening conversation, you missed two typos');
  });

  it('with no scorecards at all: short and honest, no gaps', () => {
    const out = composeFeedback(input({ scorecards: [] }));
    expect(out.policy.depth).toBe('short');
    expect(out.gaps).toEqual([]);
    expect(out.body).toContain(reason('skills-gap').candidateText);
  });
});

describe('reasons beyond the candidate’s control', () => {
  const beyond = DEFAULT_REJECTION_REASONS.filter((r) => r.beyondControl);
  it('covers the four documented codes', () => {
    expect(beyond.map((r) => r.code).sort()).toEqual(
      ['internal-candidate', 'role-cancelled', 'role-changed', 'role-filled'].sort(),
    );
  });

  for (const r of beyond) {
    for (const scorecards of [[SCREEN], [SCREEN, INTERVIEW], ALL]) {
      it(`${r.code} after ${scorecards.at(-1)!.stage}: said plainly, no gaps invented`, () => {
        const out = composeFeedback(input({ reason: r, scorecards }));
        expect(out.gaps).toEqual([]);
        expect(out.body).toContain(r.candidateText);
        expect(out.body).toContain('outside your control');
        expect(out.body).not.toContain('The role needs');
        expect(out.body).not.toContain('To practise');
        expect(out.body).not.toContain('typos');
        expect(out.body).not.toContain('three errors');
      });
    }
  }

  it('may still mention the strength the scorecards show', () => {
    const out = composeFeedback(input({ reason: reason('internal-candidate'), scorecards: ALL }));
    expect(out.body).toContain('Your strongest area was written communication');
  });
});

describe('what never reaches the candidate', () => {
  it('leaves out evidence naming an interviewer, by first or full name, in any case', () => {
    const named: ComposeScorecard = {
      ...INTERVIEW,
      ratings: [
        {
          criterionId: 'detail',
          rating: 1,
          evidence: 'Priya had to point out three errors before the candidate saw them.',
        },
        {
          criterionId: 'design',
          rating: 2,
          evidence: 'As dana whitfield noted, the candidate skipped failure cases.',
        },
        { criterionId: 'writing', rating: 4, evidence: 'Marcus liked the summary the candidate wrote.' },
      ],
    };
    const out = composeFeedback(input({ scorecards: [SCREEN, named, FINAL] }));
    for (const name of ['Priya', 'Natarajan', 'Marcus', 'Olsen', 'Dana', 'Whitfield']) {
      expect(out.body.toLowerCase()).not.toContain(name.toLowerCase());
    }
    expect(out.omitted).toEqual(
      expect.arrayContaining([
        { scorecardId: 'sc-interview', criterionId: 'detail', why: 'names-interviewer' },
        { scorecardId: 'sc-interview', criterionId: 'design', why: 'names-interviewer' },
        { scorecardId: 'sc-interview', criterionId: 'writing', why: 'names-interviewer' },
      ]),
    );
    // The other scorecards' evidence for the same criteria is still used.
    expect(out.body).toContain('you missed two typos');
  });

  it('does not mistake an everyday word for an interviewer called Will', () => {
    const will: ComposeScorecard = {
      id: 'sc-will',
      stage: 'interview',
      interviewerName: 'Will Hart',
      ratings: [
        { criterionId: 'design', rating: 2, evidence: 'The candidate said the queue will never fill up.' },
      ],
    };
    const out = composeFeedback(input({ scorecards: [will] }));
    expect(out.body).toContain('the queue will never fill up');
    expect(out.omitted).toEqual([]);
  });

  it('never includes private notes', () => {
    const out = composeFeedback(input({ scorecards: ALL }));
    expect(out.body).not.toContain('PRIVATE');
    expect(out.body).not.toContain('salary');
    expect(out.body).not.toContain('vibe');
  });

  it('leaves out evidence the checker blocks, lists it, and falls back to criterion-level text', () => {
    const risky: ComposeScorecard = {
      id: 'sc-risky',
      stage: 'interview',
      interviewerName: 'Ana Costa',
      ratings: [
        { criterionId: 'design', rating: 2, evidence: 'She seems too old for a fast startup team.' },
        {
          criterionId: 'writing',
          rating: 2,
          evidence: 'Her heavy accent made it hard to follow her answers.',
        },
      ],
    };
    const out = composeFeedback(input({ scorecards: [risky, FINAL] }));
    expect(out.omitted).toEqual(
      expect.arrayContaining([
        { scorecardId: 'sc-risky', criterionId: 'design', why: 'blocked' },
        { scorecardId: 'sc-risky', criterionId: 'writing', why: 'blocked' },
      ]),
    );
    expect(out.body).not.toMatch(/too old|accent|startup/i);
    expect(hasBlocking(check(out.body))).toBe(false);
    expect(hasBlocking(out.findings)).toBe(false);
    // The design gap still stands, with the final round's evidence and the level it was rated.
    expect(out.body).toContain('The role needs strong skills in system design');
    expect(out.body).toContain('you did not consider what happens when a worker fails');
  });

  it('with every observation blocked, still names the gap and how it was rated', () => {
    const risky: ComposeScorecard = {
      id: 'sc-risky',
      stage: 'interview',
      interviewerName: 'Ana Costa',
      ratings: [
        { criterionId: 'design', rating: 1, evidence: 'He is a digital immigrant, too old to learn this.' },
      ],
    };
    const out = composeFeedback(input({ scorecards: [risky] }));
    expect(out.body).toContain('\nSystem design\n');
    expect(out.body).toContain(
      'The role needs strong skills in system design, and we rated this well below that level.',
    );
    expect(out.body).not.toMatch(/old|immigrant/i);
    expect(hasBlocking(check(out.body))).toBe(false);
  });
});

describe('template text', () => {
  // Every criterion the pointer table knows, plus one it does not (the generic pointer).
  const criteria = [
    ...CRITERIA,
    { id: 'sh', name: 'Stakeholder management', description: 'Works with clients and product managers' },
    { id: 'lead', name: 'Leadership', description: 'Leads projects and mentors others' },
    { id: 'ps', name: 'Problem solving', description: null },
    { id: 'code', name: 'Coding', description: 'Writes maintainable code' },
    { id: 'dom', name: 'Domain knowledge', description: 'Understands freight and customs rules' },
    { id: 'qual', name: 'Forklift licence', description: 'A valid licence is required on site' },
    { id: 'verbal', name: 'Verbal communication', description: 'Explains ideas clearly' },
    { id: 'k8s', name: 'Experience with Kubernetes', description: null },
    { id: 'other', name: 'Negotiation', description: 'Agrees terms with carriers' },
  ];
  const blank = (stage: Stage, id: string, rating: 1 | 2 | 3 | 4): ComposeScorecard => ({
    id,
    stage,
    interviewerName: 'Ana Costa',
    ratings: criteria.map((c, i) => ({ criterionId: c.id, rating: i === 2 ? 4 : rating, evidence: '' })),
  });
  const rounds: Record<string, ComposeScorecard[]> = {
    screen: [blank('screen', 'a', 2)],
    interview: [blank('screen', 'a', 2), blank('interview', 'b', 1)],
    final: [blank('screen', 'a', 2), blank('interview', 'b', 1), blank('final', 'c', 2)],
  };
  for (const r of DEFAULT_REJECTION_REASONS) {
    for (const [stage, scorecards] of Object.entries(rounds)) {
      it(`${r.code} after ${stage}: no checker finding at all`, () => {
        const out = composeFeedback({ ...input({ reason: r, scorecards, criteria }) });
        expect(out.findings).toEqual([]);
        expect(check(out.body)).toEqual([]);
      });
    }
  }

  it('every pointer, including the generic one, yields no checker finding', () => {
    for (const c of criteria) {
      const single: ComposeScorecard = {
        id: 'x',
        stage: 'final',
        interviewerName: 'Ana Costa',
        ratings: [{ criterionId: c.id, rating: 1, evidence: '' }],
      };
      const out = composeFeedback(input({ criteria, scorecards: [single] }));
      expect(out.gaps.map((g) => g.criterionId)).toEqual([c.id]);
      expect(check(out.body)).toEqual([]);
    }
  });

  it('uses plain paragraphs, no Markdown, and greets the candidate by first name', () => {
    const out = composeFeedback(input({ scorecards: ALL }));
    expect(out.body.startsWith('Dear Sam,\n\n')).toBe(true);
    expect(out.body).not.toMatch(/^[#*-] |\*\*|__|^\d+\. /m);
    expect(out.body).toContain('for the Backend Engineer role');
    expect(out.body).toContain('at Acme Logistics');
    expect(out.body).not.toMatch(/noted:|\.\.|,\./);
    expect(out.body).toContain('We have decided not to offer you the role.');
    expect(out.body).toContain('we would welcome an application from you for a future role');
    expect(out.body).not.toContain('Rivera');
  });
});

describe('sentences and evidence links', () => {
  it('has every sentence of the body, with exact offsets', () => {
    for (const scorecards of [[SCREEN], [SCREEN, INTERVIEW], ALL]) {
      const out = composeFeedback(input({ scorecards }));
      for (const s of out.sentences) expect(out.body.slice(s.start, s.end)).toBe(s.text);
      expect(out.sentences.map(({ text, start, end }) => ({ text, start, end }))).toEqual(
        splitSentences(out.body),
      );
      // Nothing but white space between sentences.
      let cursor = 0;
      for (const s of out.sentences) {
        expect(out.body.slice(cursor, s.start).trim()).toBe('');
        cursor = s.end;
      }
      expect(out.body.slice(cursor).trim()).toBe('');
    }
  });

  it('links sentences built from evidence to the scorecard and criterion, and template sentences to nothing', () => {
    const out = composeFeedback(input({ scorecards: ALL }));
    const observed = out.sentences.find((s) => s.text.includes('three errors'))!;
    expect(observed.evidence).toEqual([
      {
        scorecardId: 'sc-interview',
        criterionId: 'detail',
        excerpt: 'The candidate missed three errors in the data exercise.',
      },
    ]);
    const strength = out.sentences.find((s) => s.text.includes('well structured summary'))!;
    expect(strength.evidence).toEqual([
      {
        scorecardId: 'sc-interview',
        criterionId: 'writing',
        excerpt: 'The candidate wrote a clear, well structured summary.',
      },
    ]);
    for (const s of out.sentences) {
      if (/The role needs|To practise|Thank you|Dear|Kind regards|What went well/.test(s.text)) {
        expect(s.evidence).toEqual([]);
      }
    }
    const linked = out.sentences.filter((s) => s.evidence.length > 0);
    // Three gaps with two observations each (detailed), and one for the strength.
    expect(linked.length).toBe(7);
  });

  it('trims a long excerpt to about 200 characters', () => {
    const long = `The candidate missed ${'several small but important details in the written exercise, '.repeat(6)}and more.`;
    const sc: ComposeScorecard = {
      id: 'long',
      stage: 'interview',
      interviewerName: 'Ana Costa',
      ratings: [{ criterionId: 'detail', rating: 1, evidence: long }],
    };
    const out = composeFeedback(input({ scorecards: [sc] }));
    const link = out.sentences.flatMap((s) => s.evidence)[0]!;
    expect(link.excerpt.length).toBeLessThanOrEqual(201);
    expect(link.excerpt.endsWith('…')).toBe(true);
    expect(long.startsWith(link.excerpt.slice(0, -1))).toBe(true);
  });
});

describe('addressing the candidate', () => {
  it('turns notes about “the candidate” into “you”, and presents others neutrally', () => {
    const sc: ComposeScorecard = {
      id: 'mixed',
      stage: 'interview',
      interviewerName: 'Ana Costa',
      ratings: [
        {
          criterionId: 'detail',
          rating: 1,
          evidence: 'Sam was unsure which figures in the report were wrong.',
        },
        { criterionId: 'design', rating: 2, evidence: 'Candidate tends to skip the failure cases.' },
      ],
    };
    const out = composeFeedback(input({ scorecards: [sc] }));
    expect(out.body).toContain('In the interview, you were unsure which figures in the report were wrong.');
    expect(out.body).toContain('You tend to skip the failure cases.');
    expect(out.body).not.toMatch(/noted:/);
  });
});

it('is deterministic', () => {
  const a = composeFeedback(input({ scorecards: ALL }));
  const b = composeFeedback(input({ scorecards: ALL }));
  expect(b).toEqual(a);
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
});

it('prefers an observation the checker has nothing to say about over one it warns on', () => {
  const vague: ComposeScorecard = {
    id: 'vague',
    stage: 'interview',
    interviewerName: 'Ana Costa',
    ratings: [
      { criterionId: 'design', rating: 1, evidence: 'Something was missing, not a strong enough answer.' },
    ],
  };
  const concrete: ComposeScorecard = {
    id: 'concrete',
    stage: 'interview',
    interviewerName: 'Lee Park',
    ratings: [
      {
        criterionId: 'design',
        rating: 2,
        evidence: 'The candidate did not say how the service would recover.',
      },
    ],
  };
  expect(check('Something was missing, not a strong enough answer.').length).toBeGreaterThan(0);
  const out = composeFeedback(input({ scorecards: [vague, concrete] }));
  expect(out.body).toContain('you did not say how the service would recover');
  expect(out.body).not.toContain('Something was missing');
});

describe('cleaning a raw note into sentences to the candidate', () => {
  it.each([
    [
      '- A/B test case: did not check sample size\n- unsure about p-values',
      'final',
      'On the A/B test case, you did not check sample size. You were unsure about p-values.',
    ],
    [
      'price objection: hesitated, no clear answer',
      'interview',
      'In the interview, you did not give a clear answer on the price objection.',
    ],
    [
      'weak on joins; didnt check the answer',
      'interview',
      "In the interview, you were weak on joins. You didn't check the answer.",
    ],
    ['Candidate tends to skip the failure cases...', 'interview', 'You tend to skip the failure cases.'],
    ['Q3 - the queue: not covered', 'final', 'In the final round, you did not cover the queue.'],
    [
      'Given a failing test: found the bug only after two hints',
      'interview',
      'In the interview, given a failing test, you found the bug only after two hints.',
    ],
    [
      'NEWS2 score: calculated correctly, unsure when to call the outreach team',
      'final',
      'On the NEWS2 score, you calculated correctly, but you were unsure when to call the outreach team.',
    ],
    ['The code had no tests.', 'interview', 'In the interview, we saw that the code had no tests.'],
  ] as const)('%j', (note, stage, expected) => {
    expect(renderObservation(note, stage, ['Sam Rivera', 'Sam'], 2)).toBe(expected);
  });

  it('gives up on a note it cannot say reliably, rather than pasting it', () => {
    expect(renderObservation('They said I was late.', 'interview', [], 2)).toBeNull();
    expect(renderObservation('???', 'interview', [], 2)).toBeNull();
  });

  it('with room for one sentence, keeps what was seen over the setup of the question', () => {
    expect(
      renderObservation(
        'We asked the candidate to walk through the forecast. The candidate gave a partial answer.',
        'final',
        [],
        1,
      ),
    ).toBe('In the final round, you gave a partial answer.');
  });
});
