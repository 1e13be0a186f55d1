import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/vocabulary';
import { Email, Name } from './shared';

export const RoleSchema = z.enum(ROLES).openapi('Role');
export const User = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    status: z.enum(['active', 'invited', 'deactivated']),
    createdAt: z.iso.datetime(),
    invitation: z
      .object({
        state: z.enum(['pending', 'used', 'expired', 'revoked', 'replaced']),
        sentAt: z.iso.datetime(),
        expiresAt: z.iso.datetime(),
        invitedBy: z.string().nullable().openapi({ description: 'Who sent it, while still a member' }),
      })
      .nullable()
      .openapi({
        description:
          'In the members list, for a member who has not joined yet: their latest invitation link and whether it still works',
      }),
  })
  .openapi('User');
export const InviteBody = z.object({ name: Name, email: Email, role: RoleSchema }).openapi('Invite');
export const ChangeRoleBody = z.object({ role: RoleSchema }).openapi('ChangeRole');

export const InvitationState = z
  .enum(['pending', 'used', 'expired', 'revoked', 'replaced', 'unknown'])
  .openapi('InvitationState');
export const InvitationView = z
  .object({
    state: InvitationState.openapi({
      description:
        'pending: the link works. used, expired, revoked (withdrawn by an admin), replaced (a newer link was sent): it does not. unknown: no such link',
    }),
    organization: z.string().nullable(),
    role: RoleSchema.nullable(),
    invitee: z
      .object({ name: z.string(), email: z.string() })
      .nullable()
      .openapi({ description: 'Whom the link invites, while it is pending' }),
    invitedBy: z.string().nullable().openapi({ description: 'Who sent it, while still a member' }),
    expiresAt: z.iso.datetime().nullable(),
  })
  .openapi('Invitation');
export const InvitationToken = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .openapi({
      param: { name: 'token', in: 'path' },
      description: 'The token at the end of the emailed link',
    }),
});
