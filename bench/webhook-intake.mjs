#!/usr/bin/env node
// Webhook intake: how fast Debrief acknowledges Greenhouse's and Lever's deliveries. The built server as a separate
// process, a Greenhouse and a Lever connection, and 20 concurrent senders posting signed reject_candidate events (each
// its own Greenhouse-Event-ID) for 20 s, then Lever's candidateArchiveChange events (signed in the body, each its own
// id and token) for as long. Each acknowledgement checks the signature over the raw body, refuses stale events,
// and writes the inbox row and the import job in one transaction; the import itself runs afterwards, off the
// request. Reports events acknowledged per second and p50/p99 to acknowledge. The baseline, measured in the same run
// against the same process, is the health route (one trivial query) at the same concurrency.
//
//   node bench/webhook-intake.mjs [--clients 20] [--seconds 20]      (embedded PGlite in a temporary DATA_DIR)
//   DATABASE_URL=postgres://... node bench/webhook-intake.mjs
// Needs a build (npm run build). The imports find no ATS (GREENHOUSE_API_URL and LEVER_API_URL point at a closed port)
// and wait to retry: the figures are the acknowledgement alone.
import { spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, root } from '../scripts/setup.mjs';
import { mailFolder, signUpByLink } from './sign-up.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 20);
const SECONDS = arg('seconds', 20);
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dataDir = mkdtempSync(join(tmpdir(), 'debrief-intake-'));
const port = await freePort();
const closedPort = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [join(root, 'dist/server.js')], {
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: base,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    GREENHOUSE_API_URL: `http://127.0.0.1:${closedPort}`,
    LEVER_API_URL: `http://127.0.0.1:${closedPort}/v1`,
    JOB_RETRY_BASE_MS: '3600000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const peakRssMb = () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
};

const template = JSON.parse(
  readFileSync(join(root, 'test/fixtures/greenhouse/reject_candidate.json'), 'utf8'),
);
delete template.$source;
const leverTemplate = JSON.parse(
  readFileSync(join(root, 'test/fixtures/lever/candidateArchiveChange.json'), 'utf8'),
);
delete leverTemplate.$source;
const LEVER_TOKEN = 'lever-bench-signature-token-0001';

try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {}
    if (i > 1200) throw new Error('server did not start');
    await sleep(50);
  }
  const stamp = Date.now().toString(36);
  const { token } = await signUpByLink(
    base,
    {
      name: 'Intake Co',
      admin: {
        name: 'Ada Admin',
        email: `intake-${stamp}@example.test`,
        password: 'correct horse battery staple',
      },
    },
    mailFolder(dataDir),
  );
  const created = await fetch(`${base}/api/v1/integrations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'greenhouse', apiKey: 'harvest-bench-key-0001', noteUserId: '4080' }),
  });
  if (created.status !== 201) throw new Error(`connect: ${created.status} ${await created.text()}`);
  const { webhookUrl, webhookSecret } = await created.json();
  const hook = new URL(new URL(webhookUrl).pathname, base).toString();
  const leverCreated = await fetch(`${base}/api/v1/integrations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'lever', apiKey: 'lever-bench-key-0001', webhookSecret: LEVER_TOKEN }),
  });
  if (leverCreated.status !== 201)
    throw new Error(`connect Lever: ${leverCreated.status} ${await leverCreated.text()}`);
  const leverHook = new URL(new URL((await leverCreated.json()).webhookUrl).pathname, base).toString();

  let n = 0;
  const delivery = () => {
    n++;
    const now = new Date().toISOString();
    const payload = structuredClone(template);
    Object.assign(payload.payload.application, {
      id: 1_000_000 + n,
      last_activity_at: now,
      rejected_at: now,
    });
    payload.payload.application.candidate.id = 2_000_000 + n;
    const body = JSON.stringify(payload);
    const signature = `sha256 ${createHmac('sha256', webhookSecret).update(body).digest('hex')}`;
    return {
      body,
      headers: { 'content-type': 'application/json', signature, 'greenhouse-event-id': randomUUID() },
    };
  };
  const leverDelivery = () => {
    n++;
    const payload = structuredClone(leverTemplate);
    Object.assign(payload, {
      id: randomUUID(),
      triggeredAt: Date.now(),
      token: randomUUID().replaceAll('-', ''),
    });
    payload.data.opportunityId = randomUUID();
    payload.data.toArchived.archivedAt = payload.triggeredAt;
    payload.signature = createHmac('sha256', LEVER_TOKEN)
      .update(`${payload.token}${payload.triggeredAt}`)
      .digest('hex');
    return { body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } };
  };
  const ROUTES = {
    health: async () => {
      const res = await fetch(`${base}/api/v1/health`);
      await res.text();
      if (!res.ok) throw new Error(String(res.status));
    },
    webhook: async () => {
      const d = delivery();
      const res = await fetch(hook, { method: 'POST', ...d });
      await res.text();
      if (res.status !== 202) throw new Error(String(res.status));
    },
    lever: async () => {
      const res = await fetch(leverHook, { method: 'POST', ...leverDelivery() });
      await res.text();
      if (res.status !== 202) throw new Error(String(res.status));
    },
  };

  async function load(kind, seconds) {
    const samples = [];
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          try {
            await ROUTES[kind]();
            samples.push(performance.now() - t);
          } catch {
            errors++;
          }
        }
      }),
    );
    return { samples, errors, seconds };
  }
  const pct = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : Number.NaN;
  };
  const report = ({ samples, errors, seconds }, label) => {
    const rate = samples.length / seconds;
    console.log(
      `${label.padEnd(28)} ${rate.toFixed(0).padStart(5)} /s  p50 ${pct(samples, 50).toFixed(1)} ms  p99 ${pct(samples, 99).toFixed(1)} ms  ${errors} errors`,
    );
    return rate;
  };

  console.log(`\nWebhook intake on ${engine}: ${CLIENTS} concurrent senders`);
  await load('health', 2); // warm-up
  const baseline = report(await load('health', Math.max(5, SECONDS / 4)), 'baseline (health)');
  const intake = report(await load('webhook', SECONDS), `reject_candidate events`);
  const lever = report(await load('lever', SECONDS), `Lever candidateArchiveChange`);
  console.log(
    `  ratio to baseline: ${(intake / baseline).toFixed(2)} (Greenhouse), ${(lever / baseline).toFixed(2)} (Lever); server peak memory ${peakRssMb()} MB`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
