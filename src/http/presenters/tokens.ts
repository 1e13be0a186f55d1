import type { apiTokens } from '../../db/schema';
import { iso } from './shared';

/** An API token as the API shows it: never its hash. */
export function presentApiToken(t: typeof apiTokens.$inferSelect) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}
