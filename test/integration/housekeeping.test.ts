import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { housekeepingJob, scheduleHousekeeping } from '../../src/app/housekeeping';
import {
  candidateAccounts,
  knownDevices,
  outbox,
  rateLimits,
  signInChallenges,
  signUpRequests,
} from '../../src/db/schema';
import {
  type Harness,
  newCandidateAccount,
  newOrganization,
  startHarness,
  uniqueEmail,
} from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const ago = (days: number) => new Date(Date.now() - days * 86_400_000);

describe('the hourly housekeeping', () => {
  it('deletes expired sign-up links, old attempt counts, long-unused devices and never-confirmed accounts, and keeps the rest', async () => {
    const tag = uniqueEmail('sweep').split('@')[0]!;
    const request = (email: string, expiresAt: Date) => ({
      kind: 'candidate' as const,
      email,
      name: 'R',
      passwordHash: 'x',
      tokenHash: `${tag}-${email}`,
      expiresAt,
    });
    await h.ctx.db
      .insert(signUpRequests)
      .values([request(`old-${tag}@example.test`, ago(3)), request(`new-${tag}@example.test`, ago(-1))]);
    await h.ctx.db.insert(rateLimits).values([
      { bucket: `${tag}:old`, attempts: 10, windowStart: ago(2) },
      { bucket: `${tag}:new`, attempts: 3, windowStart: new Date() },
    ]);
    await h.ctx.db.insert(knownDevices).values([
      { tokenHash: `${tag}-old`, account: 'staff:x', lastUsedAt: ago(400) },
      { tokenHash: `${tag}-new`, account: 'staff:x', lastUsedAt: ago(3) },
    ]);
    await h.ctx.db.insert(candidateAccounts).values([
      { name: 'Never confirmed', email: `stale-${tag}@example.test`, passwordHash: 'x', createdAt: ago(8) },
      { name: 'Just made', email: `fresh-${tag}@example.test`, passwordHash: 'x' },
    ]);
    const org = await newOrganization(h);
    const challenge = (name: string, expiresAt: Date) => ({
      organizationId: org.organization.id,
      userId: org.user.id,
      purpose: 'code' as const,
      tokenHash: `${tag}-${name}`,
      expiresAt,
    });
    await h.ctx.db
      .insert(signInChallenges)
      .values([challenge('old', ago(2)), challenge('new', new Date(Date.now() + 600_000))]);
    const confirmed = await newCandidateAccount(h);
    await h.ctx.db
      .update(candidateAccounts)
      .set({ createdAt: ago(30) })
      .where(eq(candidateAccounts.email, confirmed.email));

    await scheduleHousekeeping(h.ctx.db, housekeepingJob);
    await h.drainJobs();

    const left = async () => ({
      requests: (
        await h.ctx.db
          .select()
          .from(signUpRequests)
          .where(like(signUpRequests.tokenHash, `${tag}-%`))
      ).map((r) => r.email.split('-')[0]),
      counts: (
        await h.ctx.db
          .select()
          .from(rateLimits)
          .where(like(rateLimits.bucket, `${tag}:%`))
      ).map((r) => r.bucket),
      challenges: (
        await h.ctx.db
          .select()
          .from(signInChallenges)
          .where(like(signInChallenges.tokenHash, `${tag}-%`))
      ).map((r) => r.tokenHash),
      devices: (
        await h.ctx.db
          .select()
          .from(knownDevices)
          .where(like(knownDevices.tokenHash, `${tag}-%`))
      ).map((r) => r.tokenHash),
      accounts: (
        await h.ctx.db
          .select()
          .from(candidateAccounts)
          .where(
            sql`${candidateAccounts.email} like ${`%${tag}%`} or ${candidateAccounts.email} = ${confirmed.email}`,
          )
      ).map((a) => a.name),
    });
    const after = await left();
    expect(after.requests).toEqual(['new']);
    expect(after.counts).toEqual([`${tag}:new`]);
    expect(after.challenges).toEqual([`${tag}-new`]);
    expect(after.devices).toEqual([`${tag}-new`]);
    expect(after.accounts.sort()).toEqual(['Just made', 'Sam Rivera']);
    // A confirmed account still signs in after the sweep.
    expect((await confirmed.api.get('/api/v1/candidate/me')).status).toBe(200);
  });

  it('queues the next hour once per hour, however many instances ask', async () => {
    const at = new Date(Date.UTC(2031, 0, 1, 10, 20));
    await Promise.all([
      scheduleHousekeeping(h.ctx.db, housekeepingJob, at),
      scheduleHousekeeping(h.ctx.db, housekeepingJob, new Date(at.getTime() + 60_000)),
    ]);
    const queued = await h.ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, 'housekeeping:2031-01-01T10:00:00.000Z'));
    expect(queued).toHaveLength(1);
  });
});
