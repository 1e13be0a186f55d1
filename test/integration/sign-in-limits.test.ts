import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  newCandidateAccount,
  newOrganization,
  PASSWORD,
  startHarness,
  uniqueEmail,
} from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ TRUST_PROXY: 'true' });
});
afterAll(() => h.close());

let nextAddress = 1;
/** A client address of its own for each caller, as a proxy would report it. */
const newAddress = () => `198.51.100.${nextAddress++}`;

function login(path: string, body: unknown, headers: Record<string, string> = {}) {
  return h.anon.raw('POST', path, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress(), ...headers },
  });
}

const STAFF = '/api/v1/auth/login';
const CANDIDATE = '/api/v1/candidate/login';

async function newCandidate() {
  return (await newCandidateAccount(h)).email;
}

function deviceCookie(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('debrief_device='));
  expect(cookie, 'a device cookie after a correct password').toBeDefined();
  return cookie!.split(';')[0];
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('sign-in limits', () => {
  it.each([
    ['staff', STAFF, async () => (await newOrganization(h)).email],
    ['candidate', CANDIDATE, newCandidate],
  ])(
    '%s: fifty guesses at once get ten answers, the rest 429, and then the right password waits too',
    async (_who, path, make) => {
      const email = await make();
      const statuses = (
        await Promise.all(
          Array.from({ length: 50 }, (_, i) => login(path, { email, password: `guess ${i}` })),
        )
      ).map((r) => r.status);
      expect(count(statuses, 401)).toBe(10);
      expect(count(statuses, 429)).toBe(40);
      const right = await login(path, { email, password: PASSWORD });
      expect(right.status).toBe(429);
      expect(right.body.error.code).toBe('too-many-attempts');
    },
  );

  it('the owner signs in from a browser they used before while the account is locked for everyone else', async () => {
    const { email } = await newOrganization(h);
    const first = await login(STAFF, { email, password: PASSWORD });
    expect(first.status).toBe(200);
    const device = deviceCookie(first.headers);

    for (let i = 0; i < 12; i++) await login(STAFF, { email, password: `guess ${i}` });
    expect((await login(STAFF, { email, password: PASSWORD })).status).toBe(429);

    const owner = await login(STAFF, { email, password: PASSWORD }, { cookie: device });
    expect(owner.status).toBe(200);
    expect(owner.body.user.email).toBe(email);
  });

  it('a device cookie for one account earns nothing on another, and guesses through it are limited too', async () => {
    const a = await newOrganization(h);
    const b = await newOrganization(h);
    const device = deviceCookie((await login(STAFF, { email: a.email, password: PASSWORD })).headers);
    for (let i = 0; i < 10; i++)
      await login(STAFF, { email: b.email, password: `guess ${i}` }, { cookie: device });
    expect((await login(STAFF, { email: b.email, password: PASSWORD }, { cookie: device })).status).toBe(429);

    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await login(STAFF, { email: a.email, password: `guess ${i}` }, { cookie: device })).status,
      );
    expect(count(statuses, 401)).toBe(10);
    expect(count(statuses, 429)).toBe(2);
  });

  it('one address spraying guesses across many accounts is stopped; another address is not', async () => {
    const address = newAddress();
    const from = (ip: string) => ({ 'x-forwarded-for': `203.0.113.9, ${ip}` });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++)
      statuses.push(
        (await login(STAFF, { email: uniqueEmail('victim'), password: 'Winter2026!' }, from(address))).status,
      );
    expect(count(statuses, 401)).toBe(50);
    expect(count(statuses, 429)).toBe(10);
    const elsewhere = await login(STAFF, { email: uniqueEmail('victim'), password: 'Winter2026!' });
    expect(elsewhere.status).toBe(401);
  });

  it('a correct password clears the count: ten more mistakes are allowed afterwards', async () => {
    const { email } = await newOrganization(h);
    for (let i = 0; i < 9; i++)
      expect((await login(STAFF, { email, password: `guess ${i}` })).status).toBe(401);
    expect((await login(STAFF, { email, password: PASSWORD })).status).toBe(200);
    for (let i = 0; i < 10; i++)
      expect((await login(STAFF, { email, password: `guess ${i}` })).status).toBe(401);
    expect((await login(STAFF, { email, password: PASSWORD })).status).toBe(429);
  });
});
