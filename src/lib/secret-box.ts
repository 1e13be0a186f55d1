import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encrypts the secrets Debrief must be able to read back (an SMTP password, an identity provider's client secret, an
 * ATS API key): AES-256-GCM under a key from the environment, never stored beside the data it protects when
 * SECRETS_KEY is set. Passwords and tokens are never here: those are stored only as hashes (see crypto.ts).
 *
 * A sealed value reads `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). SECRETS_KEY may list several keys
 * separated by commas: the first seals, every one opens, so a key can be rotated without a migration.
 */
export interface SecretBox {
  seal(plaintext: string, context?: string): string;
  /** Throws SecretBoxError when the value was sealed under a key this box does not hold, or was altered. */
  open(sealed: string, context?: string): string;
}

export class SecretBoxError extends Error {}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('base64url').slice(0, 8);

/** Parses one key: 32 bytes as 64 hex digits or as base64/base64url. */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64url');
  if (key.length !== 32)
    throw new SecretBoxError('each key in SECRETS_KEY must be 32 bytes (64 hex digits or base64)');
  return key;
}

export function createSecretBox(keys: Buffer[]): SecretBox {
  if (keys.length === 0) throw new SecretBoxError('a secret box needs at least one key');
  const byId = new Map(keys.map((k) => [keyId(k), k]));
  const [current] = keys as [Buffer];
  const currentId = keyId(current);
  return {
    seal(plaintext, context = '') {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(context));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url'));
      return ['v1', currentId, ...parts].join('.');
    },
    open(sealed, context = '') {
      const [version, id, iv, tag, ct] = sealed.split('.');
      const key = id === undefined ? undefined : byId.get(id);
      if (version !== 'v1' || !key || iv === undefined || tag === undefined || ct === undefined) {
        throw new SecretBoxError(
          'this secret was sealed under a key Debrief does not hold (see SECRETS_KEY)',
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new SecretBoxError(
          'this secret could not be opened: it was altered or sealed for something else',
        );
      }
    },
  };
}

/**
 * The keys from SECRETS_KEY; without it, one key kept in DATA_DIR/secrets.key (created on first start, readable by
 * the owner only) so that a newcomer's `npm start` works. Production should set SECRETS_KEY from a key manager, so
 * that a copy of the data directory or a database dump does not carry the key with it.
 */
export function loadSecretKeys(
  setting: string | undefined,
  dataDir: string,
): { keys: Buffer[]; fromFile: boolean } {
  if (setting) return { keys: setting.split(',').map(parseSecretKey), fromFile: false };
  const file = join(dataDir, 'secrets.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  chmodSync(file, 0o600);
  return { keys: [parseSecretKey(readFileSync(file, 'utf8'))], fromFile: true };
}
