#!/usr/bin/env node
// A slow mail server for some messages: how long the others wait. Each run starts the built server on a fresh
// embedded database with JOB_CONCURRENCY set, and a real SMTP server on 127.0.0.1 that answers messages to "slow-"
// addresses only after a delay. It queues the slow invitations first, then the others, through the API, and reports
// the longest wait of a message, from its invitation's answer to its arrival at the SMTP server, among the others and
// among the slow ones.
//
//   node bench/email-slow.mjs [--slow 3] [--others 20] [--delay-ms 5000] [--concurrency 1,4]
// Needs a build (npm run build).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort, root } from '../scripts/setup.mjs';
import { signUpByLink } from './sign-up.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SLOW = Number(arg('slow', 3));
const OTHERS = Number(arg('others', 20));
const DELAY_MS = Number(arg('delay-ms', 5000));
const LEVELS = String(arg('concurrency', '1,4')).split(',').map(Number);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** When each recipient's message arrived, and every message whole (for the sign-up link). */
const arrivedAt = new Map();
const messages = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', async () => {
      const to = session.envelope.rcptTo.map((r) => r.address);
      if (to.some((a) => a.startsWith('slow-'))) await sleep(DELAY_MS);
      for (const a of to) arrivedAt.set(a, Date.now());
      messages.push(Buffer.concat(chunks).toString('utf8'));
      callback();
    });
  },
});
smtp.on('error', () => {});
await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
const smtpUrl = `smtp://127.0.0.1:${smtp.server.address().port}`;

async function waitHealthy(base, timeoutMs = 240_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return;
    } catch {}
    await sleep(50);
  }
  throw new Error('server did not become healthy');
}

/** When each invitation was answered (queued). */
const queuedAt = new Map();

/** The longest wait among these addresses' messages, once all have arrived. */
async function longestWait(addresses, timeoutMs = 300_000) {
  const end = Date.now() + timeoutMs;
  while (!addresses.every((a) => arrivedAt.has(a))) {
    if (Date.now() > end) throw new Error('messages did not arrive');
    await sleep(20);
  }
  return Math.max(...addresses.map((a) => arrivedAt.get(a) - queuedAt.get(a)));
}

for (const concurrency of LEVELS) {
  const dataDir = mkdtempSync(join(tmpdir(), 'debrief-slow-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [join(root, 'dist/server.js')], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      SMTP_URL: smtpUrl,
      PUBLIC_URL: base,
      HOST: '127.0.0.1',
      JOB_CONCURRENCY: String(concurrency),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
  try {
    await waitHealthy(base);
    const { token } = await signUpByLink(
      base,
      {
        name: `Slow ${concurrency}`,
        admin: {
          name: 'Ada Admin',
          email: `admin-${concurrency}@example.test`,
          password: 'correct horse battery staple',
        },
      },
      () => messages,
    );
    const slow = Array.from({ length: SLOW }, (_, i) => `slow-${concurrency}-${i}@example.test`);
    const others = Array.from({ length: OTHERS }, (_, i) => `member-${concurrency}-${i}@example.test`);
    for (const email of [...slow, ...others]) {
      const res = await fetch(`${base}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: 'Member', email, role: 'interviewer' }),
      });
      if (res.status !== 201) throw new Error(`invite ${email}: ${res.status} ${await res.text()}`);
      queuedAt.set(email, Date.now());
    }
    const others_ = await longestWait(others);
    const slow_ = await longestWait(slow);
    console.log(
      `JOB_CONCURRENCY=${concurrency}: longest wait of the ${OTHERS} others ${(others_ / 1000).toFixed(1)} s, ` +
        `of the ${SLOW} slow ones ${(slow_ / 1000).toFixed(1)} s (each answered after ${DELAY_MS / 1000} s)`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
smtp.close();
