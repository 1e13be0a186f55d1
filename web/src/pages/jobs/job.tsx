import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { rejectionRefusal } from '../../../../src/domain/pipeline';
import {
  type Application,
  api,
  type BulkOperation,
  can,
  errorText,
  formatDate,
  type Job,
  type Me,
  type Page,
} from '../../api';
import { Badge, ErrorNote } from '../../components';
import { usePageTitle } from '../../navigation';
import { invalidate, useApi } from '../../query';
import { ConfirmDialog } from '../../ui';
import { Applicants, useListState } from './applicants';
import { ApproveAll } from './approve-all';
import { OperationPanel, operationFinished } from './bulk-operation';
import { CriteriaCard } from './criteria';
import { RejectRemaining } from './reject-remaining';

export const canManage = (me: Me) => can(me, 'jobs.manage');

/** How long after it finished a bulk operation's summary still shows when the job's page opens. */
const RECENT_MS = 10 * 60_000;

/** What closing a job released: nothing to say when no feedback was held. */
function heldNote(released: number, held: string) {
  if (!released) return '';
  return released === 1
    ? ` 1 feedback ${held}was released for sending.`
    : ` ${released} feedbacks ${held}were released for sending.`;
}

export function JobPage({ id, me }: { id: string; me: Me }) {
  const job = useApi<Job>(`/jobs/${id}`);
  const list = useListState();
  // Operations started here, and those found when the page opens (after a reload): one still running shows its
  // progress, one finished in the last few minutes its summary (who was skipped and why), until dismissed.
  const [shown, setShown] = useState<string[]>([]);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const recent = useApi<{ items: BulkOperation[] }>(`/bulk-operations?jobId=${id}`);
  const [opened] = useState(() => Date.now());
  const panels = [
    ...shown,
    ...(recent.data?.items ?? [])
      .filter(
        (o) =>
          o.kind !== 'reject-remaining' &&
          !shown.includes(o.id) &&
          (o.status === 'running' || Date.parse(o.finishedAt ?? '') > opened - RECENT_MS),
      )
      .map((o) => o.id),
  ].filter((x) => !dismissed.includes(x));
  const mayRejectRemaining = canManage(me) && can(me, 'applications.reject');
  const closedJob = job.data !== undefined && job.data.status !== 'open';
  // The applications still being assessed on a closed job (offers and hires are never rejected), counted apart from
  // the list (which may be filtered).
  const active = useApi<Page<Application>>(`/applications?jobId=${id}&status=active&limit=200`, {
    enabled: mayRejectRemaining && closedJob,
  });
  const remaining = active.data && {
    ...active.data,
    items: active.data.items.filter((a) => rejectionRefusal(a.stage) === null),
  };
  const [bulkStarted, setBulkStarted] = useState(false);
  const [closed, setClosed] = useState<string>();
  const [closeError, setCloseError] = useState<string>();
  /** The close or reopen waiting for confirmation. */
  const [confirming, setConfirming] = useState<'filled' | 'elsewhere' | 'cancelled' | 'reopen'>();
  const [closing, setClosing] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [addError, setAddError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const j = job.data;
  usePageTitle(j && [j.title, 'Jobs']);
  const hired = j?.applications?.hired ?? 0;
  const held = j?.heldUntilFilled ?? 0;
  const stillOpen = (j?.applications?.active ?? 0) - (j?.applications?.offer ?? 0);

  async function close(how: 'filled' | 'elsewhere' | 'cancelled') {
    const outcome = how === 'cancelled' ? 'cancelled' : 'filled';
    setCloseError(undefined);
    setClosing(true);
    try {
      const r = await api<{ job: Job; released: number }>('POST', `/jobs/${id}/close`, {
        outcome,
        ...(how === 'elsewhere' ? { filledElsewhere: true } : {}),
      });
      job.setData(r.job);
      setConfirming(undefined);
      setClosed(
        outcome === 'filled'
          ? `Closed as filled.${heldNote(r.released, 'held until the job was filled ')}`
          : `Closed as cancelled.${heldNote(r.released, 'held ')}`,
      );
      // Held feedback was released; the closed job's active applications load by themselves, for the panel below.
      invalidate('team', 'applications');
      invalidate('team', 'jobs');
      invalidate('team', 'stats');
    } catch (e) {
      setCloseError(errorText(e));
    } finally {
      setClosing(false);
    }
  }

  async function reopen() {
    setCloseError(undefined);
    setClosing(true);
    try {
      job.setData(await api<Job>('POST', `/jobs/${id}/reopen`));
      setConfirming(undefined);
      setClosed('Reopened: the job takes applications again.');
      invalidate('team', 'jobs');
      invalidate('team', 'audit');
    } catch (e) {
      setCloseError(errorText(e));
    } finally {
      setClosing(false);
    }
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setAddError(undefined);
    try {
      await api<Application>('POST', '/applications', { jobId: id, candidate: { name, email } });
      setName('');
      setEmail('');
      invalidate('team', 'applications');
      invalidate('team', 'jobs');
    } catch (err) {
      setAddError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  if (job.error) return <ErrorNote error={job.error} />;
  if (!j) return <p className="muted">Loading…</p>;
  return (
    <>
      <p className="crumbs">
        <Link to="/jobs">Jobs</Link> /
      </p>
      <div className="page-head">
        <h1>{j.title}</h1>
        <Badge value={j.status} />
      </div>
      <CriteriaCard job={j} mayEdit={canManage(me)} />
      {panels.map((opId) => (
        <OperationPanel key={opId} id={opId} onDismiss={() => setDismissed((ids) => [...ids, opId])} />
      ))}
      {can(me, 'feedback.review') && (
        <ApproveAll
          jobId={id}
          onStarted={(op) => setShown((ids) => [op.id, ...ids.filter((x) => x !== op.id)])}
        />
      )}
      <section className="card">
        <h2 id="applications" tabIndex={-1}>
          Applications
        </h2>
        <Applicants
          jobId={id}
          me={me}
          onStarted={(op) => setShown((ids) => [op.id, ...ids.filter((x) => x !== op.id)])}
          emptyText="No candidates yet. Add the first one below."
        />
        {j.status === 'open' && can(me, 'applications.create') && (
          <form className="inline-form" onSubmit={add} aria-label="Add a candidate">
            <h3>Add a candidate</h3>
            <div className="row">
              <div className="field">
                <label htmlFor="cand-name">Candidate name</label>
                <input id="cand-name" value={name} onChange={(e) => setName(e.target.value)} required />
              </div>
              <div className="field">
                <label htmlFor="cand-email">Candidate email</label>
                <input
                  id="cand-email"
                  type="email"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  required
                />
              </div>
              <button type="submit" disabled={busy}>
                Add application
              </button>
            </div>
            <ErrorNote error={addError} />
          </form>
        )}
      </section>
      {canManage(me) && (
        <section className="card">
          <h2>Close the job</h2>
          {j.status === 'open' ? (
            <>
              <p className="muted">
                Feedback approved with “Send when the job is filled” is held until you close the job; closing
                releases it. Closing as filled needs someone marked hired, or that the role was filled
                elsewhere.
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setConfirming(hired ? 'filled' : 'elsewhere')}
                >
                  {hired ? 'Close as filled…' : 'Close as filled elsewhere…'}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming('cancelled')}>
                  Close as cancelled…
                </button>
              </div>
            </>
          ) : (
            <>
              <p>
                Closed as {j.status} on {formatDate(j.closedAt)}.
              </p>
              <div className="actions">
                <button type="button" className="secondary" onClick={() => setConfirming('reopen')}>
                  Reopen the job…
                </button>
              </div>
            </>
          )}
          <ConfirmDialog
            open={confirming !== undefined}
            title={
              confirming === 'reopen'
                ? `Reopen ${j.title}?`
                : confirming === 'cancelled'
                  ? `Close ${j.title} as cancelled?`
                  : `Close ${j.title} as filled${confirming === 'elsewhere' ? ' elsewhere' : ''}?`
            }
            confirm={
              confirming === 'reopen'
                ? 'Reopen'
                : confirming === 'cancelled'
                  ? 'Close as cancelled'
                  : confirming === 'elsewhere'
                    ? 'Close as filled elsewhere'
                    : 'Close as filled'
            }
            danger={confirming !== 'reopen'}
            busy={closing}
            error={closeError}
            onConfirm={() => (confirming === 'reopen' ? reopen() : confirming && close(confirming))}
            onCancel={() => {
              setConfirming(undefined);
              setCloseError(undefined);
            }}
          >
            {confirming === 'reopen' ? (
              <p>
                The job takes applications again. Feedback already released when it closed stays released;
                feedback approved “when filled” from now on waits for the next close.
              </p>
            ) : (
              <ul>
                {confirming === 'filled' && (
                  <li>
                    {hired === 1 ? '1 candidate is' : `${hired} candidates are`} marked hired; they are never
                    sent a rejection.
                  </li>
                )}
                {confirming === 'elsewhere' && (
                  <li>
                    Nobody here is marked hired: the role is recorded as filled by someone from elsewhere.
                  </li>
                )}
                <li>
                  {held === 0
                    ? 'No feedback is waiting for the job to be filled.'
                    : held === 1
                      ? '1 feedback email held until the job is filled goes out now.'
                      : `${held} feedback emails held until the job is filled go out now.`}
                </li>
                <li>
                  {stillOpen === 1
                    ? '1 application is still being assessed; you can then reject it with feedback.'
                    : `${stillOpen} applications are still being assessed; you can then reject them with feedback.`}
                </li>
                <li>The job takes no new applications until you reopen it.</li>
              </ul>
            )}
          </ConfirmDialog>
          {closed && (
            <p className="ok-note" role="status">
              {closed}
            </p>
          )}
          <ErrorNote error={confirming ? undefined : closeError} />
        </section>
      )}
      {mayRejectRemaining &&
        (j.status === 'filled' || j.status === 'cancelled') &&
        remaining &&
        (bulkStarted || remaining.items.length > 0) && (
          <RejectRemaining
            key={j.id}
            job={j}
            status={j.status}
            remaining={remaining.items.length}
            more={remaining.nextCursor !== null}
            onStarted={() => setBulkStarted(true)}
            onFinished={operationFinished}
            onShowDrafts={() => {
              list.set({ drafts: '1' });
              document.getElementById('applications')?.focus();
            }}
          />
        )}
    </>
  );
}
