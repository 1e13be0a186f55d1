import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '../../src/lib/failure-limiter';

describe('failed sign-in limiter', () => {
  it('refuses after the limit within the window, lets in again once old failures leave it, and forgets on success', () => {
    const limiter = new FailureLimiter(3, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) limiter.fail('a', t0 + i * 1000);
    expect(() => limiter.check('a', t0 + 5000)).toThrow(/Too many failed sign-ins/);
    expect(() => limiter.check('b', t0 + 5000)).not.toThrow();
    // The first failure leaves the window after 60 s.
    expect(() => limiter.check('a', t0 + 60_001)).not.toThrow();
    // Failures at 2 s (still in the window at 61.5 s), 61 s and 61.1 s make three again.
    limiter.fail('a', t0 + 61_000);
    limiter.fail('a', t0 + 61_100);
    expect(() => limiter.check('a', t0 + 61_500)).toThrow();
    limiter.succeed('a');
    expect(() => limiter.check('a', t0 + 61_500)).not.toThrow();
  });
});
