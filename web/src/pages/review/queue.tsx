import { useEffect } from 'react';
import type { Application, ApplicationsPage } from '../../api';
import { useApi } from '../../query';

/** The drafts of a job waiting for review, in the order a reviewer goes through them (by name). */
export function useReviewQueue(jobId: string | undefined, feedbackId: string) {
  const queue = useApi<ApplicationsPage>(
    `/applications?jobId=${jobId}&feedbackStatus=draft&sort=name&limit=200`,
    {
      enabled: jobId !== undefined,
    },
  );
  const items: Application[] = queue.data?.items ?? [];
  const at = items.findIndex((a) => a.feedback?.id === feedbackId);
  const others = items.filter((a) => a.feedback?.id !== feedbackId);
  // From a draft in the list, its neighbours; from one no longer waiting, the first and last still waiting.
  const next = at >= 0 ? (items[at + 1] ?? others[0]) : others[0];
  const previous = at >= 0 ? (items[at - 1] ?? others[others.length - 1]) : others[others.length - 1];
  return {
    next,
    previous,
    waiting: others.length,
    position: at >= 0 ? at + 1 : undefined,
    total: items.length,
  };
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Single-key shortcuts for going through drafts, ignored while the reviewer types in a field, holds a modifier, or has
 * a dialog open.
 */
export function useReviewKeys(keys: Partial<Record<'j' | 'k' | 'a' | 'e', () => void>>) {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      const t = e.target instanceof HTMLElement ? e.target : null;
      if (t && (TYPING.has(t.tagName) || t.isContentEditable)) return;
      if (document.querySelector('dialog[open]')) return;
      const action = keys[e.key as 'j' | 'k' | 'a' | 'e'];
      if (!action) return;
      e.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
