import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STAGES,
  type ApplicationStage,
  applicationStatus,
  mayEditScorecard,
  nextStages,
  rejectionRefusal,
  stageAfterScorecard,
  stageMoveRefusal,
  stagesWithStatus,
  takesScorecards,
} from '../../src/domain';
import { roleMay } from '../../src/domain/policy';

describe('stageMoveRefusal', () => {
  const allowed: [ApplicationStage, ApplicationStage[]][] = [
    ['applied', ['screen', 'interview', 'final', 'offer', 'hired', 'withdrawn']],
    ['screen', ['applied', 'interview', 'final', 'offer', 'hired', 'withdrawn']],
    ['final', ['applied', 'screen', 'interview', 'offer', 'hired', 'withdrawn']],
    ['offer', ['applied', 'screen', 'interview', 'final', 'hired', 'withdrawn']],
    ['hired', ['offer', 'withdrawn']],
    ['rejected', []],
    ['withdrawn', []],
  ];
  it.each(allowed)('from %s, by hand: %j', (from, to) => {
    expect(nextStages(from)).toEqual(to);
  });

  it('never moves to rejected: that is the rejection, which drafts the feedback', () => {
    for (const from of APPLICATION_STAGES) {
      expect(stageMoveRefusal(from, 'rejected')).toMatchObject({ status: 400, code: 'use-rejection' });
      expect(stageMoveRefusal(from, 'rejected', { reopen: true })?.code).toBe('use-rejection');
    }
  });

  it('nothing leaves rejected, even reopened', () => {
    for (const to of APPLICATION_STAGES.filter((s) => s !== 'rejected'))
      expect(stageMoveRefusal('rejected', to, { reopen: true })?.code).toBe('application-rejected');
  });

  it('withdrawn moves only when reopened, and not straight to hired', () => {
    expect(stageMoveRefusal('withdrawn', 'interview')?.code).toBe('application-withdrawn');
    expect(stageMoveRefusal('withdrawn', 'interview', { reopen: true })).toBeNull();
    expect(stageMoveRefusal('withdrawn', 'offer', { reopen: true })).toBeNull();
    expect(stageMoveRefusal('withdrawn', 'hired', { reopen: true })?.code).toBe('reopen-to-assessment');
  });

  it('refuses a move to where it already is', () => {
    expect(stageMoveRefusal('offer', 'offer')?.code).toBe('stage-unchanged');
  });
});

describe('rejectionRefusal', () => {
  it.each([
    ['applied', null],
    ['screen', null],
    ['interview', null],
    ['final', null],
    ['offer', 'application-offered'],
    ['hired', 'application-hired'],
    ['rejected', 'application-closed'],
    ['withdrawn', 'application-withdrawn'],
  ] as const)('at %s: %s', (stage, code) => {
    expect(rejectionRefusal(stage)?.code ?? null).toBe(code);
  });
});

describe('status and scorecards by stage', () => {
  it('an offer is still active; the three ends are their own status', () => {
    expect(APPLICATION_STAGES.map(applicationStatus)).toEqual([
      'active',
      'active',
      'active',
      'active',
      'active',
      'hired',
      'rejected',
      'withdrawn',
    ]);
    expect(stagesWithStatus('active')).toEqual(['applied', 'screen', 'interview', 'final', 'offer']);
  });

  it('takes scorecards until the process is over', () => {
    expect(APPLICATION_STAGES.filter(takesScorecards)).toEqual([
      'applied',
      'screen',
      'interview',
      'final',
      'offer',
    ]);
  });

  it('a later scorecard moves an application being assessed forward, never back, and never out of an offer', () => {
    expect(stageAfterScorecard('applied', 'interview')).toBe('interview');
    expect(stageAfterScorecard('final', 'screen')).toBe('final');
    expect(stageAfterScorecard('offer', 'final')).toBe('offer');
  });
});

describe('who may move applications and read scorecards (the policy table)', () => {
  it.each([
    ['admin', true, true, true],
    ['recruiter', true, true, false],
    ['hiring-manager', true, true, false],
    ['interviewer', false, false, false],
  ] as const)(
    '%s: move %s, read before their own %s, record on behalf %s',
    (role, move, readAll, onBehalf) => {
      expect(roleMay(role, 'applications.move')).toBe(move);
      expect(roleMay(role, 'scorecards.read-before-own')).toBe(readAll);
      expect(roleMay(role, 'scorecards.submit-on-behalf')).toBe(onBehalf);
    },
  );
});

describe('who may edit a scorecard', () => {
  const ines = { userId: 'ines', role: 'interviewer' as const };
  const ada = { userId: 'ada', role: 'admin' as const };
  const own = { interviewerId: 'ines', submittedBy: 'ines' };
  const recordedByAda = { interviewerId: 'ines', submittedBy: 'ada' };

  it('its author, while the application still takes scorecards (an offer included)', () => {
    for (const stage of ['applied', 'screen', 'interview', 'final', 'offer'] as const)
      expect(mayEditScorecard(ines, own, stage)).toBe(true);
  });

  it('no one once the application is rejected, hired or withdrawn', () => {
    for (const stage of ['rejected', 'hired', 'withdrawn'] as const) {
      expect(mayEditScorecard(ines, own, stage)).toBe(false);
      expect(mayEditScorecard(ada, recordedByAda, stage)).toBe(false);
    }
  });

  it('an admin only for a scorecard they recorded on the member’s behalf; never another member', () => {
    expect(mayEditScorecard(ada, recordedByAda, 'interview')).toBe(true);
    expect(mayEditScorecard(ada, own, 'interview')).toBe(false);
    expect(mayEditScorecard({ userId: 'bo', role: 'interviewer' }, own, 'interview')).toBe(false);
    // A recruiter who somehow submitted for someone else is not an admin: not theirs to edit.
    expect(mayEditScorecard({ userId: 'ada', role: 'recruiter' }, recordedByAda, 'interview')).toBe(false);
  });
});
