import { hmacHex, hmacMatches } from '../signature';

// Greenhouse signs each webhook delivery: `Signature: sha256 <hex HMAC-SHA256 of the raw body under the secret>`.
// https://developers.greenhouse.io/webhooks.html#authentication

export function signGreenhouse(body: string, secret: string): string {
  return `sha256 ${hmacHex(body, secret)}`;
}

/** Whether the Signature header is the body's HMAC under the secret, compared in constant time. */
export function verifyGreenhouse(body: string, header: string | undefined, secret: string): boolean {
  const m = /^\s*sha256\s+([0-9a-fA-F]{64})\s*$/.exec(header ?? '');
  return hmacMatches(body, m?.[1], secret);
}
