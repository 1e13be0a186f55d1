import { describe, expect, it } from 'vitest';
import { toSecondPerson } from '../../src/domain';

const names = ['Sam Rivera', 'Sam'];

describe('toSecondPerson', () => {
  it.each([
    ['The candidate missed two typos in the cover letter.', 'You missed two typos in the cover letter.'],
    ['Candidate was unsure about indexes.', 'You were unsure about indexes.'],
    [
      'She missed three errors and did not check her numbers.',
      'You missed three errors and did not check your numbers.',
    ],
    [
      'He also has good SQL skills. The code had no tests.',
      'You also have good SQL skills. The code had no tests.',
    ],
    ["The candidate's answer skipped the failure cases.", 'Your answer skipped the failure cases.'],
    [
      'We asked the candidate to estimate the load; he could not.',
      'We asked you to estimate the load; you could not.',
    ],
    ['Sam wasn’t able to name a trade-off.', 'You weren’t able to name a trade-off.'],
    ['Sam Rivera clearly explained the cache.', 'You clearly explained the cache.'],
    ['We asked her about retries.', 'We asked you about retries.'],
    ['Missed two typos in the summary.', 'You missed two typos in the summary.'],
    // An action with its object, though the verb could open a passive clause.
    [
      'Offered a 20% discount at the first objection, before asking what the budget concern was.',
      'You offered a 20% discount at the first objection, before asking what the budget concern was.',
    ],
    ['Tested the edge cases and the empty input.', 'You tested the edge cases and the empty input.'],
    // A past tense too short for the -ed rule.
    [
      'Used a t-test on skewed data and could not say why.',
      'You used a t-test on skewed data and could not say why.',
    ],
    ['Has not used dbt.', 'You have not used dbt.'],
    // A comma splice after the subject is joined; a list of qualities or a joined clause is left as written.
    [
      'In the role play he pitched features in the first two minutes, asked only closed questions.',
      'In the role play you pitched features in the first two minutes and asked only closed questions.',
    ],
    [
      'Wrote the query, checked the plan, missed the index.',
      'You wrote the query, checked the plan and missed the index.',
    ],
    ['She stayed calm, focused and clear.', 'You stayed calm, focused and clear.'],
    ['He missed the index, the plan was slow.', 'You missed the index, the plan was slow.'],
    [
      'Was unsure about joins. Gave a good example of a rollback.',
      'You were unsure about joins. You gave a good example of a rollback.',
    ],
  ])('%s -> %s', (note, expected) => {
    expect(toSecondPerson(note, names)).toBe(expected);
  });

  it.each([
    ['Candidate writes clean code.', 'present tense'],
    ['They struggled with recursion.', 'they could be anyone'],
    ['Asked about caching, could not answer.', 'a participle opening a passive clause'],
    [
      'Offered a hint, found the bug after two tries.',
      'a participle with its object, then the clause’s own verb',
    ],
    ['Missed by the whole panel: the edge cases.', 'passive'],
    ['Writes clean code.', 'present tense without a subject'],
    ['I asked about queues and got a vague answer.', 'first person'],
    ['He asked her manager for a reference.', 'two people'],
    ['The code had no tests.', 'never refers to the candidate'],
    ["He's unsure about caching.", 'contraction'],
  ])('refuses %s (%s)', (note) => {
    expect(toSecondPerson(note, names)).toBeNull();
  });
});
