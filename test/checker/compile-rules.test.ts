// The `build:rules` command: writes the generated module for valid rules; for malformed ones it writes nothing and
// exits non-zero with a message naming the file and the rule (the cases are in compile.test.ts, in process).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { examples, header, rule } from './compile-fixtures';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function compile(rulesYaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'debrief-rules-'));
  copyFileSync(join(root, 'src/checker/rules/context.yaml'), join(dir, 'context.yaml'));
  writeFileSync(join(dir, 'test.yaml'), rulesYaml);
  const out = join(dir, 'rules.generated.ts');
  const r = spawnSync(tsx, ['scripts/compile-rules.ts', dir, out], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, wrote: existsSync(out) };
}

describe('scripts/compile-rules.ts', () => {
  it('compiles valid rules', () => {
    const r = compile(header + rule('a', examples));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.wrote).toBe(true);
  });

  it.each([['a duplicate id', header + rule('a', examples) + rule('a', examples), /duplicate id/]])(
    'fails the build on %s, naming the rule',
    (_, yaml, message) => {
      const r = compile(yaml);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('test.yaml rule a');
      expect(r.wrote).toBe(false);
    },
  );
});
