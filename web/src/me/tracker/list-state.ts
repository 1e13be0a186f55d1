import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { errorText } from '../../api';
import { keyOf, useCandidateApi } from '../../query';
import { capi, STATUSES, type TrackerPage, type TrackerStatus } from '../api';

export const PAGE_SIZE = 50;

export const statusLabel = (s: TrackerStatus) => s[0].toUpperCase() + s.slice(1);
const isStatus = (s: string | null): s is TrackerStatus => (STATUSES as readonly string[]).includes(s ?? '');

/**
 * The tracker's search, status filter and view (list or board), kept in the page's address: a reload, a shared link
 * and the back button bring them back. Typing replaces the address rather than adding to the history.
 */
export function useTrackerState() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status: TrackerStatus | '' = isStatus(params.get('status'))
    ? (params.get('status') as TrackerStatus)
    : '';
  const view: 'list' | 'board' = params.get('view') === 'board' ? 'board' : 'list';
  function set(changes: Record<string, string | undefined>, replace = false) {
    setParams(
      () => {
        // From the address as it is now: a change made by a timer (the search, typed) must not bring back what was
        // cleared since that timer's render.
        const next = new URLSearchParams(window.location.search);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace, preventScrollReset: true },
    );
  }
  return { q, status, view, set };
}

/**
 * The applications matching the address's search and status, as the API finds them, a page at a time ("Show more"),
 * with how many match and how many the candidate tracks in all.
 */
export function useTrackerList(q: string, status: TrackerStatus | '') {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (q.trim()) params.set('q', q.trim());
  if (status) params.set('status', status);
  const path = `/applications?${params}`;
  const list = useInfiniteQuery({
    queryKey: [...keyOf('candidate', path), 'pages'],
    queryFn: ({ pageParam }) =>
      capi<TrackerPage>('GET', `${path}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const all = useCandidateApi<TrackerPage>('/applications?limit=1');
  return {
    items: list.data?.pages.flatMap((p) => p.items),
    matching: list.data?.pages[0]?.total ?? 0,
    tracked: all.data?.total,
    error: list.error ? errorText(list.error) : all.error,
    more: list.hasNextPage ? () => list.fetchNextPage() : undefined,
    loadingMore: list.isFetchingNextPage,
  };
}
