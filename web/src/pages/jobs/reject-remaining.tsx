import { type FormEvent, useEffect, useState } from 'react';
import { api, errorText, type Job, type RejectionReason } from '../../api';
import { ErrorNote, ReasonField } from '../../components';
import { keyOf, useApi } from '../../query';
import { queryClient } from '../../session';

/** The server's BulkOperation: progress of a background job over many applications. */
interface BulkOperation {
  id: string;
  kind: 'reject-remaining';
  jobId: string | null;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  createdAt: string;
  finishedAt: string | null;
}

const POLL_MS = 500;
const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * On a closed job: rejects every application still active for one reason, in the background, drafting feedback
 * for each; shows the progress until the server says it is done.
 */
export function RejectRemaining(props: {
  job: Job;
  status: 'filled' | 'cancelled';
  remaining: number;
  more: boolean;
  onStarted: () => void;
  onFinished: () => void;
  onShowDrafts: () => void;
}) {
  const { job, status, remaining, more, onStarted, onFinished, onShowDrafts } = props;
  const reasons = useApi<{ items: RejectionReason[] }>('/rejection-reasons');
  const [reason, setReason] = useState(status === 'filled' ? 'role-filled' : 'role-cancelled');
  const [opId, setOpId] = useState<string>();
  // The operation's progress, asked for every POLL_MS while it runs (a failed try is tried again the same way).
  const progress = useApi<BulkOperation>(`/bulk-operations/${opId}`, {
    enabled: opId !== undefined,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? POLL_MS : false),
  });
  const op = opId === undefined ? undefined : progress.data;
  const lost = progress.error !== undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const chosen = reasons.data?.items.find((r) => r.code === reason);
  const running = op?.status === 'running';

  const opStatus = op?.status;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the operation stops running
  useEffect(() => {
    if (opStatus && opStatus !== 'running') onFinished();
  }, [opStatus]);

  async function start(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const started = await api<BulkOperation>('POST', `/jobs/${job.id}/reject-remaining`, { reason });
      onStarted();
      queryClient.setQueryData(keyOf('team', `/bulk-operations/${started.id}`), started);
      setOpId(started.id);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const count = more ? `${remaining}+` : String(remaining);
  const noun = remaining === 1 && !more ? 'application' : 'applications';
  const showForm = !running && op?.status !== 'done' && remaining > 0;
  return (
    <section className="card bulk-reject" aria-labelledby="bulk-reject-title" aria-busy={running}>
      <h2 id="bulk-reject-title">
        {op?.status === 'done' ? 'Remaining applications rejected' : `Reject the ${count} remaining ${noun}`}
      </h2>
      {showForm && (
        <form onSubmit={start}>
          <p className="muted">
            The job is {status}. Each application still being assessed is rejected for the reason you choose,
            and Debrief drafts its feedback; candidates with an offer or hired are left alone. Nothing is sent
            until someone reviews and approves each draft.
          </p>
          <ReasonField
            id="bulk-reason"
            reasons={reasons.data?.items}
            value={reason}
            onChange={setReason}
            first={!reasons.data && <option value={reason}>Loading…</option>}
          />
          <ErrorNote error={reasons.error ?? error} />
          <button type="submit" className="danger" disabled={busy || !chosen}>
            {busy ? 'Starting…' : `Reject ${count} ${noun}`}
          </button>
        </form>
      )}
      {op && running && (
        <div className="bulk-progress">
          <label htmlFor="bulk-progress">
            Drafting feedback: {op.done} of {op.total}
          </label>
          <progress id="bulk-progress" max={Math.max(op.total, 1)} value={op.done}>
            {op.done} of {op.total}
          </progress>
          {lost && (
            <p className="muted small">
              Lost contact with the server; still trying. The work goes on meanwhile.
            </p>
          )}
        </div>
      )}
      {op?.status === 'done' && (
        <p className="ok-note" role="status">
          {op.total === 0
            ? 'No applications were left to reject.'
            : `${plural(op.total, 'application', 'applications')} rejected; ${op.total === 1 ? 'its draft waits' : 'their drafts wait'} for review.`}{' '}
          {op.total > 0 && (
            <button type="button" className="link" onClick={onShowDrafts}>
              Show the drafts
            </button>
          )}
        </p>
      )}
      {op?.status === 'failed' && (
        <p className="error" role="alert">
          The rejection stopped after {op.done} of {op.total} applications. Those rejected keep their drafts;
          {remaining > 0 ? ' start again below to reject the rest.' : ' none is left to reject.'}
        </p>
      )}
    </section>
  );
}
