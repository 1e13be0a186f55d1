import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURE_HEADERS } from '../../src/http/app';
import { type Harness, newOrganization, startHarness } from '../support/harness';

// Every API answer carries the security headers, `no-store` and its request id, whichever way it was made: a plain
// JSON answer (made with all its headers at once), an error, or one with headers of its own. Asked over a real socket
// through @hono/node-server, as the server runs.
let h: Harness;
let server: ServerType;
let base: string;
beforeAll(async () => {
  h = await startHarness();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: h.http.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

/** What Hono's secureHeaders with Debrief's policy sets on an answer. */
async function secureHeadersOfHono(): Promise<Record<string, string>> {
  const probe = new Hono();
  probe.use(secureHeaders(SECURE_HEADERS));
  probe.get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  return Object.fromEntries(res.headers);
}

const headersOf = (res: Response) => Object.fromEntries(res.headers);

describe('API answers', () => {
  it('carry the security headers, no-store and a request id, however they were made', async () => {
    const org = await newOrganization(h);
    const expected = { ...(await secureHeadersOfHono()), 'cache-control': 'no-store' };
    expect(Object.keys(expected).length).toBeGreaterThan(10);
    const auth = { authorization: `Bearer ${org.token}` };
    const answers = {
      json: await fetch(`${base}/api/v1/jobs`, { headers: auth }),
      created: await fetch(`${base}/api/v1/jobs`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Site Reliability Engineer',
          criteria: [{ name: 'Communication', description: 'Explains trade-offs clearly' }],
        }),
      }),
      unauthorized: await fetch(`${base}/api/v1/jobs`, { headers: { authorization: 'Bearer dbf_nope' } }),
      noRoute: await fetch(`${base}/api/v1/no-such-thing`, { headers: auth }),
      ownHeaders: await fetch(`${base}/api/v1/imports/template.csv`, { headers: auth }),
      description: await fetch(`${base}/api/openapi.json`),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]))).toEqual({
      json: 200,
      created: 201,
      unauthorized: 401,
      noRoute: 404,
      ownHeaders: 200,
      description: 200,
    });
    for (const [what, res] of Object.entries(answers)) {
      const got = headersOf(res);
      expect({ what, ...got }).toMatchObject({ what, ...expected });
      expect(got['x-request-id'], what).toMatch(/^[0-9a-f-]{36}$/);
      expect(got['x-powered-by'], what).toBeUndefined();
      await res.arrayBuffer();
    }
    expect(headersOf(answers.json)['content-type']).toBe('application/json');
    expect(headersOf(answers.ownHeaders)['content-disposition']).toContain('debrief-import-template.csv');
    expect(headersOf(answers.ownHeaders)['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('keep a plain request id the client sent and replace any other', async () => {
    const ask = (id: string) => fetch(`${base}/api/v1/live`, { headers: { 'x-request-id': id } });
    expect((await ask('trace-42=abc')).headers.get('x-request-id')).toBe('trace-42=abc');
    const replaced = (await ask('no spaces allowed')).headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });
});
