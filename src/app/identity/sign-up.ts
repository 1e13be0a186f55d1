import { and, isNotNull, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import { hashPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { Anonymous, AppContext } from '../context';
import { recordSignUpRequest, SIGN_UP_LINK_HOURS, sendSignUpMessage } from '../sign-up-requests';

export interface SignUpInput {
  name: string;
  admin: { name: string; email: string; password: string };
}

/**
 * Team sign-up: emails the admin's address a link that creates the organization (confirmSignUp). The answer is the
 * same whether or not the address already has an account; an address that has one is told so, and nothing is made.
 */
export async function signUp(ctx: AppContext, _who: Anonymous, input: SignUpInput) {
  if (ctx.config.SIGNUP === 'closed') {
    throw new AppError(
      403,
      'signup-closed',
      'Sign-up is closed on this Debrief server; ask an admin for an invitation',
    );
  }
  const { admin } = input;
  const passwordHash = await hashPassword(admin.password);
  await ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(sql`lower(${users.email}) = lower(${admin.email})`, isNotNull(users.passwordHash)));
    const hello = `Hello ${admin.name},`;
    if (taken) {
      await sendSignUpMessage(tx, ctx, admin.email, {
        subject: 'Your Debrief sign-up',
        lines: () => [
          hello,
          '',
          'Someone asked to create a new organization on Debrief with this address.',
          'This address already has a Debrief account, so nothing was created. Sign in here:',
          '',
          `${ctx.config.publicUrl}/signin`,
          '',
          'If this was not you, you can ignore this message.',
        ],
      });
      return;
    }
    await recordSignUpRequest(
      tx,
      ctx,
      {
        kind: 'organization',
        email: admin.email,
        name: admin.name,
        organizationName: input.name,
        passwordHash,
        path: '/signup/confirm',
      },
      {
        subject: 'Confirm your email to finish signing up to Debrief',
        lines: (link) => [
          hello,
          '',
          `Open this link to confirm your address and create "${input.name}" on Debrief:`,
          '',
          link ?? '',
          '',
          `The link works once, for ${SIGN_UP_LINK_HOURS} hours. If you did not sign up, ignore this message:`,
          'nothing is created until the link is opened.',
        ],
      },
    );
  });
  ctx.jobs.poke();
  return { email: admin.email };
}
