import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createSecretBox, loadSecretKeys, parseSecretKey } from '../../src/lib/secret-box';

const keyA = parseSecretKey('a'.repeat(64));
const keyB = parseSecretKey('b'.repeat(64));

describe('the secret box', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = createSecretBox([keyA]);
    const sealed = box.seal('smtp-password-123', 'smtp');
    expect(sealed).not.toContain('smtp-password-123');
    expect(box.open(sealed, 'smtp')).toBe('smtp-password-123');
    expect(box.seal('same', 'x')).not.toBe(box.seal('same', 'x'));
  });

  it('refuses a value sealed for another purpose, an altered value, and a value under a key it does not hold', () => {
    const box = createSecretBox([keyA]);
    const sealed = box.seal('client-secret', 'oidc:org-1');
    expect(() => box.open(sealed, 'oidc:org-2')).toThrow(/altered or sealed for something else/);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'), 'oidc:org-1')).toThrow(/altered/);
    expect(() => createSecretBox([keyB]).open(sealed, 'oidc:org-1')).toThrow(/key Debrief does not hold/);
  });

  it('rotates: a new first key seals, the old one still opens what it sealed', () => {
    const old = createSecretBox([keyA]).seal('api-key');
    const rotated = createSecretBox([keyB, keyA]);
    expect(rotated.open(old)).toBe('api-key');
    expect(() => createSecretBox([keyA]).open(rotated.seal('new'))).toThrow();
  });

  it('without SECRETS_KEY keeps one key file in the data directory, readable by its owner only, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'debrief-keys-'));
    const first = loadSecretKeys(undefined, dir);
    expect(first.fromFile).toBe(true);
    expect(statSync(join(dir, 'secrets.key')).mode & 0o777).toBe(0o600);
    const sealed = createSecretBox(first.keys).seal('kept');
    expect(createSecretBox(loadSecretKeys(undefined, dir).keys).open(sealed)).toBe('kept');
    expect(readFileSync(join(dir, 'secrets.key'), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names SECRETS_KEY when it is not a list of 32-byte keys', () => {
    expect(() => loadConfig({ SECRETS_KEY: 'short' })).toThrow(
      /SECRETS_KEY: must be one or more 32-byte keys/,
    );
    expect(
      loadConfig({ SECRETS_KEY: `${'a'.repeat(64)},${keyB.toString('base64url')}` }).SECRETS_KEY,
    ).toBeTruthy();
  });
});
