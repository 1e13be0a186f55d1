import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker';
import { splitSentences } from '../../src/domain';
import {
  type CoachApplication,
  type CoachRound,
  planFeedbackRequest,
  wordCount,
} from '../../src/domain/request-coach';

const NOW = new Date('2024-05-11T09:30:00Z');

const SCREEN: CoachRound = {
  stage: 'Phone screen',
  date: '2024-04-20',
  interviewers: [{ name: 'Priya Natarajan', role: 'Talent partner' }],
  rapport: 3,
};
const TECH: CoachRound = {
  stage: 'Technical interview',
  date: '2024-04-28',
  interviewers: [{ name: 'Marcus Olsen', email: 'marcus@acme.test' }],
  rapport: 4,
};
const FINAL: CoachRound = {
  stage: 'Final round',
  date: '2024-05-05',
  interviewers: [{ name: 'Dana Whitfield', role: 'Engineering manager', email: 'dana@acme.test' }],
  rapport: 3,
};

function app(overrides: Partial<CoachApplication> = {}): CoachApplication {
  return {
    company: 'Acme Logistics',
    role: 'Backend Engineer',
    candidateName: 'Sam Rivera',
    source: 'job board',
    recruiter: null,
    rejectedAt: '2024-05-10',
    roleFilled: null,
    decisionFinal: null,
    reason: null,
    rounds: [SCREEN, TECH, FINAL],
    ...overrides,
  };
}

/** The body's sentences after the greeting line. */
function sentencesAfterGreeting(body: string): string[] {
  return splitSentences(body)
    .map((s) => s.text)
    .slice(1);
}

