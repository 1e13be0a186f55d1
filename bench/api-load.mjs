#!/usr/bin/env node
// API under load: the built server as a separate process, 50 concurrent clients for 60 s on the routes a hiring
// team uses most (list applications, open one, submit a scorecard), on the embedded database or on PostgreSQL
// (DATABASE_URL). Reports requests per second, p50 and p99 latency per route, and the server's peak memory. The
// baseline, measured in the same run against the same process, is the health route (one trivial query): the ratio
// says what the real routes cost beyond the HTTP stack.
//
//   node bench/api-load.mjs [--clients 50] [--seconds 60] [--only scorecard]   (embedded PGlite in a temporary DATA_DIR)
//   DATABASE_URL=postgres://... node bench/api-load.mjs
// Needs a build (npm run build).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, root } from '../scripts/setup.mjs';
import { mailFolder, signUpByLink } from './sign-up.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 50);
// --only scorecard (or list, detail, or several, comma-separated): the timed phase runs only those routes, to read
// one route's CPU a request apart from the mix.
const ONLY = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1].split(',')
  : undefined;
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

// CPU time in ms of a process (with its reaped children), from /proc (Linux); NaN elsewhere.
const TICK_MS = 10; // USER_HZ is 100 on Linux
const cpuMs = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
};
const parentOf = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
};
/** PostgreSQL's CPU: its postmaster and every process it started (read from postmaster.pid in its data folder). */
let postmaster;
const databaseCpuMs = () => {
  if (!postmaster) return Number.NaN;
  let total = cpuMs(postmaster);
  for (const name of readdirSync('/proc')) {
    if (/^\d+$/.test(name) && parentOf(Number(name)) === postmaster) total += cpuMs(Number(name));
  }
  return total;
};
const generatorCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// The load generator shares the machine's CPUs with the server (and PostgreSQL): it sends with node:http over
// kept-alive connections, one per client, which costs it about half of what fetch() does per request. BENCH_FETCH=1
// sends with fetch() instead (as the figures before 2026-12-03 did).
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
function send(method, path, token, body) {
  const payload = body ? JSON.stringify(body) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function call(method, path, token, body) {
  if (!process.env.BENCH_FETCH) {
    const { status, text } = await send(method, path, token, body);
    if (status >= 300) throw new Error(`${method} ${path}: ${status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
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

  if (process.env.DATABASE_URL) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query('show data_directory');
    await client.end();
    const pidFile = join(rows[0].data_directory, 'postmaster.pid');
    if (existsSync(pidFile)) postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  }

  async function load(mix, seconds) {
    const samples = Object.fromEntries(Object.keys(ROUTES).map((k) => [k, []]));
    let errors = 0;
    const cpu0 = { server: cpuMs(server.pid), generator: generatorCpuMs(), database: databaseCpuMs() };
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
    const cpu = {
      server: cpuMs(server.pid) - cpu0.server,
      generator: generatorCpuMs() - cpu0.generator,
      database: databaseCpuMs() - cpu0.database,
    };
    return { samples, errors, seconds, cpu };
  }
  const pct = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : Number.NaN;
  };
  const report = ({ samples, errors, seconds, cpu }, label) => {
    const total = Object.values(samples).reduce((n, xs) => n + xs.length, 0);
    console.log(`${label}: ${(total / seconds).toFixed(0)} req/s, ${errors} errors`);
    // CPU per request answered: what the server, the load generator and PostgreSQL each spent (2 CPUs in all).
    const per = (ms) => (Number.isNaN(ms) ? 'n/a' : `${(ms / total).toFixed(3)} ms`);
    console.log(
      `  CPU per request: server ${per(cpu.server)}, generator ${per(cpu.generator)}, PostgreSQL ${per(cpu.database)}; server busy ${((100 * cpu.server) / (seconds * 1000)).toFixed(0)}% of one CPU`,
    );
    for (const [kind, xs] of Object.entries(samples)) {
      if (!xs.length) continue;
      console.log(
        `  ${kind.padEnd(9)} ${String(xs.length).padStart(7)} requests  p50 ${pct(xs, 50).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms`,
      );
    }
    return total / seconds;
  };

  console.log(
    `\nAPI load on ${engine}: ${CLIENTS} clients; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  await load(['list', 'detail'], 3); // warm-up
  const baseline = report(await load(['health'], Math.max(5, SECONDS / 6)), 'baseline (health)');
  const mix = ONLY ?? ['list', 'list', 'list', 'list', 'detail', 'detail', 'detail', 'detail', 'scorecard'];
  const real = report(
    await load(mix, SECONDS),
    ONLY ? `${ONLY.join(', ')} for ${SECONDS} s` : `list, detail and scorecard for ${SECONDS} s`,
  );
  console.log(
    `  ratio to baseline: ${(real / baseline).toFixed(2)}; server peak memory ${peakRssMb()} MB; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
