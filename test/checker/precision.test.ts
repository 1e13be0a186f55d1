// The "Precision matters" list: technical senses, job requirements and behaviourally evidenced blunt
// statements. None may produce any finding in feedback mode.
import { describe, expect, it } from 'vitest';
import { PRECISION_MATTERS } from '../../eval/precision-matters';
import { check } from '../../src/checker';

describe('precision: no finding on technical senses, requirements and evidenced statements', () => {
  it.each(PRECISION_MATTERS)('%s', (text) => {
    expect(check(text)).toEqual([]);
  });

  it('stays quiet on all of them together in one note', () => {
    expect(check(PRECISION_MATTERS.join('\n'))).toEqual([]);
  });
});
