#!/usr/bin/env node
// `node bench/start-time.mjs`: time from `node scripts/start.mjs` (what `npm start` runs) to the health route
// answering, on an unchanged checkout (median of --runs, default 5, after one warm-up start) and after a source
// change (a comment appended to src/main.ts, taken out again afterwards; median of --change-runs, default 3). As a
// floor, the same for the server bundle alone (`node dist/server.js`: no install check, no build check). Besides
// the wall time it prints the CPU time the start process had used when the health route answered (build steps run
// as child processes count; on a shared machine this is the steadier figure).
// Each start gets a free port and the same temporary DATA_DIR; the server is stopped with SIGTERM after answering.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, root } from '../scripts/setup.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 5);
const changeRuns = arg('--change-runs', 3);
const dataDir = mkdtempSync(join(tmpdir(), 'debrief-start-bench-'));

async function startOnce(script = 'scripts/start.mjs') {
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(process.execPath, [join(root, script)], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  let done = false;
  exited.then(() => {
    done = true;
  });
  try {
    for (;;) {
      if (done) throw new Error(`start exited before answering:\n${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { wall: performance.now() - t0, cpu: cpuMs(proc.pid) };
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    proc.kill('SIGTERM');
    await exited;
  }
}

/** CPU time the process (and the children it waited for) used so far, in ms (Linux; clock ticks of 10 ms). */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const report = (label, xs) =>
  console.log(
    `${label}: median ${fmt(median(xs.map((x) => x.wall)))} of ${xs.length} (${xs.map((x) => fmt(x.wall)).join(', ')}); ` +
      `CPU time to health: median ${fmt(median(xs.map((x) => x.cpu)))}`,
  );

const mainTs = join(root, 'src/main.ts');
const original = readFileSync(mainTs, 'utf8');
const restore = () => writeFileSync(mainTs, original);
process.on('SIGINT', () => {
  restore();
  process.exit(130);
});

try {
  await startOnce(); // warm-up: builds if needed, migrates the fresh DATA_DIR
  const unchanged = [];
  for (let i = 0; i < runs; i++) unchanged.push(await startOnce());
  const serverAlone = [];
  for (let i = 0; i < runs; i++) serverAlone.push(await startOnce('dist/server.js'));
  const changed = [];
  for (let i = 0; i < changeRuns; i++) {
    writeFileSync(mainTs, `${original}// start-time bench ${Date.now()}-${i}\n`);
    changed.push(await startOnce());
  }
  restore();
  await startOnce(); // leaves a build of the unchanged sources behind
  report('start to health, unchanged sources', unchanged);
  report('floor, `node dist/server.js` alone to health', serverAlone);
  report('start to health, after a source change', changed);
} finally {
  restore();
  rmSync(dataDir, { recursive: true, force: true });
}
