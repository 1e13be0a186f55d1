import { useSearchParams } from 'react-router';
import { STATUSES, type TrackerApp, type TrackerStatus } from '../api';

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

/** Applications whose company or role holds every word searched for (any case), of the status chosen. */
export function matching(items: TrackerApp[], q: string, status: TrackerStatus | '') {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((a) => {
    if (status && a.status !== status) return false;
    const hay = `${a.company} ${a.role}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
