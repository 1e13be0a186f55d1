import type { InvitationSummary } from '../../app/identity/list-users';
import type { users } from '../../db/schema';

/** A member as the API shows them: never their password hash. With their latest invitation while not joined. */
export function presentUser(u: typeof users.$inferSelect, invitation: InvitationSummary | null = null) {
  const status = u.deactivatedAt ? 'deactivated' : u.passwordHash || u.ssoSubject ? 'active' : 'invited';
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    status,
    createdAt: u.createdAt.toISOString(),
    invitation: invitation && {
      state: invitation.state,
      sentAt: invitation.sentAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
      invitedBy: invitation.invitedBy,
    },
  } as const;
}
