import { describe, expect, it } from 'vitest';
import { addWorkingDays, answerDeadline } from '../../src/domain/timing';

// Wednesday 2 December 2026, 10:00 UTC.
const wednesday = new Date('2026-12-02T10:00:00Z');

describe('the answer deadline of a feedback request', () => {
  it('counts working days left, a day begun counting as a day, skipping the weekend', () => {
    // Five working days from a Wednesday is the next Wednesday.
    const due = addWorkingDays(wednesday, 5);
    expect(due.toISOString()).toBe('2026-12-09T10:00:00.000Z');
    expect(answerDeadline(wednesday, due)).toEqual({ state: 'on-time', workingDaysLeft: 5 });
    expect(answerDeadline(new Date('2026-12-02T10:01:00Z'), due).workingDaysLeft).toBe(5);
    // On Friday afternoon, the weekend does not count: Monday, Tuesday and Wednesday morning are left.
    const friday = new Date('2026-12-04T15:00:00Z');
    expect(answerDeadline(friday, due)).toEqual({ state: 'on-time', workingDaysLeft: 3 });
  });

  it('is due soon on the last working day, and overdue once the moment has passed', () => {
    const due = new Date('2026-12-09T10:00:00Z');
    expect(answerDeadline(new Date('2026-12-08T09:00:00Z'), due)).toEqual({
      state: 'on-time',
      workingDaysLeft: 2,
    });
    expect(answerDeadline(new Date('2026-12-08T10:00:00Z'), due)).toEqual({
      state: 'due-soon',
      workingDaysLeft: 1,
    });
    expect(answerDeadline(new Date('2026-12-09T09:59:00Z'), due).state).toBe('due-soon');
    expect(answerDeadline(new Date('2026-12-09T10:00:00Z'), due)).toEqual({
      state: 'overdue',
      workingDaysLeft: 0,
    });
  });
});
