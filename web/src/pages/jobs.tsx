import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  type Application,
  api,
  can,
  errorText,
  formatDate,
  type Job,
  type Me,
  type Page,
  type RejectionReason,
} from '../api';
import { Badge, ErrorNote, ReasonField } from '../components';
import { invalidate, keyOf, useApi } from '../query';
import { queryClient } from '../session';

const canManage = (me: Me) => can(me, 'jobs.manage');

/** What closing a job released: nothing to say when no feedback was held. */
function heldNote(released: number, held: string) {
  if (!released) return '';
  return released === 1
    ? ` 1 feedback ${held}was released for sending.`
    : ` ${released} feedbacks ${held}were released for sending.`;
}

export function JobsPage({ me }: { me: Me }) {
  const { data, error } = useApi<Page<Job>>('/jobs?limit=200');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="page-head">
        <h1>Jobs</h1>
        {canManage(me) && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New job
          </button>
        )}
      </div>
      {creating && <NewJob onCancel={() => setCreating(false)} />}
      <ErrorNote error={error} />
      <section className="card">
        {!data ? (
          <p className="muted">Loading…</p>
        ) : data.items.length === 0 ? (
          <p className="muted">
            No jobs yet. A job lists the knowledge, skills and abilities you assess; scorecards rate
            candidates against them and feedback is drafted from that evidence.
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Job</th>
                <th>Status</th>
                <th className="num">Active</th>
                <th className="num">Rejected</th>
                <th className="num">Hired</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((j) => (
                <tr key={j.id}>
                  <td>
                    <Link to={`/jobs/${j.id}`}>{j.title}</Link>
                  </td>
                  <td>
                    <Badge value={j.status} />
                  </td>
                  <td className="num">{j.applications?.active ?? '—'}</td>
                  <td className="num">{j.applications?.rejected ?? '—'}</td>
                  <td className="num">{j.applications?.hired ?? '—'}</td>
                  <td>{formatDate(j.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

let rowKey = 0;
function NewJob({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [rows, setRows] = useState([{ key: rowKey++, name: '', description: '' }]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (i: number, k: 'name' | 'description', v: string) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const job = await api<Job>('POST', '/jobs', {
        title,
        criteria: rows
          .filter((r) => r.name.trim())
          .map((r) => ({ name: r.name.trim(), description: r.description.trim() || null })),
      });
      navigate(`/jobs/${job.id}`);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  return (
    <section className="card">
      <h2>New job</h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="job-title">Job title</label>
          <input id="job-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </div>
        <fieldset className="criteria">
          <legend>Criteria</legend>
          <p className="muted small">
            The knowledge, skills and abilities the job requires. Interviewers rate each one and back the
            rating with evidence; the feedback is drafted from it. Name skills, not traits (“SQL”, not
            “energetic”).
          </p>
          {rows.map((r, i) => (
            <div className="criterion-row" key={r.key}>
              <div className="field">
                <label htmlFor={`crit-name-${r.key}`}>Criterion {i + 1} name</label>
                <input
                  id={`crit-name-${r.key}`}
                  value={r.name}
                  onChange={(e) => set(i, 'name', e.target.value)}
                  required={i === 0}
                />
              </div>
              <div className="field grow">
                <label htmlFor={`crit-desc-${r.key}`}>Criterion {i + 1} description</label>
                <input
                  id={`crit-desc-${r.key}`}
                  value={r.description}
                  onChange={(e) => set(i, 'description', e.target.value)}
                  placeholder="What meeting it looks like (optional)"
                />
              </div>
              <button
                type="button"
                className="secondary"
                aria-label={`Remove criterion ${i + 1}`}
                disabled={rows.length === 1}
                onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => setRows((rs) => [...rs, { key: rowKey++, name: '', description: '' }])}
          >
            Add criterion
          </button>
        </fieldset>
        <ErrorNote error={error} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Working…' : 'Create job'}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

export function JobPage({ id, me }: { id: string; me: Me }) {
  const job = useApi<Job>(`/jobs/${id}`);
  const [draftsOnly, setDraftsOnly] = useState(false);
  const apps = useApi<Page<Application>>(
    `/applications?jobId=${id}&limit=200${draftsOnly ? '&feedbackStatus=draft' : ''}`,
  );
  const mayRejectRemaining = canManage(me) && can(me, 'applications.reject');
  const closedJob = job.data !== undefined && job.data.status !== 'open';
  // The applications still active on a closed job, counted apart from the list (which may show drafts only).
  const remaining = useApi<Page<Application>>(`/applications?jobId=${id}&status=active&limit=200`, {
    enabled: mayRejectRemaining && closedJob,
  });
  const [bulkStarted, setBulkStarted] = useState(false);
  const [closed, setClosed] = useState<string>();
  const [closeError, setCloseError] = useState<string>();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [addError, setAddError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const j = job.data;

  async function close(outcome: 'filled' | 'cancelled') {
    setCloseError(undefined);
    try {
      const r = await api<{ job: Job; released: number }>('POST', `/jobs/${id}/close`, { outcome });
      job.setData(r.job);
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
                    <td>{a.stage}</td>
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
                releases it.
              </p>
              <div className="actions">
                <button type="button" onClick={() => close('filled')}>
                  Close as filled
                </button>
                <button type="button" className="secondary" onClick={() => close('cancelled')}>
                  Close as cancelled
                </button>
              </div>
            </>
          ) : (
            <p>
              Closed as {j.status} on {formatDate(j.closedAt)}.
            </p>
          )}
          {closed && (
            <p className="ok-note" role="status">
              {closed}
            </p>
          )}
          <ErrorNote error={closeError} />
        </section>
      )}
      {mayRejectRemaining &&
        (j.status === 'filled' || j.status === 'cancelled') &&
        remaining.data &&
        (bulkStarted || remaining.data.items.length > 0) && (
          <RejectRemaining
            key={j.id}
            job={j}
            status={j.status}
            remaining={remaining.data.items.length}
            more={remaining.data.nextCursor !== null}
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
function RejectRemaining(props: {
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
            The job is {status}. Each application still active is rejected for the reason you choose, and
            Debrief drafts its feedback. Nothing is sent until someone reviews and approves each draft.
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
