import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpByLink } from '../support/sign-up-by-link';

// Two containers sharing a volume see each other's processes under other PIDs, or not at all. The data-directory
// lock must hold across PID namespaces: a second server started in its own namespace is refused, not let in.
const root = process.cwd();
const serverJs = join(root, 'dist/server.js');
const canUnshare = spawnSync('unshare', ['--pid', '--fork', 'true']).status === 0;
let dataDir: string;
const running: ChildProcess[] = [];

beforeAll(() => {
  if (!existsSync(serverJs)) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--server'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not build the server');
  }
  dataDir = mkdtempSync(join(tmpdir(), 'debrief-ns-'));
});
afterAll(() => {
  for (const p of running) p.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function start(
  command: string[],
): Promise<{ proc: ChildProcess; port?: string; code?: number | null; err: string }> {
  const [cmd, ...args] = command;
  const proc = spawn(cmd!, args, {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(proc);
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d) => {
    err += String(d);
  });
  return new Promise((resolve) => {
    proc.stdout!.on('data', (d) => {
      out += String(d);
      const m = /"msg":"Debrief is serving".*?"port":(\d+)/.exec(out);
      if (m) resolve({ proc, port: m[1], err });
    });
    proc.on('exit', (code) => resolve({ proc, code, err }));
  });
}

describe.skipIf(!canUnshare)('the data-directory lock across PID namespaces', () => {
  it('refuses a second server started in another PID namespace while the first runs', async () => {
    const first = await start([process.execPath, serverJs]);
    expect(first.port).toBeDefined();
    const ok = await signUpByLink(`http://127.0.0.1:${first.port}`, dataDir, {
      name: 'Kept Ltd',
      admin: { name: 'Ada', email: 'ada@kept.test', password: 'correct horse battery staple' },
    });
    expect(ok.status).toBe(201);

    const second = await start(['unshare', '--pid', '--fork', process.execPath, serverJs]);
    expect(second.port, 'a second server must not serve the same data directory').toBeUndefined();
    expect(second.code).toBe(73);
    expect(second.err).toMatch(/in use by another Debrief process/);

    // The first still serves, with its data.
    const login = await fetch(`http://127.0.0.1:${first.port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@kept.test', password: 'correct horse battery staple' }),
    });
    expect(login.status).toBe(200);
  });
});
