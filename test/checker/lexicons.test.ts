import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker';

const dir = join(process.cwd(), 'src/checker/lexicons');

describe('lexicons built from data packages', () => {
  it('match what the installed packages give (npm run build:lexicons rewrites them)', () => {
    const r = spawnSync(process.execPath, ['scripts/build-lexicons.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each(readdirSync(dir).filter((f) => f.endsWith('.txt')))(
    '%s states its source and its true count',
    (file) => {
      const lines = readFileSync(join(dir, file), 'utf8').trim().split('\n');
      const entries = lines.filter((l) => !l.startsWith('#'));
      expect(lines.some((l) => /^# source: \S+ \d+\.\d+\.\d+/.test(l))).toBe(true);
      expect(lines).toContain(`# entries: ${entries.length}`);
      expect(new Set(entries).size).toBe(entries.length);
    },
  );

  it('reach the rules: a nationality no rule lists by hand is caught, a product named after a country is not', () => {
    for (const text of [
      'The Tuvaluan guy was solid on SQL.',
      'She is Burkinabe, so relocation could be hard.',
      'Thick Kazakhstani accent.',
    ])
      expect(
        check(text).map((f) => f.category),
        text,
      ).toContain(text.includes('accent') ? 'proxy' : 'protected');
    expect(check('You shipped the Tuvaluan and Fijian payroll integrations on time.')).toEqual([]);
  });
});
