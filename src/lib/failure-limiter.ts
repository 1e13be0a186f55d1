import { AppError } from './errors';

/**
 * Counts failed attempts per key (an account's email) in a sliding window and refuses further attempts once the
 * limit is reached, until the oldest failure leaves the window. Kept in memory: each server process counts its own.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Throws 429 when the key has used up its attempts. */
  check(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    if (recent.length < this.max) return;
    const retryAfter = Math.ceil((recent[0] + this.windowMs - now) / 1000);
    throw new AppError(
      429,
      'too-many-attempts',
      `Too many failed sign-ins for this account; try again in ${Math.ceil(retryAfter / 60)} minutes`,
      {
        retryAfterSeconds: retryAfter,
      },
    );
  }

  fail(key: string, now = Date.now()): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
