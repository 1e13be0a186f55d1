import { QueryClient } from '@tanstack/react-query';
import { api, type Me } from './api';
import { type Account, capi } from './me/api';

/**
 * The one cache of server data for the hiring team's app and the candidate's workspace. The public pages (sign-in,
 * the candidate's feedback page) do without it, so they load less.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A failed load shows its error at once, as it always has; a focused window does not reload the page's data.
      retry: false,
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * Who is signed in to the hiring team's app: the member, or null when nobody is. Asked again each time the app's
 * layout mounts (after signing in, say); a different member than before starts from an empty cache.
 */
export const teamSession = {
  queryKey: ['team', 'me'] as const,
  queryFn: async () => {
    const me = await api<Me>('GET', '/me').catch(() => null);
    const before = queryClient.getQueryData<Me | null>(['team', 'me']);
    if (before && before.user.id !== me?.user.id) forget('team');
    return me;
  },
};

/** Who is signed in to the candidate's workspace: the account, or null when nobody is. */
export const candidateSession = {
  queryKey: ['candidate', 'me'] as const,
  queryFn: async () => {
    const me = await capi<Account>('GET', '/me').catch(() => null);
    const before = queryClient.getQueryData<Account | null>(['candidate', 'me']);
    if (before && before.id !== me?.id) forget('candidate');
    return me;
  },
};

/** Drops everything cached for one area but who is signed in. */
function forget(area: 'team' | 'candidate') {
  queryClient.removeQueries({ queryKey: [area], predicate: (q) => q.queryKey[1] !== 'me' });
}

export function signedOut(area: 'team' | 'candidate') {
  forget(area);
  queryClient.setQueryData([area, 'me'], null);
}
