// The drafts of a bulk rejection share a memo (what the checker said of a note, how a note reads to the candidate):
// every letter composed with it must be the letter composed without it, whatever the other drafts of the batch were.
import { describe, expect, it } from 'vitest';
import { type ComposeInput, ComposeMemo, composeFeedback } from '../../src/domain';
import { input } from './fixtures';

/** One interview scorecard rating attention to detail 1 with `note`. */
function withNote(candidateName: string, note: string, extra: Partial<ComposeInput> = {}): ComposeInput {
  return input({
    candidateName,
    scorecards: [
      {
        id: 'sc-interview',
        stage: 'interview',
        interviewerName: 'Marcus Olsen',
        ratings: [{ criterionId: 'detail', rating: 1, evidence: note }],
      },
    ],
    ...extra,
  });
}

/** Each input composed in turn with one memo, as a batch composes its drafts. */
const batch = (inputs: ComposeInput[]) => {
  const memo = new ComposeMemo();
  return inputs.map((x) => composeFeedback(x, memo));
};

describe('drafts composed in one batch', () => {
  it('give two notes that differ by one word two letters, each as composed alone', () => {
    const a = withNote('Alex Morgan', 'The candidate missed three errors in the data exercise.');
    const b = withNote('Jordan Lee', 'The candidate missed four errors in the data exercise.');
    const [x, y] = batch([a, b]);
    expect(x?.body).toContain('you missed three errors');
    expect(y?.body).toContain('you missed four errors');
    expect([x, y]).toEqual([composeFeedback(a), composeFeedback(b)]);
  });

  it('address a note that names one candidate to that candidate only', () => {
    const note = 'Alex missed three errors in the data exercise.';
    const alex = withNote('Alex Morgan', note);
    const jordan = withNote('Jordan Lee', note);
    // Alex reads it as said to them; for Jordan it is about someone else, and is not said to them at all.
    expect(composeFeedback(alex).body).toContain('you missed three errors');
    expect(composeFeedback(jordan).body).not.toContain('three errors');
    for (const order of [
      [alex, jordan],
      [jordan, alex],
      [alex, jordan, alex, jordan],
    ]) {
      expect(batch(order)).toEqual(order.map((x) => composeFeedback(x)));
    }
  });

  it('check the same note under each organization’s own jurisdictions', () => {
    const note = 'Mentioned a family history of heart disease.';
    const us = withNote('Alex Morgan', note, { jurisdictions: ['us'] });
    const uk = withNote('Jordan Lee', note, { jurisdictions: ['uk'] });
    // Only the US rules block it: the US letter leaves it out, the UK letter keeps it.
    expect(composeFeedback(uk).body).toContain('heart disease');
    expect(composeFeedback(us).body).not.toContain('heart disease');
    expect(composeFeedback(us).omitted).toEqual([
      { scorecardId: 'sc-interview', criterionId: 'detail', why: 'blocked' },
    ]);
    for (const order of [
      [uk, us],
      [us, uk],
    ]) {
      expect(batch(order)).toEqual(order.map((x) => composeFeedback(x)));
    }
  });
});
