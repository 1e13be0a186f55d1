import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema';
import { type Harness, newOrganization, startHarness, uniqueEmail } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('audit trail', () => {
  it('records who did what, and no row can be changed or removed', async () => {
    const org = await newOrganization(h);
    await org.api.post('/api/v1/users', { name: 'Audited', email: uniqueEmail(), role: 'recruiter' });
    const events = await h.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, org.organization.id));
    expect(events.map((e) => e.action)).toEqual(['organization.created', 'user.invited']);
    expect(events[1]).toMatchObject({ actorName: 'Ada Admin', actorType: 'token', subjectType: 'user' });

    await expect(
      h.ctx.db.update(auditEvents).set({ action: 'tampered' }).where(eq(auditEvents.id, events[0].id)),
    ).rejects.toThrow();
    await expect(h.ctx.db.delete(auditEvents).where(eq(auditEvents.id, events[0].id))).rejects.toThrow();
    const again = await h.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, org.organization.id));
    expect(again.map((e) => e.action)).toEqual(['organization.created', 'user.invited']);
  });
});
