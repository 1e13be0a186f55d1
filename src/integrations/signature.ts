import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** An id for a delivery that came without the provider's event id: the body's digest, so a repeat is still recognised. */
export const bodyDigest = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

/**
 * Whether `givenHex` is the HMAC-SHA256 of `message` under `secret`, compared in constant time. A malformed value is
 * compared as zeros of the right length, so the time taken says nothing about it.
 */
export function hmacMatches(message: string, givenHex: string | null | undefined, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(message, 'utf8').digest();
  const ok = typeof givenHex === 'string' && /^[0-9a-fA-F]{64}$/.test(givenHex);
  const given = ok ? Buffer.from(givenHex, 'hex') : Buffer.alloc(expected.length);
  return timingSafeEqual(expected, given) && ok;
}

export const hmacHex = (message: string, secret: string) =>
  createHmac('sha256', secret).update(message, 'utf8').digest('hex');
