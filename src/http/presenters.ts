import type { apiTokens, organizations, users } from '../db/schema';

/** What leaves the API: never a password hash, a token hash, or another organization's data. */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentOrganization(o: typeof organizations.$inferSelect) {
  return { id: o.id, name: o.name };
}

export function presentUser(u: typeof users.$inferSelect) {
  const status = u.deactivatedAt ? 'deactivated' : u.passwordHash ? 'active' : 'invited';
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    status,
    createdAt: u.createdAt.toISOString(),
  } as const;
}

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
