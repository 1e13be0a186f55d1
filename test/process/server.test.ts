import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpByLink } from '../support/sign-up-by-link';

// The real server process on embedded PostgreSQL: what a person running `npm start` gets.
const root = process.cwd();
const serverJs = join(root, 'dist/server.js');
let dataDir: string;

beforeAll(() => {
  if (!existsSync(serverJs)) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--server'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not build the server');
  }
  dataDir = mkdtempSync(join(tmpdir(), 'debrief-proc-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Running {
  proc: ChildProcess;
  url: string;
  out: string[];
  err: string[];
  exited: Promise<number | null>;
}

function start(env: Record<string, string> = {}): Promise<Running> {
  const proc = spawn(process.execPath, [serverJs], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      SMTP_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  proc.stderr!.on('data', (d) => err.push(String(d)));
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d) => {
      out.push(String(d));
      const m = /"msg":"Debrief is serving".*?"port":(\d+)/.exec(out.join(''));
      if (m) resolve({ proc, url: `http://127.0.0.1:${m[1]}`, out, err, exited });
    });
    exited.then((code) => reject(Object.assign(new Error(`exited ${code}: ${err.join('')}`), { code, err })));
  });
}

async function json(url: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method,
    headers: body ? { 'content-type': 'application/json', ...headers } : headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

const admin = { name: 'Ada', email: 'ada@process.test', password: 'correct horse battery staple' };

describe('the server process on embedded PostgreSQL', () => {
  it('refuses a second process on the same DATA_DIR and keeps serving; finishes in-flight work on SIGTERM; keeps data across a restart', async () => {
    const first = await start();
    expect((await json(`${first.url}/api/v1/health`)).body).toEqual({ status: 'ok' });
    const signUp = await signUpByLink(first.url, dataDir, { name: 'Durable', admin });
    expect(signUp.status).toBe(201);

    // A second process on the same data directory stops with a clear message.
    const second = await start().then(
      () => ({ code: 0, err: 'started' }),
      (e: { code: number; err: string[] }) => ({ code: e.code, err: e.err.join('') }),
    );
    expect(second.code).toBe(73);
    expect(second.err).toMatch(/in use by another Debrief process/);
    expect((await json(`${first.url}/api/v1/health`)).status).toBe(200);

    // SIGTERM while a request is in flight: it still gets its answer, then the process stops cleanly.
    const inFlight = json(`${first.url}/api/v1/auth/login`, 'POST', {
      email: admin.email,
      password: admin.password,
    });
    await new Promise((r) => setTimeout(r, 5));
    first.proc.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await first.exited).toBe(0);
    expect(first.out.join('')).toMatch(/"msg":"stopped"/);
    expect(existsSync(join(dataDir, 'debrief.lock'))).toBe(false);

    // A restart keeps the data.
    const again = await start();
    try {
      const login = await json(`${again.url}/api/v1/auth/login`, 'POST', {
        email: admin.email,
        password: admin.password,
      });
      expect(login.status).toBe(200);
      expect(login.body.organization.name).toBe('Durable');
    } finally {
      again.proc.kill('SIGTERM');
      await again.exited;
    }
  });

  it('holds the data directory lock until the process dies: refused while it runs, free after SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'debrief-lock-'));
    try {
      const first = await start({ DATA_DIR: dir });
      const lockFile = join(dir, 'debrief.lock');
      expect(Number.parseInt(readFileSync(lockFile, 'utf8'), 10)).toBe(first.proc.pid);

      const second = await start({ DATA_DIR: dir }).then(
        (s) => {
          s.proc.kill('SIGKILL');
          return { code: 0, err: 'started' };
        },
        (e: { code: number; err: string[] }) => ({ code: e.code, err: e.err.join('') }),
      );
      expect(second.code).toBe(73);
      expect(second.err).toContain(
        `The data directory ${dir} is in use by another Debrief process (pid ${first.proc.pid})`,
      );

      // Killed outright: no clean-up runs and the file stays, naming a dead process; the kernel let go of the lock.
      first.proc.kill('SIGKILL');
      await first.exited;
      expect(existsSync(lockFile)).toBe(true);
      const third = await start({ DATA_DIR: dir });
      try {
        expect((await json(`${third.url}/api/v1/health`)).body).toEqual({ status: 'ok' });
        expect(Number.parseInt(readFileSync(lockFile, 'utf8'), 10)).toBe(third.proc.pid);
      } finally {
        third.proc.kill('SIGTERM');
        await third.exited;
      }

      // A file naming a live process that holds no lock (a pid reused after a crash) does not block a start.
      writeFileSync(lockFile, `${process.pid}\n`);
      const fourth = await start({ DATA_DIR: dir });
      fourth.proc.kill('SIGTERM');
      expect(await fourth.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('stops at start with a message naming a wrong setting', async () => {
    const r = await start({ PORT: 'eighty' }).catch((e) => e);
    expect(r.code).toBe(78);
    expect(r.err.join('')).toMatch(/PORT/);
  });

  it('writes mail to DATA_DIR/mail when SMTP_URL is unset', async () => {
    const s = await start();
    try {
      const org = await signUpByLink(s.url, dataDir, {
        name: 'Mailless',
        admin: { ...admin, email: 'mailless@process.test' },
      });
      const signUpMail = existsSync(join(dataDir, 'mail')) ? readdirSync(join(dataDir, 'mail')) : [];
      const invited = await json(
        `${s.url}/api/v1/users`,
        'POST',
        { name: 'Newcomer', email: 'newcomer@process.test', role: 'recruiter' },
        { authorization: `Bearer ${org.body.token}` },
      );
      expect(invited.status).toBe(201);
      let files: string[] = [];
      for (let i = 0; i < 50 && files.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        files = readdirSync(join(dataDir, 'mail')).filter((f) => !signUpMail.includes(f));
      }
      expect(files).toHaveLength(1);
      const eml = readFileSync(join(dataDir, 'mail', files[0]), 'utf8');
      expect(eml).toMatch(/^To: newcomer@process\.test/m);
      expect(eml).toMatch(/invitations\//);
    } finally {
      s.proc.kill('SIGTERM');
      await s.exited;
    }
  });

  it('takes a snapshot of the embedded database while serving, and a restore brings the data back', async () => {
    const s = await start();
    let file: string;
    try {
      const org = await signUpByLink(s.url, dataDir, {
        name: 'Snapshot',
        admin: { ...admin, email: 'snapshot@process.test' },
      });
      expect(org.status).toBe(201);
      const backup = spawnSync(process.execPath, ['scripts/backup.mjs'], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      expect(backup.status, backup.stderr).toBe(0);
      file = backup.stdout.trim();
      expect(file).toMatch(/backups\/debrief-.*\.tar\.gz$/);
      // Still serving.
      expect((await json(`${s.url}/api/v1/health`)).status).toBe(200);
    } finally {
      s.proc.kill('SIGTERM');
      await s.exited;
    }

    const elsewhere = mkdtempSync(join(tmpdir(), 'debrief-restore-'));
    try {
      const restore = spawnSync(process.execPath, ['scripts/restore.mjs', file], {
        cwd: root,
        env: { ...process.env, DATA_DIR: elsewhere, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      expect(restore.status, restore.stderr).toBe(0);
      const restored = await start({ DATA_DIR: elsewhere });
      try {
        const login = await json(`${restored.url}/api/v1/auth/login`, 'POST', {
          email: 'snapshot@process.test',
          password: admin.password,
        });
        expect(login.status).toBe(200);
        expect(login.body.organization.name).toBe('Snapshot');
      } finally {
        restored.proc.kill('SIGTERM');
        await restored.exited;
      }
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
