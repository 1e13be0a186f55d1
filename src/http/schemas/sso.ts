import { z } from '@hono/zod-openapi';
import { RoleSchema } from './members';

export const SsoSettingsBody = z
  .object({
    issuer: z
      .string()
      .min(8)
      .max(500)
      .openapi({ example: 'https://acme.okta.com', description: 'The provider’s issuer URL (https)' }),
    clientId: z.string().min(1).max(500),
    clientSecret: z.string().min(1).max(2000).optional().openapi({
      description: 'Required the first time; left out, the stored one stays. Never shown again.',
    }),
    emailDomain: z
      .string()
      .max(253)
      .regex(/^@?([a-z0-9-]+\.)+[a-z]{2,}$/i, 'must be a domain such as acme.com')
      .nullable()
      .optional()
      .openapi({ example: 'acme.com', description: 'Only addresses at this domain sign in (and join)' }),
    defaultRole: RoleSchema.openapi({ description: 'The role of a member who joins by signing in' }),
  })
  .openapi('SsoSettingsInput');

export const SsoSettings = z
  .object({
    configured: z.boolean(),
    issuer: z.string().nullable(),
    clientId: z.string().nullable(),
    emailDomain: z.string().nullable(),
    defaultRole: RoleSchema.nullable(),
    redirectUri: z.string().openapi({ description: 'Register this redirect URI at the provider' }),
    updatedAt: z.iso.datetime().nullable(),
  })
  .openapi('SsoSettings');

export const SsoStartQuery = z.object({
  email: z.email().max(254).optional().openapi({ description: 'The address the member signs in with' }),
  organization: z.uuid().optional(),
});
export const SsoCallbackQuery = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
});
