import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  newCandidateAccount,
  newOrganization,
  startHarness,
} from '../support/harness';

let h: Harness;
let org: Awaited<ReturnType<typeof newOrganization>>;
let candidate: Client;
beforeAll(async () => {
  h = await startHarness();
  org = await newOrganization(h);
  candidate = (await newCandidateAccount(h, 'Cand')).api;
});
/** Who may call a route: a candidate for the candidate workspace, otherwise the organization's admin. */
const caller = (path: string) => (path.startsWith('/api/v1/candidate/') ? candidate : org.api);
afterAll(() => h.close());

type Op = { method: string; path: string; op: any };
async function operations(): Promise<Op[]> {
  const doc = (await h.anon.get('/api/openapi.json')).body;
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(methods))
      ops.push({ method: method.toUpperCase(), path, op });
  }
  return ops;
}
const ANY_ID = '00000000-0000-4000-8000-000000000000';
const concrete = (path: string, id = ANY_ID) => path.replace(/\{[^}]+\}/g, id);

describe('health', () => {
  it('answers 200 {"status":"ok"} once migrated', async () => {
    const res = await h.anon.get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('has a liveness probe that answers without touching the database', async () => {
    const res = await h.anon.get('/api/v1/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('OpenAPI', () => {
  it('describes every route in OpenAPI 3.1 with its request schema and error answers', async () => {
    const res = await h.anon.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const ops = await operations();
    const names = ops.map((o) => `${o.method} ${o.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/v1/health',
        'POST /api/v1/organizations',
        'POST /api/v1/auth/login',
        'GET /api/v1/me',
        'POST /api/v1/users',
        'DELETE /api/v1/tokens/{id}',
      ]),
    );
    const signUp = ops.find((o) => o.path === '/api/v1/organizations')!.op;
    expect(signUp.requestBody.content['application/json'].schema).toBeDefined();
    expect(Object.keys(signUp.responses)).toEqual(expect.arrayContaining(['202', '400']));
    expect(res.body.components.schemas.Error).toBeDefined();
  });

  it('compresses what it sends to a client that accepts gzip', async () => {
    const plain = await h.anon.get('/api/openapi.json');
    const zipped = await h.anon.raw('GET', '/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('serves a readable reference page listing the routes', async () => {
    const res = await h.anon.get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.body).toContain('/api/v1/organizations');
    expect(res.body).toContain('Sign up');
  });
});

describe('errors', () => {
  it('an unknown API route is 404 in the error shape', async () => {
    const res = await h.anon.get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'not-found', message: expect.stringContaining('/api/v1/no-such-thing') },
    });
  });

  it('a role that may not act gets 403', async () => {
    const invited = await org.api.post('/api/v1/users', {
      name: 'Ivy',
      email: `ivy-${Date.now()}@example.test`,
      role: 'interviewer',
    });
    expect(invited.status).toBe(201);
    // An interviewer acting through a token minted for them.
    const { mintApiToken } = await import('../../src/app/identity/mint-api-token');
    const { secret } = await mintApiToken(
      h.ctx.db,
      { id: invited.body.id, organizationId: org.organization.id },
      'test',
    );
    const ivy = h.as({ token: secret });
    const res = await ivy.post('/api/v1/tokens', { name: 'mine' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await ivy.get('/api/v1/users')).status).toBe(403);
    expect((await ivy.get('/api/v1/me')).status).toBe(200);
  });
});

describe('bad input, for every route that takes any', () => {
  it('malformed JSON is 400 invalid-json', async () => {
    for (const { method, path, op } of await operations()) {
      if (!op.requestBody) continue;
      const res = await caller(path).raw(method, concrete(path), {
        body: '{"name": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.code, `${method} ${path}`).toBe('invalid-json');
    }
  });

  it('a body that breaks the schema is 400 and the message names the field', async () => {
    for (const { method, path, op } of await operations()) {
      if (!op.requestBody) continue;
      const schema = op.requestBody.content['application/json'].schema;
      const headers = { 'content-type': 'application/json' };
      // Not an object at all.
      const list = await caller(path).raw(method, concrete(path), { body: '[]', headers });
      expect(list.status, `${method} ${path}`).toBe(400);
      expect(list.body.error.code).toBe('invalid-request');
      // An object missing a required field: the message names it.
      const resolved = schema.$ref
        ? (await h.anon.get('/api/openapi.json')).body.components.schemas[schema.$ref.split('/').pop()]
        : schema;
      const field = resolved.required?.[0];
      if (!field) continue;
      const res = await caller(path).raw(method, concrete(path), { body: '{}', headers });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.code).toBe('invalid-request');
      expect(res.body.error.message, `${method} ${path}`).toContain(`body.${field}`);
    }
  });

  it('a body that is not JSON is 415', async () => {
    for (const { method, path, op } of await operations()) {
      if (!op.requestBody) continue;
      const res = await caller(path).raw(method, concrete(path), {
        body: 'name=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status, `${method} ${path}`).toBe(415);
      expect(res.body.error.code).toBe('unsupported-media-type');
    }
  });

  it('a path id that is not a UUID is 400 naming path.id', async () => {
    const withId = (await operations()).filter((o) => o.path.includes('{id}'));
    expect(withId.length).toBeGreaterThan(0);
    for (const { method, path, op } of withId) {
      const res = await caller(path).raw(
        method,
        concrete(path, 'not-a-uuid'),
        op.requestBody ? { body: '{}', headers: { 'content-type': 'application/json' } } : {},
      );
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.message).toContain('path.id');
    }
  });

  it('a secured route refuses an anonymous caller with 401 before looking at the body', async () => {
    for (const { method, path, op } of await operations()) {
      if (!op.security) continue;
      const init = op.requestBody ? { body: '{}', headers: { 'content-type': 'application/json' } } : {};
      const res = await h.anon.raw(method, concrete(path), init);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('a body over 1 MiB is 413', async () => {
    const res = await h.anon.post('/api/v1/auth/login', {
      email: 'a@b.test',
      password: 'x'.repeat(1_100_000),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload-too-large');
  });
});
