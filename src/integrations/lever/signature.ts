import { hmacHex, hmacMatches } from '../signature';

// Lever signs each webhook delivery inside its body: `signature` is the hex HMAC-SHA256 of `token + triggeredAt`
// under the webhook's signature token (issued by Lever, one per webhook).
// https://hire.lever.co/developer/documentation#securing-webhooks

/** The signature Lever puts in a delivery's body. */
export function signLever(token: string, triggeredAt: number | string, signatureToken: string): string {
  return hmacHex(`${token}${triggeredAt}`, signatureToken);
}

/**
 * The signature tokens an admin gave for one connection: Lever issues one per webhook (per event type), so several
 * may be given, separated by spaces, commas or new lines.
 */
export function signatureTokens(secret: string): string[] {
  return secret
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * Whether a delivery's body is signed by one of the connection's signature tokens. Each token is compared in constant
 * time, and all of them are always tried, so the time taken says nothing about which one (if any) matched.
 */
export function verifyLever(body: unknown, secret: string): boolean {
  const b = (body ?? {}) as { token?: unknown; triggeredAt?: unknown; signature?: unknown };
  const wellFormed =
    typeof b.token === 'string' &&
    b.token.length > 0 &&
    (typeof b.triggeredAt === 'number' || typeof b.triggeredAt === 'string') &&
    typeof b.signature === 'string';
  const message = wellFormed ? `${b.token}${b.triggeredAt}` : '';
  const given = wellFormed ? (b.signature as string) : null;
  let matched = false;
  for (const token of signatureTokens(secret)) if (hmacMatches(message, given, token)) matched = true;
  return matched && wellFormed;
}
