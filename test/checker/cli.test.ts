// The `debrief check` command-line contract: output formats, positions, exit codes, stdin, errors, streaming.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findingJson, type Located } from '../../src/cli/check';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'debrief.js');
const dir = mkdtempSync(join(tmpdir(), 'debrief-cli-'));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const NOTE = [
  'Strong on SQL: you wrote a correct window query.',
  'You disabled the failing test, which hid the regression.',
  '  Not a people person.',
  'She seemed tired, maybe pregnant.',
].join('\n');

beforeAll(() => {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--cli'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  writeFileSync(join(dir, 'note.txt'), NOTE);
  writeFileSync(join(dir, 'clean.txt'), 'You explained the cache invalidation design clearly.\n');
  writeFileSync(join(dir, 'warn.txt'), 'Not the right fit.\n');
}, 60_000);

describe('debrief check', () => {
  it('writes each JSON finding exactly as JSON.stringify would, whatever the text holds', () => {
    const awkward = [
      'plain',
      'a "quote" and \\ backslash',
      'line\nbreak\ttab\u0001',
      '\u201ccurly\u201d \u2013 \u00e9',
      '\ud83d\ude00 \ud800 lone',
      '',
    ];
    for (const text of awkward) {
      const f: Located = {
        ruleId: 'age-reference',
        category: 'protected',
        severity: 'block',
        start: 0,
        end: text.length,
        text,
        message: `Mentions \u201c${text}\u201d.`,
        suggestion: text,
        line: 1,
        column: 1,
        endLine: 2,
        endColumn: -0,
      };
      const {
        ruleId,
        category,
        severity,
        line,
        column,
        endLine,
        endColumn,
        start,
        end,
        message,
        suggestion,
      } = f;
      const record = {
        ruleId,
        category,
        severity,
        line,
        column,
        endLine,
        endColumn,
        start,
        end,
        text,
        message,
        suggestion,
      };
      expect(findingJson(f)).toBe(JSON.stringify(record));
    }
  });
  it('prints one compiler-style line per finding and exits 1 on a blocking finding', () => {
    const r = run(['check', 'note.txt']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^note\.txt:3:3 warn personality “Not a people person” .+$/);
    expect(lines[1]).toMatch(/^note\.txt:4:25 block protected “pregnant” .*Pregnancy Discrimination Act/);
  });

  it('exits 0 when findings only warn, and when there are none', () => {
    expect(run(['check', 'warn.txt']).code).toBe(0);
    const clean = run(['check', 'clean.txt']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');
  });

  it('prints JSON with lines, columns and file offsets', () => {
    const r = run(['check', '--format', 'json', 'note.txt', 'clean.txt']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((x: { file: string }) => x.file)).toEqual(['note.txt', 'clean.txt']);
    expect(out.results[1].findings).toEqual([]);
    const [personality, pregnant] = out.results[0].findings;
    expect(Object.keys(pregnant)).toEqual([
      'ruleId',
      'category',
      'severity',
      'line',
      'column',
      'endLine',
      'endColumn',
      'start',
      'end',
      'text',
      'message',
      'suggestion',
    ]);
    expect(personality).toMatchObject({
      category: 'personality',
      line: 3,
      column: 3,
      endLine: 3,
      endColumn: 22,
    });
    expect(pregnant).toMatchObject({
      ruleId: 'pregnancy-maternity',
      category: 'protected',
      severity: 'block',
      line: 4,
      column: 25,
      text: 'pregnant',
    });
    expect(NOTE.slice(pregnant.start, pregnant.end)).toBe('pregnant');
    expect(NOTE.slice(personality.start, personality.end)).toBe('Not a people person');
  });

  it('reads standard input for -, named "-" in the results', () => {
    const r = run(['check', '--format=json', '-'], 'Your age played no part.');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.results[0].file).toBe('-');
    expect(out.results[0].findings[0]).toMatchObject({
      category: 'protected',
      line: 1,
      column: 1,
      start: 0,
      end: 8,
    });
  });

  it('checks a request email, pointing whole-email findings at line 1, column 1', () => {
    const r = run(['check', '--mode', 'request', '--format', 'json', '-'], 'Hi,\nWhy wasn’t I selected?\n');
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.stdout).results[0].findings;
    expect(findings.map((f: { category: string }) => f.category)).toEqual([
      'defensive',
      'missing-thanks',
      'missing-ask',
    ]);
    expect(findings[0]).toMatchObject({ line: 2, column: 1 });
    expect(findings[1]).toMatchObject({ line: 1, column: 1, start: 0, end: 0 });
  });

  it('honours --jurisdiction', () => {
    const text = 'Mentioned a family history of heart disease.';
    expect(run(['check', '--jurisdiction', 'us', '-'], text).code).toBe(1);
    expect(run(['check', '--jurisdiction', 'uk', '-'], text).code).toBe(0);
  });

  it('exits 2 with a clear message for an unreadable file', () => {
    const r = run(['check', 'missing.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read missing.txt: no such file');
    const d = run(['check', '.']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('is a directory');
  });

  it('exits 2 with usage on a usage error', () => {
    for (const args of [['check', '--mode', 'poem', 'note.txt'], ['check', '--bogus'], ['frobnicate']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/Usage: debrief/);
    }
  });

  it('prints help for debrief and debrief check', () => {
    const top = run(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Usage: debrief <command>/);
    expect(top.stdout).toMatch(/check/);
    const sub = run(['check', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/--mode feedback\|request/);
  });

  it('streams: memory does not grow with the input (256 MB in a 64 MB heap), and positions carry across chunks', async () => {
    const paragraph =
      'You walked us through the cache design and handled follow-up questions well. ' +
      'When asked about the outage, you described the rollback steps in order.\n\n';
    const block = paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length));
    const probe = join(dir, 'rss.mjs');
    writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));\n` +
        `await import(${JSON.stringify(join(root, 'dist', 'cli.js'))});\n`,
    );
    const tail = 'Your age played no part.\n';
    /** Streams `total` bytes and the tail into the CLI; its exit code, peak memory and output. */
    async function run(total: number) {
      // A 64 MB heap: a checker that kept the input (or a growing share of it) would run out of memory and die.
      const child = spawn(
        process.execPath,
        ['--max-old-space-size=64', probe, 'check', '--format', 'json', '-'],
        {
          cwd: dir,
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      const done = new Promise<number | null>((resolve) => child.on('close', resolve));
      let written = 0;
      while (written < total) {
        if (!child.stdin.write(block)) await new Promise((r) => child.stdin.once('drain', r));
        written += block.length;
      }
      child.stdin.end(tail);
      return { code: await done, rss: Number(/MAXRSS (\d+)/.exec(stderr)?.[1]) * 1024, stdout, written };
    }
    // The same CLI on one block: what the program and its compiled rules take before any input piles up.
    const small = await run(block.length);
    const big = await run(256 * 1024 * 1024);
    expect(small.code).toBe(1);
    expect(big.code).toBe(1);
    expect(big.rss - small.rss).toBeLessThan(64 * 1024 * 1024);
    const [finding] = JSON.parse(big.stdout).results[0].findings;
    const lines = (block.match(/\n/g)?.length ?? 0) * (big.written / block.length);
    expect(finding).toMatchObject({ category: 'protected', start: big.written, line: lines + 1, column: 1 });
  }, 240_000);
});
