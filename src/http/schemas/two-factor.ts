import { z } from '@hono/zod-openapi';

const Challenge = z
  .string()
  .min(10)
  .max(200)
  .openapi({ description: 'The challenge from POST /api/v1/auth/login (202)' });
const Code = z
  .string()
  .regex(/^\s*\d{3}\s*\d{3}\s*$/, 'must be the six digits from your authenticator app')
  .openapi({ example: '123456' });

export const SignInNextStep = z
  .object({
    next: z.enum(['code', 'enrol']).openapi({
      description:
        '`code`: send a code from the authenticator app (or a recovery code) to POST /api/v1/auth/login/code. ' +
        '`enrol`: the organization requires two-factor sign-in; set it up with this challenge ' +
        '(POST /api/v1/auth/two-factor/enrolment, then .../enrolment/confirm), which finishes signing in.',
    }),
    challenge: z.string().openapi({ description: 'Single-use; works for ten minutes' }),
    expiresAt: z.iso.datetime(),
  })
  .openapi('SignInNextStep');

export const SignInCodeBody = z
  .object({
    challenge: Challenge,
    code: Code.optional(),
    recoveryCode: z.string().min(6).max(40).optional(),
  })
  .openapi('SignInCode');

export const EnrolmentBody = z
  .object({ challenge: Challenge.optional() })
  .openapi('TwoFactorEnrolmentStart', {
    description: 'Without a challenge: the signed-in member sets it up from their settings.',
  });
export const Enrolment = z
  .object({
    secret: z.string().openapi({ description: 'Base32, to type into an authenticator app by hand' }),
    uri: z.string().openapi({ description: 'The otpauth:// URI the QR code holds' }),
    qrCode: z.string().openapi({ description: 'The QR code as a data: URI (SVG)' }),
  })
  .openapi('TwoFactorEnrolment');
export const ConfirmEnrolmentBody = z
  .object({ challenge: Challenge.optional(), code: Code })
  .openapi('TwoFactorEnrolmentConfirm');
export const RecoveryCodes = z
  .object({
    recoveryCodes: z.array(z.string()).openapi({ description: 'Each works once; shown only now' }),
  })
  .openapi('RecoveryCodes');
export const PasswordConfirmBody = z
  .object({ password: z.string().min(1).max(200) })
  .openapi('PasswordConfirm');
export const TwoFactorStatus = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.iso.datetime().nullable(),
    recoveryCodesLeft: z.number().int(),
    required: z.boolean().openapi({ description: 'The organization requires it of every member' }),
  })
  .openapi('TwoFactorStatus');
export const TwoFactorRequirement = z.object({ required: z.boolean() }).openapi('TwoFactorRequirement');
export const TwoFactorRequirementResult = z
  .object({
    required: z.boolean(),
    sessionsEnded: z
      .number()
      .int()
      .openapi({ description: 'Sessions of members without a second factor, ended' }),
  })
  .openapi('TwoFactorRequirementResult');
