import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails, users } from '../../src/db/schema';
import { OUTBOUND_EMAIL_LIMITS } from '../../src/domain/policy';
import { type Harness, newOrganization, startHarness, uniqueEmail } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Emails already sent by Debrief today, as other organizations (or this one) would have sent them. */
async function alreadySent(n: number, fields: { to?: string; organizationId?: string | null }) {
  await h.ctx.db.insert(emails).values(
    Array.from({ length: n }, (_, i) => ({
      organizationId: fields.organizationId ?? null,
      to: fields.to ?? uniqueEmail(`earlier-${i}`),
      subject: 'Earlier',
      text: 'Earlier message',
      status: 'sent' as const,
    })),
  );
}

const membersNamed = async (email: string) =>
  (await h.ctx.db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`)).length;

describe('outbound email limits', () => {
  it('one address gets at most a day’s share of email from Debrief; the change that would exceed it is refused whole', async () => {
    const org = await newOrganization(h);
    const target = uniqueEmail('target');
    await alreadySent(OUTBOUND_EMAIL_LIMITS.perAddressPerDay, { to: target.toUpperCase() });

    const refused = await org.api.post('/api/v1/users', {
      name: 'Tara Target',
      email: target,
      role: 'interviewer',
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('email-limit');
    expect(await membersNamed(target)).toBe(0);

    const other = uniqueEmail('other');
    const ok = await org.api.post('/api/v1/users', { name: 'Otto Other', email: other, role: 'interviewer' });
    expect(ok.status).toBe(201);
    expect(await membersNamed(other)).toBe(1);
  });

  it('an organization sends at most an hour’s share; another organization is not held back', async () => {
    const org = await newOrganization(h);
    const other = await newOrganization(h);
    await alreadySent(OUTBOUND_EMAIL_LIMITS.perOrganizationPerHour, { organizationId: org.organization.id });

    const email = uniqueEmail('invitee');
    const refused = await org.api.post('/api/v1/users', { name: 'Ivy Invitee', email, role: 'interviewer' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/last hour/);
    expect(await membersNamed(email)).toBe(0);
    const queued = await h.ctx.db.select().from(emails).where(eq(emails.to, email));
    expect(queued).toEqual([]);

    expect(
      (await other.api.post('/api/v1/users', { name: 'Ivy Invitee', email, role: 'interviewer' })).status,
    ).toBe(201);
  });
});
