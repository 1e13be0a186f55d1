#!/usr/bin/env node
// Emails and kill -9: how many messages arrive twice when the server dies in the middle of a batch, and how long
// the batch takes to finish after a restart. Each run: a fresh embedded database, a real SMTP server on 127.0.0.1,
// 50 invitations queued through the API, kill -9 at a random moment while they go out, a restart, and a count of
// what the SMTP server received (by Message-ID) once all 50 have arrived.
//
//   node bench/email-crash.mjs [--runs 20] [--batch 50]
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
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 20);
const BATCH = arg('batch', 50);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const received = [];
/** Every message whole, for the sign-up link. */
const messages = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const head = Buffer.concat(chunks)
        .toString('utf8')
        .split(/\r?\n\r?\n/)[0];
      received.push(/^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '');
      messages.push(Buffer.concat(chunks).toString('utf8'));
      callback();
    });
  },
});
// A killed server leaves its connection reset mid-message: that is the point of the run, not an error of it.
smtp.on('error', () => {});
await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
const smtpUrl = `smtp://127.0.0.1:${smtp.server.address().port}`;

function startServer(dataDir, port) {
  const child = spawn(process.execPath, [join(root, 'dist/server.js')], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      SMTP_URL: smtpUrl,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
  return child;
}

async function waitHealthy(base, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return;
    } catch {}
    await sleep(50);
  }
  throw new Error('server did not become healthy');
}

const json = (token, body) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

const results = [];
for (let run = 1; run <= RUNS; run++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'debrief-crash-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = startServer(dataDir, port);
  try {
    await waitHealthy(base);
    const { token } = await signUpByLink(
      base,
      {
        name: `Crash ${run}`,
        admin: {
          name: 'Ada Admin',
          email: `admin-${run}@example.test`,
          password: 'correct horse battery staple',
        },
      },
      () => messages,
    );
    received.length = 0;
    for (let i = 0; i < BATCH; i++) {
      const res = await fetch(
        `${base}/api/v1/users`,
        json(token, { name: `Member ${i}`, email: `member-${run}-${i}@example.test`, role: 'interviewer' }),
      );
      if (res.status !== 201) throw new Error(`invite ${i}: ${res.status} ${await res.text()}`);
    }
    // Kill at a random moment while the batch goes out.
    while (received.length < BATCH * Math.random() * 0.9) await sleep(1);
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    const restarted = Date.now();
    server = startServer(dataDir, port);
    await waitHealthy(base);
    while (new Set(received).size < BATCH) {
      if (Date.now() - restarted > 120_000)
        throw new Error(`only ${new Set(received).size} of ${BATCH} arrived`);
      await sleep(20);
    }
    const recoveryMs = Date.now() - restarted;
    await sleep(500); // anything late would show up as a duplicate
    const duplicates = received.length - new Set(received).size;
    results.push({ run, duplicates, recoveryMs });
    console.log(
      `run ${run}: ${duplicates} duplicate(s), all ${BATCH} delivered ${(recoveryMs / 1000).toFixed(1)} s after restart`,
    );
  } finally {
    server.kill('SIGKILL');
    await sleep(200);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
smtp.close();
const dupRuns = results.filter((r) => r.duplicates > 0).length;
const worst = Math.max(...results.map((r) => r.recoveryMs));
console.log(
  `\n${RUNS} kill -9 runs of ${BATCH} emails: ${results.reduce((n, r) => n + r.duplicates, 0)} duplicate(s) in ${dupRuns} run(s); ` +
    `slowest recovery ${(worst / 1000).toFixed(1)} s (target: at most 1 duplicate in 20 runs, recovery within 30 s)`,
);
