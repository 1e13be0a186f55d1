import { hmacHex, hmacMatches } from '../signature';

// Ashby signs each webhook delivery with the secret token set on the webhook: `Ashby-Signature: sha256=<hex
// HMAC-SHA256 of the raw body>`. https://developers.ashbyhq.com/docs/authenticating-webhooks

export function signAshby(body: string, secret: string): string {
  return `sha256=${hmacHex(body, secret)}`;
}

/** Whether the Ashby-Signature header is the body's HMAC under the secret, compared in constant time. */
export function verifyAshby(body: string, header: string | undefined, secret: string): boolean {
  const m = /^\s*sha256=([0-9a-fA-F]{64})\s*$/.exec(header ?? '');
  return hmacMatches(body, m?.[1], secret);
}
