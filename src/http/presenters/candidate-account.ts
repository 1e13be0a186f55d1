import type { CandidateActor } from '../../app/context';

/** The signed-in candidate's account, as the API shows it. */
export function presentCandidateAccount(who: CandidateActor) {
  return { id: who.accountId, name: who.name, email: who.email, verified: who.verified };
}

/** A new account and the session token that signs it in. */
export function presentSignedUpCandidate(s: {
  account: { id: string; name: string; email: string; verified: boolean };
  token: string;
}) {
  return { ...s.account, token: s.token };
}