describe('when to ask', () => {
  it('rejected yesterday: ask today', () => {
    const plan = planFeedbackRequest(app({ rejectedAt: '2024-05-10' }), NOW);
    expect(plan.ask.earliest).toBe('2024-05-11');
    expect(plan.ask.ready).toBe(true);
    expect(plan.ask.advice).toMatch(/ask now/);
  });

  it('rejected today: wait a day to cool off', () => {
    const plan = planFeedbackRequest(app({ rejectedAt: '2024-05-11' }), NOW);
    expect(plan.ask.earliest).toBe('2024-05-12');
    expect(plan.ask.advice).toContain('cool off');
    expect(plan.ask.advice).toContain('Sunday 12 May');
    expect(plan.ask.advice).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('rejected long ago: today, not a date in the past (a timestamp is read as its day)', () => {
    expect(planFeedbackRequest(app({ rejectedAt: '2024-03-01T16:00:00Z' }), NOW).ask.earliest).toBe(
      '2024-05-11',
    );
  });

  it('decision not final and role not known to be filled: wait until it is', () => {
    const plan = planFeedbackRequest(app({ decisionFinal: false, roleFilled: null }), NOW);
    expect(plan.ask.ready).toBe(false);
    expect(plan.ask.advice).toMatch(/^Wait until the decision is final or you know the role has been filled/);
  });

  it('the role is filled: ready even if the decision was not marked final', () => {
    const plan = planFeedbackRequest(app({ decisionFinal: false, roleFilled: true }), NOW);
    expect(plan.ask.ready).toBe(true);
  });

  it('no rejection recorded and nothing known: wait', () => {
    expect(planFeedbackRequest(app({ rejectedAt: null }), NOW).ask.ready).toBe(false);
    expect(planFeedbackRequest(app({ rejectedAt: null, decisionFinal: true }), NOW).ask.earliest).toBe(
      '2024-05-11',
    );
  });
});

describe('how likely feedback is', () => {
  it('a screen-only rejection is low, with honest expectations', () => {
    const plan = planFeedbackRequest(
      app({ rounds: [{ ...SCREEN, rapport: 5 }], reason: 'You missed two typos in your cover letter.' }),
      NOW,
    );
    expect(plan.ask.likelihood).toBe('low');
    expect(plan.ask.screenOnly).toBe(true);
    expect(plan.ask.advice).toMatch(/rarely brings detailed feedback/);
    expect(plan.ask.advice).toMatch(/don't expect/);
  });

  it('a rejection on the application alone is low too', () => {
    expect(planFeedbackRequest(app({ rounds: [] }), NOW).ask.likelihood).toBe('low');
  });

  it('three interview rounds, rapport 5 and a substantive reason: high', () => {
    const plan = planFeedbackRequest(
      app({
        rounds: [SCREEN, TECH, { ...TECH, stage: 'System design', date: '2024-05-01', rapport: 5 }, FINAL],
        reason: 'Your system design answers did not cover failure handling.',
      }),
      NOW,
    );
    expect(plan.ask.likelihood).toBe('high');
    expect(plan.ask.reasonKind).toBe('substantive');
    expect(plan.ask.reasons.join(' ')).toMatch(/three interview rounds/);
  });

  it('rises with rounds, rapport and a substantive reason', () => {
    const one = planFeedbackRequest(app({ rounds: [SCREEN, { ...TECH, rapport: 3 }] }), NOW).ask;
    const rapport = planFeedbackRequest(app({ rounds: [SCREEN, { ...TECH, rapport: 5 }] }), NOW).ask;
    const reason = planFeedbackRequest(
      app({
        rounds: [SCREEN, { ...TECH, rapport: 5 }],
        reason: 'You rushed the exercise and missed edge cases.',
      }),
      NOW,
    ).ask;
    expect(one.score).toBeLessThan(rapport.score);
    expect(rapport.score).toBeLessThan(reason.score);
    expect(one.likelihood).toBe('medium');
    // One interview round is not "several rounds" (docs/domain.md#asking-for-feedback): even with rapport and a reason, medium.
    expect(reason.likelihood).toBe('medium');
    const twoRounds = planFeedbackRequest(
      app({
        rounds: [SCREEN, { ...TECH, rapport: 5 }, FINAL],
        reason: 'You rushed the exercise and missed edge cases.',
      }),
      NOW,
    ).ask;
    expect(twoRounds.score).toBeGreaterThan(reason.score);
    expect(twoRounds.likelihood).toBe('high');
  });

  it('poor rapport and a "fit" reason bring it down', () => {
    const plan = planFeedbackRequest(
      app({ rounds: [SCREEN, { ...TECH, rapport: 2 }], reason: 'We did not feel you were a culture fit.' }),
      NOW,
    );
    expect(plan.ask.likelihood).toBe('low');
    expect(plan.ask.reasonKind).toBe('personality');
    expect(plan.ask.advice).toMatch(/can't discuss candidly/);
  });

  it('a reason beyond the candidate’s control asks what would make them stronger next time', () => {
    const plan = planFeedbackRequest(app({ reason: 'The role was filled internally.' }), NOW);
    expect(plan.ask.reasonKind).toBe('beyond-control');
    expect(plan.draft.body).toContain('stronger candidate for a future role');
  });
});

describe('whom to ask, and how', () => {
  it('a third-party recruiter wins, by phone', () => {
    const plan = planFeedbackRequest(
      app({ recruiter: { name: 'Lindsay Olson', agency: 'Paradigm Staffing', email: 'l@paradigm.test' } }),
      NOW,
    );
    expect(plan.contact).toMatchObject({
      name: 'Lindsay Olson',
      kind: 'recruiter',
      email: 'l@paradigm.test',
    });
    expect(plan.channel.kind).toBe('call');
    expect(plan.draft.body).toMatch(/^Hi Lindsay,/);
    expect(plan.draft.body).toContain('become a better interviewer');
  });

  it('otherwise the interviewer with the best rapport', () => {
    const plan = planFeedbackRequest(app(), NOW);
    expect(plan.contact).toMatchObject({ name: 'Marcus Olsen', kind: 'interviewer' });
    expect(plan.draft.body).toMatch(/^Hi Marcus,/);
  });

  it('a tie goes to the latest round', () => {
    const plan = planFeedbackRequest(app({ rounds: [SCREEN, TECH, { ...FINAL, rapport: 4 }] }), NOW);
    expect(plan.contact?.name).toBe('Dana Whitfield');
    // Order of the rounds in the input does not matter, their dates do.
    const shuffled = planFeedbackRequest(app({ rounds: [{ ...FINAL, rapport: 4 }, TECH, SCREEN] }), NOW);
    expect(shuffled.contact?.name).toBe('Dana Whitfield');
  });

  it('no rapport recorded: the most recent round', () => {
    const rounds = [SCREEN, TECH, FINAL].map((r) => ({ ...r, rapport: null }));
    expect(planFeedbackRequest(app({ rounds }), NOW).contact?.name).toBe('Dana Whitfield');
  });

  it('no interviewers and no recruiter: the hiring team, by email', () => {
    const plan = planFeedbackRequest(app({ rounds: [] }), NOW);
    expect(plan.contact).toMatchObject({ kind: 'hiring-team', name: 'Acme Logistics hiring team' });
    expect(plan.channel.kind).toBe('email');
    expect(plan.draft.body).toMatch(/^Hello,/);
  });

  it('a call when you have their number and got on well; otherwise email', () => {
    const withPhone = { ...TECH, interviewers: [{ name: 'Marcus Olsen', phone: '+1 555 0100' }] };
    expect(
      planFeedbackRequest(app({ rounds: [SCREEN, { ...withPhone, rapport: 5 }] }), NOW).channel.kind,
    ).toBe('call');
    expect(
      planFeedbackRequest(app({ rounds: [SCREEN, { ...withPhone, rapport: 3 }] }), NOW).channel.kind,
    ).toBe('email');
    const noPhone = planFeedbackRequest(app({ rounds: [SCREEN, { ...TECH, rapport: 5 }] }), NOW).channel;
    expect(noPhone.kind).toBe('email');
    expect(noPhone.why).toMatch(/no phone number/);
  });

  it('the call version of the draft asks for a short call', () => {
    const withPhone = {
      ...TECH,
      rapport: 5 as const,
      interviewers: [{ name: 'Marcus Olsen', phone: '+1 555 0100' }],
    };
    expect(planFeedbackRequest(app({ rounds: [SCREEN, withPhone] }), NOW).draft.body).toMatch(/short call/);
  });
});

describe('the draft', () => {
  it('opens with thanks, then accepts the decision, in the first two sentences', () => {
    const body = planFeedbackRequest(app(), NOW).draft.body;
    const [first, second] = sentencesAfterGreeting(body);
    expect(first).toMatch(/^Thank you\b/);
    expect(second).toMatch(/\b(?:respect|accept) (?:your|their) decision\b/);
  });

  it('asks once, for one or two pointers, framed as improving', () => {
    const body = planFeedbackRequest(app(), NOW).draft.body;
    expect(body.match(/\?/g)).toHaveLength(1);
    expect(body).toContain('one or two pointers');
    expect(body).toMatch(/improve/);
    expect(body).not.toMatch(/why wasn't I|what did I do wrong/i);
  });

  it('says they would apply again and signs with the candidate’s name', () => {
    const body = planFeedbackRequest(app(), NOW).draft.body;
    expect(body).toContain('apply again');
    expect(body.endsWith('Kind regards,\nSam Rivera')).toBe(true);
  });

  it('keeps a name the checker reads as a name, and leaves out a word it would flag rather than ship a finding', () => {
    const named = planFeedbackRequest(
      app({ rounds: [{ ...TECH, interviewers: [{ name: 'Sue Grant' }] }] }),
      NOW,
    );
    expect(named.contact?.name).toBe('Sue Grant');
    expect(named.draft.body).toMatch(/^Hi Sue,/);
    expect(check(`${named.draft.subject}\n\n${named.draft.body}`, { mode: 'request' })).toEqual([]);

    const flagged = planFeedbackRequest(app({ company: 'Unfair Advantage Games' }), NOW);
    const text = `${flagged.draft.subject}\n\n${flagged.draft.body}`;
    expect(check('Thank you for the interviews at Unfair Advantage Games.', { mode: 'request' })).not.toEqual(
      [],
    );
    expect(text).not.toContain('Unfair');
    expect(check(text, { mode: 'request' })).toEqual([]);
  });

  it('is brief, and passes the request checker with no findings at all, for many generated inputs', () => {
    const people = [
      'Sam Rivera',
      'Will Chen',
      'Mark Okafor',
      'Sue Bianchi',
      'José Álvarez-Núñez',
      'Aoife',
      '',
    ];
    const companies = ['Acme Logistics', 'Initech', 'Unfair Advantage Games', 'Bias Labs', 'Kinetix', ''];
    const roles = [
      'Backend Engineer',
      'Senior Staff Software Engineer, Payments Infrastructure and Reliability',
      'PR Account Executive',
      'Registered Nurse',
      'Young Professionals Programme Associate',
      '',
    ];
    const roundSets: CoachRound[][] = [
      [],
      [SCREEN],
      [SCREEN, TECH],
      [SCREEN, TECH, FINAL],
      [{ ...TECH, interviewers: [{ name: 'Sue Park', phone: '+44 20 7946 0000' }], rapport: 5 }],
      [{ ...FINAL, interviewers: [] }],
    ];
    const reasons = [
      null,
      'We went with a candidate who fits our criteria more precisely.',
      'You missed two typos and rushed the data exercise.',
      'The role was filled internally.',
      'Not a culture fit.',
    ];
    const recruiters = [null, { name: 'Lindsay Olson', agency: 'Paradigm Staffing', phone: '+1 555 0199' }];
    let n = 0;
    for (const candidateName of people)
      for (const company of companies)
        for (const role of roles)
          for (const rounds of roundSets)
            for (const reason of reasons)
              for (const recruiter of recruiters) {
                if ((n++ * 7) % 5 !== 0) continue; // a spread of about 1,000 of the 12,960 combinations
                const input = app({ candidateName, company, role, rounds, reason, recruiter });
                const { subject, body } = planFeedbackRequest(input, NOW).draft;
                const label = JSON.stringify({
                  candidateName,
                  company,
                  role,
                  reason,
                  r: rounds.length,
                  recruiter: !!recruiter,
                });
                expect(check(`${subject}\n\n${body}`, { mode: 'request' }), label).toEqual([]);
                expect(check(body, { mode: 'request' }), label).toEqual([]);
                expect(wordCount(body), label).toBeLessThan(120);
                const [first, second] = sentencesAfterGreeting(body);
                expect(first, label).toMatch(/^Thank you\b/);
                expect(second, label).toMatch(/\b(?:respect|accept) (?:your|their) decision\b/);
                expect(body.match(/\?/g)?.length, label).toBe(1);
                expect(body, label).toContain('one or two');
                if (candidateName && check(candidateName, { mode: 'request' }).length === 0)
                  expect(body.endsWith(candidateName), label).toBe(true);
              }
  });

  it('is deterministic', () => {
    expect(planFeedbackRequest(app(), NOW)).toEqual(planFeedbackRequest(app(), NOW));
  });
});

describe('the call sheet and follow-ups', () => {
  it('thanks first, listens, asks the two questions, and ends by saying you would apply again', () => {
    const sheet = planFeedbackRequest(app(), NOW).callSheet;
    const at = (re: RegExp) => sheet.findIndex((s) => re.test(s));
    expect(at(/^Thank them first/)).toBe(0);
    expect(at(/^Listen\. Don't interrupt.*don't argue/)).toBeGreaterThan(at(/^Thank them first/));
    expect(at(/How might I come across more effectively/)).toBeGreaterThan(at(/^Listen/));
    expect(at(/What was the one thing I did best\?/)).toBeGreaterThan(at(/^Listen/));
    expect(sheet[sheet.length - 1]).toMatch(/apply again/);
  });

  it('follows up with a thank-you note, then a connection request', () => {
    const { followUps } = planFeedbackRequest(app(), NOW);
    expect(followUps.map((f) => f.kind)).toEqual(['thank-you', 'connection-request']);
    expect(followUps[0]!.text).toMatch(/^Hi Marcus, thank you/);
    for (const f of followUps) {
      expect(wordCount(f.text)).toBeLessThan(50);
      expect(f.when).not.toBe('');
    }
  });
});

describe('what the coach knows already', () => {
  const inHand = { link: '/me/applications/a1', stage: 'Final round' };

  it('with feedback in hand, points to its page for a thank-you and one question', () => {
    const plan = planFeedbackRequest(app({ rounds: [], feedbackInHand: inHand }), NOW);
    expect(plan.inHand?.link).toBe('/me/applications/a1');
    expect(plan.inHand?.text).toMatch(/say thank you on its page/);
    expect(plan.inHand?.text).toMatch(/ask your one question/);
    expect(planFeedbackRequest(app(), NOW).inHand).toBeNull();
  });

  it('counts the stage reached through Debrief as a round: not "turned down on your application alone"', () => {
    const without = planFeedbackRequest(app({ rounds: [] }), NOW);
    const withStage = planFeedbackRequest(app({ rounds: [], feedbackInHand: inHand }), NOW);
    expect(without.ask.screenOnly).toBe(true);
    expect(withStage.ask.screenOnly).toBe(false);
    expect(withStage.ask.score).toBeGreaterThan(without.ask.score);
  });

  it("never drafts to Debrief's own address, and says why the hiring team's address won't do", () => {
    const round: CoachRound = {
      ...TECH,
      interviewers: [{ name: 'Marcus Olsen', email: 'feedback@debrief.example' }],
    };
    const plan = planFeedbackRequest(
      app({ rounds: [round], feedbackInHand: inHand, unreachable: ['@debrief.example'] }),
      NOW,
    );
    expect(plan.contact?.name).toBe('Marcus Olsen');
    expect(plan.contact?.email).toBeUndefined();
    const team = planFeedbackRequest(app({ rounds: [], feedbackInHand: inHand }), NOW);
    expect(team.contact?.kind).toBe('hiring-team');
    expect(team.contact?.why).toMatch(/reaches no one/);
  });

  it('waits while the role is not filled, and says why, even after a rejection', () => {
    const plan = planFeedbackRequest(app({ roleFilled: false, decisionFinal: true }), NOW);
    expect(plan.ask.ready).toBe(false);
    expect(plan.ask.advice).toMatch(/not filled yet/);
    expect(plan.ask.advice).toMatch(/lobbying/);
  });

  it("asks about the point the candidate's notes single out, with an easy out, and stays clean", () => {
    const round: CoachRound = {
      ...TECH,
      notes: 'Went fine overall but I struggled with the caching question.',
    };
    const plan = planFeedbackRequest(app({ rounds: [SCREEN, round] }), NOW);
    expect(plan.draft.body).toContain('In particular, I would value your view on the caching question.');
    expect(plan.draft.body).toContain('Even a line would help.');
    expect(check(`${plan.draft.subject}\n\n${plan.draft.body}`, { mode: 'request' })).toEqual([]);
    expect(wordCount(plan.draft.body)).toBeLessThan(120);
  });
});
