import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../support/database';
import { TEMPLATE_DB, withDatabase } from '../support/paths';
import { startSmtpServer } from '../support/smtp';

// Two real server processes on one PostgreSQL database, as behind a load balancer: work spread over both is done
// once, and sign-in limits are shared. Only on PostgreSQL (the embedded database serves one process by design).
const url = process.env.DATABASE_URL;
const serverJs = join(process.cwd(), 'dist/server.js');

interface Instance {
  proc: ChildProcess;
  base: string;
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let dbName: string;
const instances: Instance[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function startInstance(): Promise<Instance> {
  const proc = spawn(process.execPath, [serverJs], {
    env: {
      ...process.env,
      DATABASE_URL: withDatabase(url!, dbName),
      SMTP_URL: smtp.url,
      PORT: '0',
      HOST: '127.0.0.1',
      PUBLIC_URL: '',
      JOB_POLL_MS: '50',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d) => {
    err += String(d);
  });
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d) => {
      out += String(d);
      const m = /"msg":"Debrief is serving".*?"port":(\d+)/.exec(out);
      if (m) resolve({ proc, base: `http://127.0.0.1:${m[1]}` });
    });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

async function call(
  i: Instance,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(i.base + path, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
}

describe.skipIf(engine !== 'postgres')('two instances on one PostgreSQL', () => {
  beforeAll(async () => {
    if (!existsSync(serverJs)) {
      const r = spawnSync(process.execPath, ['scripts/build.mjs', '--server'], { stdio: 'inherit' });
      if (r.status !== 0) throw new Error('could not build the server');
    }
    smtp = await startSmtpServer();
    dbName = `t_${randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${dbName} TEMPLATE ${TEMPLATE_DB}`));
    instances.push(...(await Promise.all([startInstance(), startInstance()])));
  }, 120_000);

  afterAll(async () => {
    for (const i of instances) {
      const exited = new Promise((r) => i.proc.once('exit', r));
      i.proc.kill('SIGTERM');
      await exited;
    }
    await smtp?.close();
    if (dbName) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  }, 120_000);

  /** Signs up on one instance and opens the emailed link on the other, as a person on a load balancer might. */
  async function signUpOn(first: Instance, second: Instance, name: string, email: string) {
    const asked = await call(first, 'POST', '/api/v1/organizations', {
      name,
      admin: { name: 'Ada', email, password: 'correct horse battery staple' },
    });
    expect(asked.status).toBe(202);
    let link: string | undefined;
    await expect
      .poll(
        () => {
          const message = smtp.messages.find((m) => m.to[0] === email);
          link = message && /\/signup\/confirm\/([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
          return link;
        },
        { timeout: 30_000 },
      )
      .toBeTruthy();
    const confirmed = await call(second, 'POST', '/api/v1/organizations/confirm', { token: link });
    expect(confirmed.status).toBe(201);
    return confirmed;
  }

  it('100 approvals spread over both instances send every email exactly once', async () => {
    const [a, b] = instances as [Instance, Instance];
    const signUp = await signUpOn(a, b, 'Two Instances Ltd', `ada-${dbName}@example.test`);
    const auth = { authorization: `Bearer ${signUp.body.token}` };
    const job = await call(
      a,
      'POST',
      '/api/v1/jobs',
      {
        title: 'Support Engineer',
        criteria: [{ name: 'Troubleshooting', description: 'Finds the cause of a fault methodically' }],
      },
      auth,
    );
    expect(job.status).toBe(201);
    const criterionId = job.body.criteria[0].id;

    const COUNT = 100;
    const recipients = Array.from({ length: COUNT }, (_, n) => `cand-${n}-${dbName}@example.test`);
    const approvals: number[] = [];
    // Ten at a time; each application goes through one instance or the other.
    for (let start = 0; start < COUNT; start += 10) {
      await Promise.all(
        recipients.slice(start, start + 10).map(async (email, k) => {
          const n = start + k;
          const via = n % 2 ? b : a;
          const other = n % 2 ? a : b;
          const app = await call(
            via,
            'POST',
            '/api/v1/applications',
            {
              jobId: job.body.id,
              candidate: { name: `Candidate ${n}`, email },
            },
            auth,
          );
          expect(app.status).toBe(201);
          const card = await call(
            other,
            'POST',
            `/api/v1/applications/${app.body.id}/scorecards`,
            {
              stage: 'interview',
              recommendation: 'no',
              ratings: [
                { criterionId, rating: 2, evidence: 'Did not check the logs before restarting the service.' },
              ],
            },
            auth,
          );
          expect(card.status).toBe(201);
          const rejected = await call(
            via,
            'POST',
            `/api/v1/applications/${app.body.id}/rejection`,
            {
              reason: 'skills-gap',
            },
            auth,
          );
          expect(rejected.status).toBe(201);
          const approved = await call(
            other,
            'POST',
            `/api/v1/feedback/${rejected.body.feedback.id}/approve`,
            {
              send: 'now',
            },
            auth,
          );
          approvals.push(approved.status);
        }),
      );
    }
    expect(approvals.filter((s) => s === 200)).toHaveLength(COUNT);

    const deadline = Date.now() + 60_000;
    const feedbackTo = () => smtp.messages.filter((m) => recipients.includes(m.to[0]!));
    while (feedbackTo().length < COUNT && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // Give a duplicate time to show up.
    await new Promise((r) => setTimeout(r, 1500));
    const sent = feedbackTo().map((m) => m.to[0]);
    expect(new Set(sent).size).toBe(COUNT);
    expect(sent).toHaveLength(COUNT);
  }, 180_000);

  it('sign-in limits are shared: guesses alternating between instances stop at ten', async () => {
    const [a, b] = instances as [Instance, Instance];
    const email = `owner-${dbName}@example.test`;
    await signUpOn(a, b, 'Shared Limits Ltd', email);
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        call(n % 2 ? b : a, 'POST', '/api/v1/auth/login', { email, password: `guess ${n}` }).then(
          (r) => r.status,
        ),
      ),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  it('a token revoked on one instance is refused by the other at its very next request', async () => {
    const [a, b] = instances as [Instance, Instance];
    const signUp = await signUpOn(b, a, 'Revocation Ltd', `revoke-${dbName}@example.test`);
    const owner = { authorization: `Bearer ${signUp.body.token}` };
    const created = await call(a, 'POST', '/api/v1/tokens', { name: 'Nightly export' }, owner);
    expect(created.status).toBe(201);
    const token = { authorization: `Bearer ${created.body.secret}` };
    // Both instances have just accepted it.
    expect((await call(a, 'GET', '/api/v1/applications', undefined, token)).status).toBe(200);
    expect((await call(b, 'GET', '/api/v1/applications', undefined, token)).status).toBe(200);

    expect(
      (await call(a, 'DELETE', `/api/v1/tokens/${created.body.token.id}`, undefined, owner)).status,
    ).toBe(204);
    const next = await call(b, 'GET', '/api/v1/applications', undefined, token);
    expect(next.status).toBe(401);
    expect(next.body.error.code).toBe('unauthorized');
    expect((await call(a, 'GET', '/api/v1/applications', undefined, token)).status).toBe(401);
  });
});
