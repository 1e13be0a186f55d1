import * as oidc from 'openid-client';
import type { ssoConnections } from '../../../db/schema';
import { AppError } from '../../../lib/errors';
import type { AppContext } from '../../context';

/** Where the provider sends members back: register this URL as the redirect URI at the provider. */
export const CALLBACK_PATH = '/api/v1/sso/callback';
export const redirectUri = (ctx: AppContext) => `${ctx.config.publicUrl}${CALLBACK_PATH}`;
export const SCOPES = 'openid email profile';

export const oidcContext = (organizationId: string) => `oidc:${organizationId}`;

/** Plain http is allowed only to a provider on this machine (a development or test provider); never elsewhere. */
export function isLoopback(url: URL) {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function issuerProblem(issuer: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url)) return undefined;
  return 'must be an https:// URL';
}

/** Discovers the provider (its metadata and keys come from the issuer's .well-known document) for a client. */
export async function discover(issuer: string, clientId: string, clientSecret: string) {
  const url = new URL(issuer);
  return oidc.discovery(
    url,
    clientId,
    { client_secret: clientSecret },
    oidc.ClientSecretBasic(clientSecret),
    {
      execute: url.protocol === 'http:' && isLoopback(url) ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    },
  );
}

/** Discovered configurations, per organization and version of its settings, for ten minutes. */
const cache = new Map<string, { config: oidc.Configuration; at: number }>();
const CACHE_MS = 10 * 60_000;

export async function providerFor(ctx: AppContext, conn: typeof ssoConnections.$inferSelect) {
  const key = `${conn.organizationId}:${conn.updatedAt.getTime()}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.config;
  try {
    const config = await discover(
      conn.issuer,
      conn.clientId,
      ctx.secrets.open(conn.clientSecret, oidcContext(conn.organizationId)),
    );
    cache.set(key, { config, at: Date.now() });
    return config;
  } catch (e) {
    ctx.logger.warn('identity provider discovery failed', { issuer: conn.issuer, err: e });
    throw new AppError(503, 'sso-unavailable', 'Your identity provider did not answer; try again shortly');
  }
}

export { oidc };
