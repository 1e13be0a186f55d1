import { describe, expect, it } from 'vitest';
import { check, hasBlocking } from '../../src/checker';
import {
  type ComposeScorecard,
  composeFeedback,
  DEFAULT_REJECTION_REASONS,
  relinkEvidence,
  STAGES,
} from '../../src/domain';
import { CRITERIA, input } from './fixtures';

// A small deterministic generator, so a failure names its seed and can be replayed.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const INTERVIEWERS = ['Priya Natarajan', 'Marcus Olsen', 'Dana Whitfield', 'Will Hart', 'Jo-Anne Baptiste'];
const NOTES = [
  'The candidate missed two typos in the cover letter.',
  'Candidate was unsure about indexes.',
  'She missed three errors and did not check her numbers.',
  'He could not explain the trade-offs of the queue.',
  'Sam gave a clear summary of the incident.',
  'Candidate tends to skip the failure cases.',
  'She seems too old for a fast startup team.',
  'heavy accent made it hard to follow.',
  'He mentioned his wife is expecting, so he may need leave soon.',
  'Priya had to prompt the candidate twice.',
  'As Marcus said, the design ignored retries.',
  'jo-anne asked the candidate about caching; no answer.',
  'Not a culture fit for the team.',
  'The code had no tests.',
  'We asked the candidate to estimate the load; he could not.',
  '',
];

function scorecards(r: () => number): ComposeScorecard[] {
  const n = Math.floor(r() * 5);
  return Array.from({ length: n }, (_, i) => ({
    id: `sc-${i}`,
    stage: STAGES[Math.floor(r() * 3)]!,
    interviewerName: INTERVIEWERS[Math.floor(r() * INTERVIEWERS.length)]!,
    ratings: CRITERIA.filter(() => r() < 0.8).map((c) => ({
      criterionId: c.id,
      rating: (1 + Math.floor(r() * 4)) as 1 | 2 | 3 | 4,
      evidence: NOTES[Math.floor(r() * NOTES.length)]!,
    })),
    notes: 'PRIVATE note that must never be sent',
  }));
}

describe('for any scorecards', () => {
  it('the draft keeps its promises', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const sc = scorecards(r);
      const reason = DEFAULT_REJECTION_REASONS[Math.floor(r() * DEFAULT_REJECTION_REASONS.length)]!;
      const out = composeFeedback(input({ reason, scorecards: sc }));
      const ctx = `seed ${seed}`;
      expect(hasBlocking(check(out.body)), ctx).toBe(false);
      expect(out.body, ctx).not.toContain('PRIVATE');
      const used = new Set(sc.map((s) => s.interviewerName));
      for (const name of used) {
        for (const part of name.split(/[\s-]+/)) {
          const re = part === 'Will' ? /\bWill\b/ : new RegExp(`\\b${part}\\b`, 'i');
          expect(re.test(out.body), `${ctx}: ${part}`).toBe(false);
        }
      }
      for (const s of out.sentences) expect(out.body.slice(s.start, s.end), ctx).toBe(s.text);
      const gapIds = out.gaps.map((g) => g.criterionId);
      expect(
        out.gaps.every((g) => g.mean < 3),
        ctx,
      ).toBe(true);
      expect(
        [...out.gaps].sort((a, b) => a.mean - b.mean).map((g) => g.criterionId),
        ctx,
      ).toEqual(gapIds);
      if (reason.beyondControl) expect(gapIds, ctx).toEqual([]);
      if (out.strength) expect(gapIds, ctx).not.toContain(out.strength.criterionId);
      for (const link of out.sentences.flatMap((s) => s.evidence)) {
        const card = sc.find((s) => s.id === link.scorecardId)!;
        const rating = card.ratings.find((x) => x.criterionId === link.criterionId)!;
        expect(rating.evidence.startsWith(link.excerpt.replace(/…$/, '')), ctx).toBe(true);
      }
      expect(relinkEvidence(out.body, out.sentences), ctx).toEqual(out.sentences);
      expect(composeFeedback(input({ reason, scorecards: sc })), ctx).toEqual(out);
    }
  });
});
