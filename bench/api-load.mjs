#!/usr/bin/env node
// API under load: the built server as a separate process, 50 concurrent clients for 60 s on the routes a hiring
// team uses most (list applications, open one, submit a scorecard), on the embedded database or on PostgreSQL
// (DATABASE_URL). Reports requests per second, p50 and p99 latency per route, and the server's peak memory. The
// baseline, measured in the same run against the same process, is the health route (one trivial query): the ratio
// says what the real routes cost beyond the HTTP stack.
//
//   node bench/api-load.mjs [--clients 50] [--seconds 60]            (embedded PGlite in a temporary DATA_DIR)
//   DATABASE_URL=postgres://... node bench/api-load.mjs
// Needs a build (npm run build).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, root } from '../scripts/setup.mjs';
import { mailFolder, signUpByLink } from './sign-up.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 50);
const SECONDS = arg('seconds', 60);
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dataDir = mkdtempSync(join(tmpdir(), 'debrief-load-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(root, 'dist/server.js')],
  {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: base,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const peakRssMb = () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
};

async function call(method, path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {}
    if (i > 1200) throw new Error('server did not start');
    await sleep(50);
  }
  // A realistic organization: two jobs, 100 applications, each with a scorecard.
  const stamp = Date.now().toString(36);
  const { token } = await signUpByLink(
    base,
    {
      name: 'Load Co',
      admin: {
        name: 'Ada Admin',
        email: `load-${stamp}@example.test`,
        password: 'correct horse battery staple',
      },
    },
    mailFolder(dataDir),
  );
  const criteria = [
    { name: 'System design', description: 'Designs services that scale and fail safely' },
    { name: 'Communication', description: 'Explains technical trade-offs clearly' },
  ];
  const applications = [];
  for (const title of ['Backend Engineer', 'Data Engineer']) {
    const job = await call('POST', '/api/v1/jobs', token, { title, criteria });
    for (let i = 0; i < 50; i++) {
      const app = await call('POST', '/api/v1/applications', token, {
        jobId: job.id,
        candidate: { name: `Candidate ${i}`, email: `c-${stamp}-${title.length}-${i}@example.test` },
      });
      applications.push({ id: app.id, criteria: job.criteria.map((c) => c.id) });
    }
  }
  const scorecard = (a) => ({
    stage: 'interview',
    recommendation: 'no',
    ratings: a.criteria.map((criterionId, i) => ({
      criterionId,
      rating: i === 0 ? 2 : 3,
      evidence: 'The design had no plan for retries when the payment provider times out.',
    })),
  });
  for (const a of applications)
    await call('POST', `/api/v1/applications/${a.id}/scorecards`, token, scorecard(a));

  const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
  const ROUTES = {
    health: () => call('GET', '/api/v1/health', token),
    list: () => call('GET', '/api/v1/applications?limit=20', token),
    detail: () => call('GET', `/api/v1/applications/${pick(applications).id}`, token),
    scorecard: () => {
      const a = pick(applications);
      return call('POST', `/api/v1/applications/${a.id}/scorecards`, token, scorecard(a));
    },
  };

  async function load(mix, seconds) {
    const samples = Object.fromEntries(Object.keys(ROUTES).map((k) => [k, []]));
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < end) {
          const kind = pick(mix);
          const t = performance.now();
          try {
            await ROUTES[kind]();
            samples[kind].push(performance.now() - t);
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
    const total = Object.values(samples).reduce((n, xs) => n + xs.length, 0);
    console.log(`${label}: ${(total / seconds).toFixed(0)} req/s, ${errors} errors`);
    for (const [kind, xs] of Object.entries(samples)) {
      if (!xs.length) continue;
      console.log(
        `  ${kind.padEnd(9)} ${String(xs.length).padStart(7)} requests  p50 ${pct(xs, 50).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms`,
      );
    }
    return total / seconds;
  };

  console.log(`\nAPI load on ${engine}: ${CLIENTS} clients`);
  await load(['list', 'detail'], 3); // warm-up
  const baseline = report(await load(['health'], Math.max(5, SECONDS / 6)), 'baseline (health)');
  const real = report(
    await load(
      ['list', 'list', 'list', 'list', 'detail', 'detail', 'detail', 'detail', 'scorecard'],
      SECONDS,
    ),
    `list, detail and scorecard for ${SECONDS} s`,
  );
  console.log(`  ratio to baseline: ${(real / baseline).toFixed(2)}; server peak memory ${peakRssMb()} MB`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
