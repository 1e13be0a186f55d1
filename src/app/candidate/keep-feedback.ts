import { maskEmail } from '../../domain/text';
import { AppError } from '../../lib/errors';
import type { AppContext, PortalVisitor } from '../context';
import { resolvePortalLink } from '../portal-links';
import { reserveAttempt } from '../rate-limit';
import { requestCandidateSignUp } from './sign-up-candidate';

/** Sign-ups from one feedback page: a few an hour, so a forwarded link cannot flood the candidate's inbox. */
export const KEEP_LIMITS = { perLink: 5, windowMinutes: 60 };

async function sentFeedback(ctx: AppContext, who: PortalVisitor) {
  const page = await resolvePortalLink(ctx.db, who.token);
  if (!page.feedback)
    throw new AppError(
      409,
      'no-feedback',
      'No feedback has been sent on this page yet, so there is none to keep',
    );
  return page;
}

/**
 * "Keep this feedback": the sign-up form's address, filled in from the feedback's page and shown masked
 * ("a***@example.com"), with the candidate's name as the employer has it.
 */
export async function getKeepFeedbackSignUp(ctx: AppContext, who: PortalVisitor) {
  const page = await sentFeedback(ctx, who);
  return {
    email: maskEmail(page.candidate.email),
    name: page.candidate.name,
    organization: page.organization.name,
    job: page.job.title,
  };
}

/**
 * Signs up with the address the feedback was sent to, which the page's holder never has to type (nor sees in full).
 * The address is still proven by the emailed link before an account exists, as for any sign-up, since a page's
 * link may have been forwarded; once confirmed, the feedback sent to it is in the workspace.
 */
export async function signUpToKeepFeedback(
  ctx: AppContext,
  who: PortalVisitor,
  input: { name: string; password: string },
) {
  const page = await sentFeedback(ctx, who);
  const wait = await reserveAttempt(
    ctx.db,
    `keep-feedback:${page.link.id}`,
    KEEP_LIMITS.perLink,
    KEEP_LIMITS.windowMinutes,
  );
  if (wait)
    throw new AppError(
      429,
      'too-many-requests',
      `Too many sign-ups from this page; try again in ${Math.ceil(wait / 60)} minutes`,
      { retryAfterSeconds: wait },
    );
  await requestCandidateSignUp(
    ctx,
    { name: input.name, email: page.candidate.email, password: input.password },
    { organization: page.organization.name, job: page.job.title },
  );
  return { email: maskEmail(page.candidate.email) };
}
