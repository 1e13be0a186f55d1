import { useEffect } from 'react';
import { Link } from 'react-router';
import type { BulkOperation, BulkOperationItem } from '../../api';
import { invalidate, useApi } from '../../query';

const POLL_MS = 500;
const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Why an application was left alone, in a few words. */
const WHY: Record<string, string> = {
  'application-hired': 'hired',
  'application-offered': 'has an offer',
  'application-withdrawn': 'withdrew',
  'application-closed': 'already rejected',
  'already-approved': 'already approved by someone else',
  'not-found': 'removed meanwhile',
};

/** Everything a bulk operation may have changed: lists, counts, the job, the stats. */
export function operationFinished() {
  invalidate('team', 'applications');
  invalidate('team', 'jobs');
  invalidate('team', 'stats');
  invalidate('team', 'feedback-approvals');
  invalidate('team', 'bulk-operations');
  invalidate('team', 'audit');
}

function ItemList({ items, label }: { items: BulkOperationItem[]; label: string }) {
  if (!items.length) return null;
  return (
    <details open={items.length <= 10}>
      <summary>{label}</summary>
      <ul className="bulk-items">
        {items.map((i) => (
          <li key={`${i.applicationId}-${i.code}`}>
            <Link
              to={
                i.feedbackId && i.code === 'has-findings'
                  ? `/feedback/${i.feedbackId}`
                  : `/applications/${i.applicationId}`
              }
            >
              {i.candidateName}
            </Link>{' '}
            <span className="muted small">— {WHY[i.code] ?? i.message}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The progress of a background operation over many applications (a rejection of the chosen ones, an approval of
 * every clean draft), asked for every half second while it runs, then its summary: what was done, what was left and
 * why, each with a link. The page finds a running operation again after a reload and shows it here.
 */
export function OperationPanel({ id, onDismiss }: { id: string; onDismiss?: () => void }) {
  const progress = useApi<BulkOperation>(`/bulk-operations/${id}`, {
    refetchInterval: (q) => (q.state.data?.status === 'running' ? POLL_MS : false),
  });
  const op = progress.data;
  const status = op?.status;
  useEffect(() => {
    if (status && status !== 'running') operationFinished();
  }, [status]);
  if (!op) return null;
  const approving = op.kind === 'approve-drafts';
  const running = op.status === 'running';
  const title = approving
    ? running
      ? 'Approving and sending drafts'
      : 'Drafts approved and sent'
    : running
      ? 'Rejecting the chosen applications'
      : 'Chosen applications rejected';
  return (
    <section className="card bulk-operation" aria-labelledby={`op-${op.id}`} aria-busy={running}>
      <h2 id={`op-${op.id}`}>{title}</h2>
      {running && (
        <div className="bulk-progress">
          <label htmlFor={`op-progress-${op.id}`}>
            {approving ? 'Approving and sending' : 'Rejecting and drafting feedback'}: {op.done} of {op.total}
          </label>
          <progress id={`op-progress-${op.id}`} max={Math.max(op.total, 1)} value={op.done}>
            {op.done} of {op.total}
          </progress>
          {op.waitingUntil && (
            <p className="muted small">
              Paused by your organization's hourly sending limit; it carries on by itself at{' '}
              {new Date(op.waitingUntil).toLocaleTimeString(undefined, { timeStyle: 'short' })}.
            </p>
          )}
          {progress.error && (
            <p className="muted small">
              Lost contact with the server; still trying. The work goes on meanwhile.
            </p>
          )}
        </div>
      )}
      {op.status === 'done' && (
        <p className="ok-note" role="status">
          {approving
            ? `Approved and sent ${op.succeeded}. Left ${op.withFindings.length} with findings for review.`
            : `${plural(op.succeeded, 'application', 'applications')} rejected; ${op.succeeded === 1 ? 'its draft waits' : 'their drafts wait'} for review.${op.skipped.length ? ` Skipped ${op.skipped.length}.` : ''}`}
        </p>
      )}
      {op.status === 'failed' && (
        <p className="error" role="alert">
          The operation stopped after {op.done} of {op.total}. What was done stays done; start again for the
          rest.
        </p>
      )}
      <ItemList
        items={op.withFindings}
        label={`Left for review, with findings (${op.withFindings.length})`}
      />
      <ItemList items={op.skipped} label={`Skipped (${op.skipped.length})`} />
      {!running && onDismiss && (
        <button type="button" className="link" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </section>
  );
}
