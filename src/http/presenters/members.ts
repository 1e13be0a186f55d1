import type { users } from '../../db/schema';

/** A member as the API shows them: never their password hash. */
export function presentUser(u: typeof users.$inferSelect) {
  const status = u.deactivatedAt ? 'deactivated' : u.passwordHash || u.ssoSubject ? 'active' : 'invited';
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    status,
    createdAt: u.createdAt.toISOString(),
  } as const;
}
