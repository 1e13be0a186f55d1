import type { CandidateActor } from '../../app/context';

/** The signed-in candidate's account, as the API shows it. */
export function presentCandidateAccount(who: CandidateActor) {
  return { id: who.accountId, name: who.name, email: who.email, verified: who.verified };
}
