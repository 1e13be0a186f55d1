import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditEvents } from '../../src/db/schema';
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
    expect(events.map((e) => e.action)).toEqual(['organization.created', 'api-token.used', 'user.invited']);
    expect(events[2]).toMatchObject({ actorName: 'Ada Admin', actorType: 'token', subjectType: 'user' });

    await expect(
      h.ctx.db.update(auditEvents).set({ action: 'tampered' }).where(eq(auditEvents.id, events[0].id)),
    ).rejects.toThrow();
    await expect(h.ctx.db.delete(auditEvents).where(eq(auditEvents.id, events[0].id))).rejects.toThrow();
    const again = await h.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, org.organization.id));
    expect(again.map((e) => e.action)).toEqual(['organization.created', 'api-token.used', 'user.invited']);
  });

  it("records an API token's first use each day, with the request, not every call", async () => {
    const org = await newOrganization(h);
    for (let i = 0; i < 3; i++) expect((await org.api.get('/api/v1/jobs')).status).toBe(200);
    const used = () =>
      h.ctx.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.organizationId, org.organization.id), eq(auditEvents.action, 'api-token.used')),
        );
    const [token] = await h.ctx.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.organizationId, org.organization.id));
    expect(await used()).toEqual([
      expect.objectContaining({
        actorType: 'token',
        actorName: 'Ada Admin',
        subjectType: 'api-token',
        subjectId: token!.id,
        data: {
          name: token!.name,
          prefix: token!.prefix,
          request: 'GET /api/v1/jobs',
          viaTokenId: token!.id,
        },
      }),
    ]);

    // The next day (its last use moved back a day), the first call is recorded again, and only that one.
    await h.ctx.db
      .update(apiTokens)
      .set({ lastUsedAt: new Date(Date.now() - 86_400_000) })
      .where(eq(apiTokens.id, token!.id));
    await Promise.all([org.api.get('/api/v1/users'), org.api.get('/api/v1/users')]);
    const after = await used();
    expect(after).toHaveLength(2);
    expect(after[1]!.data).toMatchObject({ request: 'GET /api/v1/users' });
  });
});
