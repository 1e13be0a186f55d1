import { Link } from 'react-router';
import { type FeedbackRequestItem, formatDate } from '../api';
import { ErrorNote } from '../components';
import { useApi } from '../query';

/** Candidates who asked for feedback from their page, soonest deadline first; each links to its application. */
export function RequestsPage() {
  const { data, error } = useApi<{ items: FeedbackRequestItem[] }>('/feedback-requests?status=open');
  const items = data ? [...data.items].sort((a, b) => a.dueAt.localeCompare(b.dueAt)) : undefined;
  const overdue = items?.filter((r) => r.overdue).length ?? 0;
  return (
    <>
      <h1>Requests</h1>
      <p className="muted">
        Candidates who were told the outcome without feedback can ask for it from their page. Answer within
        five working days: write the feedback from the scorecards on the application.
      </p>
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
            No open requests. When a candidate asks for feedback, the request appears here.
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
