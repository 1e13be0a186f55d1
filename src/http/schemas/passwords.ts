import { z } from '@hono/zod-openapi';
import { Email, Password } from './shared';

/** Schemas of password reset (by emailed link) and change, for team members and candidates alike. */

export const PasswordResetBody = z.object({ email: Email }).openapi('PasswordResetRequest');
export const PasswordResetRequested = z
  .object({
    status: z.literal('reset-requested'),
    message: z.string().openapi({
      description: 'The same whether or not the address has an account',
      example: 'If an account exists for this address, we have sent it a link to choose a new password.',
    }),
  })
  .openapi('PasswordResetRequested');
export const ResetLinkBody = z.object({ token: z.string().min(10).max(200) }).openapi('PasswordResetLink');
export const ResetLinkStatus = z
  .object({ expiresAt: z.iso.datetime().openapi({ description: 'When the link stops working' }) })
  .openapi('PasswordResetLinkStatus');
export const ResetPasswordBody = z
  .object({ token: z.string().min(10).max(200), password: Password })
  .openapi('PasswordReset');
export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: Password })
  .openapi('PasswordChange');
