import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// Greenhouse signs each webhook delivery: `Signature: sha256 <hex HMAC-SHA256 of the raw body under the secret>`.
// https://developers.greenhouse.io/webhooks.html#authentication

export function signGreenhouse(body: string, secret: string): string {
  return `sha256 ${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Whether the Signature header is the body's HMAC under the secret, compared in constant time. */
export function verifyGreenhouse(body: string, header: string | undefined, secret: string): boolean {
  const m = /^\s*sha256\s+([0-9a-fA-F]{64})\s*$/.exec(header ?? '');
  const expected = createHmac('sha256', secret).update(body, 'utf8').digest();
  // Compare digests of equal length even for a malformed header, so the time taken says nothing.
  const given = m ? Buffer.from(m[1], 'hex') : Buffer.alloc(expected.length);
  return timingSafeEqual(expected, given) && m !== null;
}

/** An id for a delivery that came without Greenhouse-Event-ID: the body's digest, so a repeat is still recognised. */
export const bodyDigest = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');
