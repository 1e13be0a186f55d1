import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { rejectionRefusal, STAGE_LABELS } from '../../../../src/domain/pipeline';
import { APPLICATION_STAGES, type ApplicationStage } from '../../../../src/domain/vocabulary';
import { type Application, api, can, errorText, formatDate, type Job, type Me, type Page } from '../../api';
import { Badge, ErrorNote } from '../../components';
import { usePageTitle } from '../../navigation';
import { invalidate, useApi } from '../../query';
import { ConfirmDialog } from '../../ui';
import { RejectRemaining } from './reject-remaining';

export const canManage = (me: Me) => can(me, 'jobs.manage');

/** What closing a job released: nothing to say when no feedback was held. */
function heldNote(released: number, held: string) {
  if (!released) return '';
  return released === 1
    ? ` 1 feedback ${held}was released for sending.`
    : ` ${released} feedbacks ${held}were released for sending.`;
}

export function JobPage({ id, me }: { id: string; me: Me }) {
  const job = useApi<Job>(`/jobs/${id}`);
  const [draftsOnly, setDraftsOnly] = useState(false);
  const [stage, setStage] = useState<ApplicationStage | ''>('');
  const apps = useApi<Page<Application>>(
    `/applications?jobId=${id}&limit=200${draftsOnly ? '&feedbackStatus=draft' : ''}${stage ? `&stage=${stage}` : ''}`,
  );
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
      <section className="card">
        <h2>Criteria</h2>
        <ul className="criteria-list">
          {j.criteria.map((c) => (
            <li key={c.id}>
              <b>{c.name}</b>
              {c.description && <span className="muted"> — {c.description}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2 id="applications" tabIndex={-1}>
          Applications
        </h2>
        <div className="filters">
          <label htmlFor="stage-filter">Stage</label>
          <select
            id="stage-filter"
            value={stage}
            onChange={(e) => setStage(e.target.value as ApplicationStage | '')}
          >
            <option value="">Every stage</option>
            {APPLICATION_STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {(draftsOnly || apps.data?.items.some((a) => a.feedback?.status === 'draft')) && (
          <div className="filters">
            <button
              type="button"
              className={draftsOnly ? 'chip' : 'chip on'}
              aria-pressed={!draftsOnly}
              onClick={() => setDraftsOnly(false)}
            >
              All
            </button>
            <button
              type="button"
              className={draftsOnly ? 'chip on' : 'chip'}
              aria-pressed={draftsOnly}
              onClick={() => setDraftsOnly(true)}
            >
              Drafts waiting for review
            </button>
          </div>
        )}
        <ErrorNote error={apps.error} />
        {apps.data && apps.data.items.length === 0 ? (
          <p className="muted">
            {draftsOnly
              ? 'No drafts wait for review on this job.'
              : stage
                ? `No applications at ${STAGE_LABELS[stage].toLowerCase()}.`
                : 'No candidates yet. Add the first one below.'}
          </p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>Candidate</th>
                  <th>Stage</th>
                  <th>Status</th>
                  <th>Feedback</th>
                </tr>
              </thead>
              <tbody>
                {apps.data?.items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/applications/${a.id}`}>{a.candidate.name}</Link>
                      <div className="muted small">{a.candidate.email}</div>
                    </td>
                    <td>{STAGE_LABELS[a.stage]}</td>
                    <td>
                      <Badge value={a.status} />
                    </td>
                    <td>
                      {a.feedback ? (
                        <Link to={`/feedback/${a.feedback.id}`}>
                          <Badge value={a.feedback.status} />{' '}
                          {a.feedback.status === 'draft' ? 'Review' : 'View'}
                        </Link>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
            onFinished={() => {
              invalidate('team', 'applications');
              invalidate('team', 'jobs');
              invalidate('team', 'stats');
            }}
            onShowDrafts={() => {
              setDraftsOnly(true);
              document.getElementById('applications')?.focus();
            }}
          />
        )}
    </>
  );
}
