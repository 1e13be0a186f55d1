import { useState } from 'react';
import { api, type BulkOperation, errorText } from '../../api';
import { invalidate, useApi } from '../../query';
import { ConfirmDialog } from '../../ui';

/**
 * "Approve and send every draft without findings": one action for a job (or, without a job, the organization), after
 * a dialog that says how many. Each draft is approved in the background exactly as one approval is (checked again,
 * audited, its one email queued with it); drafts with findings wait for a person.
 */
export function ApproveAll(props: {
  jobId?: string;
  title?: string;
  onStarted: (op: BulkOperation) => void;
}) {
  const scope = props.jobId ? `?jobId=${props.jobId}` : '';
  const preview = useApi<{ ready: number; withFindings: number }>(`/feedback-approvals/preview${scope}`);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const p = preview.data;
  if (!p || (p.ready === 0 && p.withFindings === 0)) return null;
  const drafts = (n: number) => (n === 1 ? '1 draft' : `${n} drafts`);

  async function start() {
    setBusy(true);
    setError(undefined);
    try {
      const op = await api<BulkOperation>(
        'POST',
        '/feedback-approvals',
        props.jobId ? { jobId: props.jobId } : {},
      );
      setConfirming(false);
      invalidate('team', 'feedback-approvals');
      props.onStarted(op);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card approve-all" aria-labelledby="approve-all-title">
      <h2 id="approve-all-title">{props.title ?? 'Drafts waiting for review'}</h2>
      <p className="muted">
        {p.ready === 0
          ? `The checker found something in every waiting draft (${p.withFindings}); each needs a person's review.`
          : `The checker finds nothing in ${drafts(p.ready)}${p.withFindings ? `; ${drafts(p.withFindings)} with findings wait for a person` : ''}.`}
      </p>
      {p.ready > 0 && (
        <button type="button" onClick={() => setConfirming(true)}>
          Approve and send {drafts(p.ready)} without findings…
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Approve and send ${drafts(p.ready)}?`}
        confirm={`Approve and send ${p.ready}`}
        busy={busy}
        error={error}
        onConfirm={start}
        onCancel={() => {
          setConfirming(false);
          setError(undefined);
        }}
      >
        <p>
          {p.ready === 1 ? 'The draft' : `Each of the ${p.ready} drafts`} the checker finds nothing in is
          approved and emailed to its candidate now, as if you approved {p.ready === 1 ? 'it' : 'each'} on its
          own; every approval is in the audit trail.
          {p.withFindings > 0 &&
            ` ${drafts(p.withFindings)} with findings ${p.withFindings === 1 ? 'is' : 'are'} left for review.`}
        </p>
      </ConfirmDialog>
    </section>
  );
}
