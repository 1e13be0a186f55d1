import { Link, useSearchParams } from 'react-router';
import { type FeedbackRequestItem, formatDate, type Job } from '../api';
import { ErrorNote } from '../components';
import { useApi } from '../query';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Candidates who asked for feedback from their page, soonest deadline first; each links to its application. From
 * the dashboard, only its job's and those asked on its days (`jobId`, `from`, `to` in the address), and only those
 * past their deadline (`overdue=true`) from its count of late requests.
 */
export function RequestsPage() {
  const [params, setParams] = useSearchParams();
  const q = new URLSearchParams({ status: 'open' });
  const jobId = UUID.test(params.get('jobId') ?? '') ? (params.get('jobId') as string) : '';
  const from = DAY.test(params.get('from') ?? '') ? (params.get('from') as string) : '';
  const to = DAY.test(params.get('to') ?? '') ? (params.get('to') as string) : '';
  if (jobId) q.set('jobId', jobId);
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  const late = params.get('overdue') === 'true';
  if (late) q.set('overdue', 'true');
  const { data, error } = useApi<{ items: FeedbackRequestItem[] }>(`/feedback-requests?${q}`);
  const narrowed = Boolean(jobId || from || to || late);
  const job = useApi<Job>(`/jobs/${jobId}`, { enabled: Boolean(jobId) });
  const items = data ? [...data.items].sort((a, b) => a.dueAt.localeCompare(b.dueAt)) : undefined;
  const overdue = items?.filter((r) => r.overdue).length ?? 0;
  return (
    <>
      <h1>Requests</h1>
      <p className="muted">
        Candidates who were told the outcome without feedback can ask for it from their page. Answer within
        five working days: write the feedback from the scorecards on the application.
      </p>
      {narrowed && (
        <p className="filters small">
          {jobId && <span>{job.data?.title ?? 'One job'}. </span>}
          {(from || to) && (
            <span>
              Asked{from ? ` from ${from}` : ''}
              {to ? ` to ${to}` : ''}.{' '}
            </span>
          )}
          {late && <span>Past the deadline. </span>}
          <button type="button" className="link" onClick={() => setParams(new URLSearchParams())}>
            Show all
          </button>
        </p>
      )}
      <ErrorNote error={error} />
      {items && overdue > 0 && (
        <p className="warn-note" role="status">
          {overdue === 1 ? 'One request is' : `${overdue} requests are`} past the deadline.
        </p>
      )}
      <section className="card">
        {!items ? (
          <p className="muted">Loading…</p>
        ) : items.length === 0 ? (
          <p className="muted">
            {narrowed
              ? 'No open request matches.'
              : 'No open requests. When a candidate asks for feedback, the request appears here.'}
          </p>
        ) : (
          <ul className="requests">
            {items.map((r) => (
              <li key={r.id} className={r.overdue ? 'overdue' : ''}>
                <div className="request-head">
                  <Link to={`/applications/${r.applicationId}`}>{r.candidate.name}</Link>
                  <span className="muted">
                    {' '}
                    · <Link to={`/jobs/${r.job.id}`}>{r.job.title}</Link>
                  </span>
                  {r.overdue ? <span className="badge badge-rejected">Overdue</span> : null}
                </div>
                <p className="small muted">
                  Asked {formatDate(r.createdAt)} · answer by <b>{formatDate(r.dueAt)}</b>
                </p>
                {r.message && <blockquote className="quote">{r.message}</blockquote>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
