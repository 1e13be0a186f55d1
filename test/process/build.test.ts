import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/build.mjs on a copy of the checkout (sources and configuration; node_modules linked), so changing a source
// here leaves the real checkout and its dist alone.
const root = process.cwd();
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'debrief-build-'));
  for (const f of [
    'src',
    'web',
    'scripts',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'vite.config.ts',
  ]) {
    cpSync(join(root, f), join(copy, f), {
      recursive: true,
      filter: (src) => !src.endsWith('.generated.ts'),
    });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function build(...args: string[]) {
  const t = Date.now();
  const r = spawnSync(process.execPath, ['scripts/build.mjs', ...args], { cwd: copy, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr, ms: Date.now() - t };
}

function buildAsync(...args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['scripts/build.mjs', ...args], { cwd: copy });
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      out += d;
    });
    p.on('exit', (status) => resolve({ status, out }));
  });
}

const dist = () => join(copy, 'dist');
const stamp = () => JSON.parse(readFileSync(join(dist(), 'build-stamp.json'), 'utf8'));

describe('the build', () => {
  it('skips when nothing changed, rebuilds what a change touches, and swaps dist in whole', async () => {
    const first = build();
    expect(first.status, first.out).toBe(0);
    expect(lstatSync(dist()).isSymbolicLink()).toBe(true);
    for (const f of ['server.js', 'cli.js', 'web/index.html', 'build-stamp.json'])
      expect(existsSync(join(dist(), f)), f).toBe(true);
    expect(existsSync(join(copy, 'src/checker/rules.generated.ts'))).toBe(true);
    const target = realpathSync(dist());
    const mtime = statSync(join(dist(), 'server.js')).mtimeMs;
    const serverHash = stamp().server.inputs;

    // Unchanged sources: nothing is built and dist is the same folder, untouched.
    const second = build();
    expect(second.status, second.out).toBe(0);
    expect(second.out).toMatch(/up to date/);
    expect(second.ms).toBeLessThan(first.ms);
    expect(realpathSync(dist())).toBe(target);
    expect(statSync(join(dist(), 'server.js')).mtimeMs).toBe(mtime);

    // A changed server source: the bundles are rebuilt into a new folder; the web app, which does not read it, is
    // carried over.
    appendFileSync(join(copy, 'src/lib/project-root.ts'), '// changed\n');
    const third = build();
    expect(third.status, third.out).toBe(0);
    expect(third.out).toMatch(/built cli, server into/);
    expect(realpathSync(dist())).not.toBe(target);
    expect(stamp().server.inputs).not.toBe(serverHash);
    expect(existsSync(join(dist(), 'web/index.html'))).toBe(true);

    // --force rebuilds anyway.
    expect(build('--server', '--force').out).toMatch(/built rules, server into/);
    // Old folders are removed: the current one and the one it replaced remain.
    expect(readdirSync(join(copy, '.dist')).filter((n) => !n.startsWith('.'))).toHaveLength(2);
  }, 180_000);

  it('two builds at once: one builds, the other waits and finds it done; dist is never missing or partial', async () => {
    appendFileSync(join(copy, 'src/main.ts'), '// changed again\n');
    let watching = true;
    let missing = 0;
    const watch = (async () => {
      while (watching) {
        if (!existsSync(join(dist(), 'server.js')) || !existsSync(join(dist(), 'build-stamp.json')))
          missing++;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const [a, b] = await Promise.all([buildAsync('--server'), buildAsync('--server')]);
    watching = false;
    await watch;
    expect(a.status, a.out).toBe(0);
    expect(b.status, b.out).toBe(0);
    const outs = [a.out, b.out];
    expect(outs.filter((o) => /built .*server into/.test(o))).toHaveLength(1);
    expect(outs.filter((o) => /up to date/.test(o))).toHaveLength(1);
    expect(missing).toBe(0);
    expect(stamp().server.inputs).toMatch(/^[0-9a-f]{64}$/);
    const r = spawnSync(process.execPath, ['--check', join(dist(), 'server.js')]);
    expect(r.status).toBe(0);
  }, 180_000);
});
