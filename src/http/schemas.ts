import { z } from '@hono/zod-openapi';
import { ROLES } from '../db/schema';

/** Request and response schemas: they validate requests and generate /api/openapi.json. */

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid-request' }),
      message: z.string().openapi({ example: 'body.email: Invalid email address' }),
    }),
  })
  .openapi('Error');

export const Email = z.email().max(254).openapi({ example: 'ada@example.com' });
export const Password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200)
  .openapi({ example: 'correct horse battery staple' });
export const Name = z.string().trim().min(1).max(200);
export const RoleSchema = z.enum(ROLES).openapi('Role');
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const Organization = z.object({ id: z.uuid(), name: z.string() }).openapi('Organization');
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
export const ApiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the secret, to recognise it' }),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .openapi('ApiToken');

export const SignUpBody = z
  .object({
    name: Name.openapi({ example: 'Acme Ltd' }),
    admin: z.object({ name: Name.openapi({ example: 'Ada Lovelace' }), email: Email, password: Password }),
  })
  .openapi('SignUp');
export const SignUpResult = z
  .object({
    organization: Organization,
    user: z.object({ id: z.uuid(), email: z.string(), role: RoleSchema }),
    token: z.string().openapi({ description: 'A Bearer API token for the admin; shown once' }),
  })
  .openapi('SignUpResult');
export const SignInBody = z.object({ email: Email, password: z.string().min(1).max(200) }).openapi('SignIn');
export const Me = z.object({ user: User, organization: Organization }).openapi('Me');
export const InviteBody = z.object({ name: Name, email: Email, role: RoleSchema }).openapi('Invite');
export const AcceptInvitationBody = z
  .object({ token: z.string().min(10).max(200), password: Password })
  .openapi('AcceptInvitation');
export const ChangeRoleBody = z.object({ role: RoleSchema }).openapi('ChangeRole');
export const CreateTokenBody = z
  .object({ name: Name.openapi({ example: 'Greenhouse webhook' }) })
  .openapi('CreateToken');
export const CreatedToken = z
  .object({ token: ApiToken, secret: z.string().openapi({ description: 'The Bearer token; shown once' }) })
  .openapi('CreatedToken');
