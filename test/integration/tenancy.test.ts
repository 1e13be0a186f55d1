import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newOrganization, startHarness, uniqueEmail } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('two organizations', () => {
  it("cannot see or touch each other's members or tokens: 404, never 403", async () => {
    const a = await newOrganization(h, 'Org A');
    const b = await newOrganization(h, 'Org B');
    const aMember = await a.api.post('/api/v1/users', {
      name: 'A member',
      email: uniqueEmail(),
      role: 'interviewer',
    });
    const aToken = await a.api.post('/api/v1/tokens', { name: 'A integration' });

    const bUsers = await b.api.get('/api/v1/users');
    expect(bUsers.body.items.map((u: { email: string }) => u.email)).toEqual([b.email]);
    const bTokens = await b.api.get('/api/v1/tokens');
    expect(bTokens.body.items.map((t: { id: string }) => t.id)).not.toContain(aToken.body.token.id);

    const patch = await b.api.patch(`/api/v1/users/${aMember.body.id}`, { role: 'admin' });
    expect(patch.status).toBe(404);
    expect(patch.body.error.code).toBe('not-found');
    const revoke = await b.api.delete(`/api/v1/tokens/${aToken.body.token.id}`);
    expect(revoke.status).toBe(404);

    // A's token still works and A's member kept their role.
    expect((await h.as({ token: aToken.body.secret }).get('/api/v1/me')).status).toBe(200);
    const aUsers = await a.api.get('/api/v1/users');
    expect(aUsers.body.items.find((u: { id: string }) => u.id === aMember.body.id).role).toBe('interviewer');
  });

  it("one organization's session sees only its own organization", async () => {
    const a = await newOrganization(h, 'Only A');
    await newOrganization(h, 'Only B');
    const me = await h.as({ cookie: a.cookie }).get('/api/v1/me');
    expect(me.body.organization.name).toBe('Only A');
  });
});
