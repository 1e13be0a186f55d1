import { QueryClient } from '@tanstack/react-query';
import { api, type Me } from './api';
import { type Account, capi } from './me/api';

/** The one cache of server data for the whole app. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A failed load shows its error at once, as it always has; a focused window does not reload the page's data.
      retry: false,
      refetchOnWindowFocus: false,
    },
  },
});

/** Who is signed in to the hiring team's app: the member, or null when nobody is. */
export const teamSession = {
  queryKey: ['team', 'me'] as const,
  queryFn: () => api<Me>('GET', '/me').catch(() => null),
  staleTime: Number.POSITIVE_INFINITY,
};

/** Who is signed in to the candidate's workspace: the account, or null when nobody is. */
export const candidateSession = {
  queryKey: ['candidate', 'me'] as const,
  queryFn: () => capi<Account>('GET', '/me').catch(() => null),
  staleTime: Number.POSITIVE_INFINITY,
};

/** After signing in: remember the member, forget whatever the previous one saw. */
export function signedInTeam(me: Me) {
  queryClient.removeQueries({ queryKey: ['team'] });
  queryClient.setQueryData(teamSession.queryKey, me);
}

export function signedOutTeam() {
  queryClient.removeQueries({ queryKey: ['team'] });
  queryClient.setQueryData(teamSession.queryKey, null);
}

/** After signing in or confirming the address: ask the server who the candidate is now. */
export async function refreshCandidate() {
  return queryClient.fetchQuery({ ...candidateSession, staleTime: 0 });
}

export function signedOutCandidate() {
  queryClient.removeQueries({ queryKey: ['candidate'] });
  queryClient.setQueryData(candidateSession.queryKey, null);
}
