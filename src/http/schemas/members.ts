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
  })
  .openapi('User');
export const InviteBody = z.object({ name: Name, email: Email, role: RoleSchema }).openapi('Invite');
export const ChangeRoleBody = z.object({ role: RoleSchema }).openapi('ChangeRole');
