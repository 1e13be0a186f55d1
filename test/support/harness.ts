import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desc, sql } from 'drizzle-orm';
import { assemble, type Debrief } from '../../src/boot';
import { loadConfig } from '../../src/config';
import { emails } from '../../src/db/schema';
import { createLogger, type Logger } from '../../src/lib/logger';
import { openTestDatabase } from './database';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Client {
  get<T = any>(path: string): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  put<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  delete<T = any>(path: string): Promise<Reply<T>>;
  /** Any request, body sent as given (for malformed input). */
  raw<T = any>(
    method: string,
    path: string,
    init?: { body?: string; headers?: Record<string, string> },
  ): Promise<Reply<T>>;
}

export interface Harness extends Debrief {
  dataDir: string;
  /** An anonymous client. */
  anon: Client;
  as(credentials: { token?: string; cookie?: string }): Client;
  /** Runs every due job now. */
  drainJobs(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A whole Debrief (database, job runner, mailer, HTTP app) for one test file, on a private database cloned from the
 * migrated template. Requests go through the real HTTP app in process (`app.request`).
 */
export async function startHarness(
  env: Record<string, string> = {},
  opts: { logger?: Logger } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'debrief-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://debrief.test',
    JOB_RETRY_BASE_MS: '1',
    ...env,
  });
  const database = await openTestDatabase();
  const parts = assemble(config, database, opts.logger ?? createLogger('silent'));

  const client = (creds: { token?: string; cookie?: string }): Client => {
    const raw = async (
      method: string,
      path: string,
      init: { body?: string; headers?: Record<string, string> } = {},
    ) => {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      if (creds.token) headers.authorization = `Bearer ${creds.token}`;
      if (creds.cookie) headers.cookie = creds.cookie;
      const res = await parts.http.request(path, { method, headers, body: init.body });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: body as any, headers: res.headers };
    };
    const json = (method: string) => (path: string, body?: unknown) =>
      raw(
        method,
        path,
        body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
      );
    return {
      get: (p) => raw('GET', p),
      post: json('POST'),
      put: json('PUT'),
      patch: json('PATCH'),
      delete: (p) => raw('DELETE', p),
      raw,
    };
  };

  return {
    ...parts,
    dataDir,
    anon: client({}),
    as: client,
    drainJobs: () => parts.runner.runDue(),
    async close() {
      await parts.runner.stop();
      parts.mailer.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const uniqueEmail = (who = 'user') => `${who}-${randomBytes(5).toString('hex')}@example.test`;
export const PASSWORD = 'correct horse battery staple';

/** The newest message Debrief recorded for an address (what its owner would find in their inbox). */
export async function lastMessageTo(h: Harness, to: string) {
  const [message] = await h.ctx.db
    .select()
    .from(emails)
    .where(sql`lower(${emails.to}) = lower(${to})`)
    .orderBy(desc(emails.createdAt))
    .limit(1);
  if (!message) throw new Error(`no message to ${to}`);
  return message;
}

/** The token at the end of a link in a message: `/signup/confirm/<token>`, `/me/confirm/<token>`, … */
export function tokenIn(text: string, path: string): string {
  const m = new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(text);
  if (!m?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return m[1];
}

/**
 * Each test makes its own organization, as a person would: the sign-up, the emailed link, the confirmation. Returns
 * the admin with a token, a session cookie and a client for each.
 */
export async function newOrganization(h: Harness, name = 'Acme Hiring') {
  const email = uniqueEmail('admin');
  const asked = await h.anon.post('/api/v1/organizations', {
    name,
    admin: { name: 'Ada Admin', email, password: PASSWORD },
  });
  if (asked.status !== 202) throw new Error(`sign-up failed: ${asked.status} ${JSON.stringify(asked.body)}`);
  const token = tokenIn((await lastMessageTo(h, email)).text, '/signup/confirm');
  const res = await h.anon.post('/api/v1/organizations/confirm', { token });
  if (res.status !== 201) throw new Error(`confirmation failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = sessionCookie(res.headers);
  return {
    organization: res.body.organization as { id: string; name: string },
    user: res.body.user as { id: string; email: string; role: string },
    email,
    token: res.body.token as string,
    cookie,
    api: h.as({ token: res.body.token }),
  };
}

/** A candidate's own account, made through the emailed link; returns its session token and a client. */
export async function newCandidateAccount(h: Harness, name = 'Sam Rivera', email = uniqueEmail('candidate')) {
  const asked = await h.anon.post('/api/v1/candidate/signup', { name, email, password: PASSWORD });
  if (asked.status !== 202) throw new Error(`sign-up failed: ${asked.status} ${JSON.stringify(asked.body)}`);
  const link = tokenIn((await lastMessageTo(h, email)).text, '/me/confirm');
  const res = await h.anon.post('/api/v1/candidate/signup/confirm', { token: link });
  if (res.status !== 200) throw new Error(`confirmation failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token = res.body.token as string;
  return { email, token, api: h.as({ token }) };
}

export function sessionCookie(headers: Headers): string {
  const set = headers.get('set-cookie') ?? '';
  const m = /debrief_session=([^;]*)/.exec(set);
  return m ? `debrief_session=${m[1]}` : '';
}

/** The link in an invitation message, and the token at its end. */
export function linkIn(text: string): { link: string; token: string } {
  const m = /(https?:\/\/\S+\/invitations\/([A-Za-z0-9_-]+))/.exec(text);
  if (!m) throw new Error(`no link in: ${text}`);
  return { link: m[1], token: m[2] };
}
