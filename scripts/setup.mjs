// What `npm start` and `npm test` need before they run, installed when missing. Plain Node: no dependencies.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const isRoot = process.getuid?.() === 0;

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

export function must(cmd, args, opts = {}) {
  const status = run(cmd, args, opts);
  if (status !== 0) {
    console.error(`\n${[cmd, ...args].join(' ')} failed (exit ${status})`);
    process.exit(status);
  }
}

/** npm packages: installed from the lock file when node_modules is missing or older than the lock. */
export function ensureNodeModules() {
  const marker = join(root, 'node_modules/.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs)) return;
  console.log('Installing npm packages…');
  must('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

/** Directory of PostgreSQL's server programs (initdb, pg_ctl), newest first, or undefined. */
export function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : undefined;
}

export const chromiumPath = '/usr/bin/chromium';

/** Debian packages the tests need: Chromium for the browser tests, PostgreSQL for the second engine. */
export function ensureSystemPackages() {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push('chromium');
  if (!postgresBin()) missing.push('postgresql');
  if (!missing.length) return;
  if (!isRoot) {
    console.error(
      `The tests need these Debian packages: ${missing.join(', ')}. Install them (as root: apt-get install ${missing.join(' ')}) and run npm test again.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  must('apt-get', ['update', '-qq'], { env });
  must('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

export async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A throwaway PostgreSQL cluster on 127.0.0.1, run as the postgres user when we are root (initdb refuses root). */
export function startPostgres(port) {
  const pgBin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'debrief-pg-'));
  const as = (cmd, args) =>
    isRoot
      ? run('runuser', ['-u', 'postgres', '--', join(pgBin, cmd), ...args], { cwd: '/' })
      : run(join(pgBin, cmd), args);
  if (isRoot) {
    spawnSync('id', ['postgres']).status === 0 ||
      run('useradd', ['--system', '--home', '/var/lib/postgresql', 'postgres']);
    chownSync(
      dir,
      Number(spawnSync('id', ['-u', 'postgres']).stdout),
      Number(spawnSync('id', ['-g', 'postgres']).stdout),
    );
  }
  const data = join(dir, 'data');
  if (as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']) !== 0) {
    return { ok: false, dir };
  }
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const ok =
    as('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']) === 0;
  return {
    ok,
    dir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      as('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
