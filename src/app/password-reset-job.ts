import type { JobDefinition } from '../jobs/runner';
import { sendCandidateResetLink } from './candidate/request-candidate-password-reset';
import type { AppContext } from './context';
import { sendStaffResetLink } from './identity/request-password-reset';
import type { ResetRequestPayload } from './password-resets';

/** The second half of a request for a password reset link: find the account, record the link, queue the message. */
export function passwordResetJob(getCtx: () => AppContext): JobDefinition<ResetRequestPayload> {
  return {
    kind: 'password-reset',
    maxAttempts: 5,
    async handle({ kind, email }) {
      const ctx = getCtx();
      await (kind === 'staff' ? sendStaffResetLink(ctx, email) : sendCandidateResetLink(ctx, email));
    },
  };
}
