import { z } from '@hono/zod-openapi';
import { organizationNameProblem } from '../../domain/organization-name';
import { RoleSchema, User } from './members';
import { Email, Name, Password } from './shared';

export const Organization = z
  .object({
    id: z.uuid(),
    name: z.string(),
    deletion: z
      .object({
        dueAt: z.iso.datetime().openapi({ description: 'When every row of the organization is erased' }),
        requestedAt: z.iso.datetime(),
        requestedBy: z.string().nullable(),
      })
      .nullable()
      .openapi({
        description: 'Set while the organization is to be deleted; any admin may cancel until dueAt',
      }),
  })
  .openapi('Organization');
export const SignUpBody = z
  .object({
    name: Name.superRefine((name, ctx) => {
      const problem = organizationNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }).openapi({ example: 'Acme Ltd' }),
    admin: z.object({ name: Name.openapi({ example: 'Ada Lovelace' }), email: Email, password: Password }),
  })
  .openapi('SignUp');
export const SignUpSent = z
  .object({
    status: z.literal('confirmation-sent'),
    email: z.string().openapi({ description: 'Where the link that finishes the sign-up was sent' }),
  })
  .openapi('SignUpSent');
export const ConfirmSignUpBody = z.object({ token: z.string().min(10).max(200) }).openapi('ConfirmSignUp');
export const SignUpResult = z
  .object({
    organization: Organization,
    user: z.object({ id: z.uuid(), email: z.string(), role: RoleSchema }),
    token: z.string().openapi({ description: 'A Bearer API token for the admin; shown once' }),
  })
  .openapi('SignUpResult');
export const SignInBody = z.object({ email: Email, password: z.string().min(1).max(200) }).openapi('SignIn');
export const Me = z.object({ user: User, organization: Organization }).openapi('Me');
export const AcceptInvitationBody = z
  .object({ token: z.string().min(10).max(200), password: Password })
  .openapi('AcceptInvitation');
