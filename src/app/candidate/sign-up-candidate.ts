import { sql } from 'drizzle-orm';
import { candidateAccounts } from '../../db/schema';
import { hashPassword } from '../../lib/crypto';
import type { Anonymous, AppContext } from '../context';
import { recordSignUpRequest, SIGN_UP_LINK_HOURS } from '../sign-up-requests';

export interface SignUpCandidateInput {
  name: string;
  email: string;
  password: string;
}

/**
 * A candidate's own account, by emailed link (confirmCandidateSignUp). The answer is the same whether or not the
 * address has an account; if it has one, the message says so, and the link lets the address's owner take the account
 * with the password just chosen, so nobody can hold someone else's address.
 */
export async function signUpCandidate(ctx: AppContext, _who: Anonymous, input: SignUpCandidateInput) {
  await requestCandidateSignUp(ctx, input);
  return { email: input.email };
}

/**
 * Records a candidate's sign-up and emails its link. `keeping` is the feedback the candidate signed up from (its
 * page's "Keep this feedback"): the message names it, and the link opens on the workspace's feedback.
 */
export async function requestCandidateSignUp(
  ctx: AppContext,
  input: SignUpCandidateInput,
  keeping?: { organization: string; job: string },
) {
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ verified: candidateAccounts.emailVerifiedAt })
      .from(candidateAccounts)
      .where(sql`lower(${candidateAccounts.email}) = lower(${input.email})`);
    const first = input.name.split(' ')[0];
    const path = keeping ? '/me/keep' : '/me/confirm';
    await recordSignUpRequest(
      tx,
      ctx,
      { kind: 'candidate', email: input.email, name: input.name, passwordHash, path },
      {
        subject: keeping
          ? `Confirm your email to keep your feedback from ${keeping.organization}`
          : 'Confirm your email to finish signing up to Debrief',
        lines: (link) => [
          `Hello ${first},`,
          '',
          ...(existing?.verified
            ? [
                'Someone asked to create a Debrief account with this address, which already has one. If it was you,',
                'this link signs you in to it with the password you just chose (your applications and feedback stay):',
              ]
            : keeping
              ? [
                  `Open this link to confirm your address and create your Debrief account. Your feedback on the`,
                  `${keeping.job} role from ${keeping.organization} will be waiting in it, with any sent to this address:`,
                ]
              : ['Open this link to confirm your address and create your Debrief account:']),
          '',
          link ?? '',
          '',
          `The link works once, for ${SIGN_UP_LINK_HOURS} hours. If you did not sign up, ignore this message:`,
          'nothing changes until the link is opened.',
        ],
      },
    );
  });
  ctx.jobs.poke();
}
