import { keepPreviousData, type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { api, errorText } from './api';
import { capi } from './me/api';
import { queryClient } from './session';

/**
 * The key of the data under an API path, in one area of the app: `/jobs/7` in the team's app is
 * `['team', 'jobs', '7']`, `/applications?jobId=7` is `['team', 'applications', { jobId: '7' }]`. A change
 * invalidates a prefix: `invalidate('team', 'applications')` reloads every list and page of applications.
 */
export function keyOf(area: 'team' | 'candidate', path: string): QueryKey {
  const [pathname, search] = path.split('?');
  const key: unknown[] = [area, ...pathname.split('/').filter(Boolean)];
  if (search) key.push(Object.fromEntries(new URLSearchParams(search)));
  return key;
}

/** Marks everything under a key prefix as stale; what is on screen loads again. */
export const invalidate = (...prefix: unknown[]) => queryClient.invalidateQueries({ queryKey: prefix });

type Options<T> = Pick<UseQueryOptions<T, Error, T, QueryKey>, 'enabled' | 'refetchInterval'>;

/**
 * Data for a page: `data` (the last answer, kept while a new key loads), `error` as a sentence, `reload` and
 * `setData` (to show what a change returned at once).
 */
export function useLoad<T>(key: QueryKey, load: () => Promise<T>, options: Options<T> = {}) {
  const q = useQuery({ queryKey: key, queryFn: load, placeholderData: keepPreviousData, ...options });
  return {
    data: q.data,
    error: q.error ? errorText(q.error) : undefined,
    reload: () => queryClient.invalidateQueries({ queryKey: key }),
    setData: (data: T) => queryClient.setQueryData(key, data),
  };
}

/** GET a path of the team's API: `useApi<Job>(`/jobs/${id}`)`. */
export const useApi = <T>(path: string, options?: Options<T>) =>
  useLoad<T>(keyOf('team', path), () => api<T>('GET', path), options);

/** GET a path of the candidate's API (under /api/v1/candidate). */
export const useCandidateApi = <T>(path: string, options?: Options<T>) =>
  useLoad<T>(keyOf('candidate', path), () => capi<T>('GET', path), options);

/**
 * After a change in the candidate's workspace: applications, reminders, rounds, logged feedback and the plan all
 * feed each other, so everything but the account itself loads again.
 */
export const candidateChanged = () =>
  queryClient.invalidateQueries({ queryKey: ['candidate'], predicate: (q) => q.queryKey[1] !== 'me' });
