import { answerDeadline } from '../../../../src/domain/timing';
import { type ApplicationDetail, formatDate } from '../../api';

/**
 * Where the candidate's contact stands: a notice sent, a request for feedback and the day its answer is due, counted
 * in working days and marked once it is near or past. Nothing while the candidate has been told nothing.
 */
export function RequestDeadline({ app, now = new Date() }: { app: ApplicationDetail; now?: Date }) {
  const first = app.candidate.name.split(' ')[0];
  const r = app.request;
  if (!r) {
    if (!app.noticeSentAt) return null;
    return (
      <p className="muted" data-testid="notice-sent">
        Rejection notice sent {formatDate(app.noticeSentAt)}. {first} has not asked for feedback.
      </p>
    );
  }
  if (r.status !== 'open') {
    return (
      <p className="muted" data-testid="request-closed">
        {first} asked for feedback on {formatDate(r.askedAt)};{' '}
        {r.status === 'fulfilled' ? 'the request has been answered.' : 'the request was declined.'}
      </p>
    );
  }
  const d = answerDeadline(now, new Date(r.dueAt));
  const left =
    d.state === 'overdue'
      ? `The answer was due ${formatDate(r.dueAt)} and is late.`
      : `Answer by ${formatDate(r.dueAt)}: ${d.workingDaysLeft === 1 ? 'this is the last working day' : `${d.workingDaysLeft} working days left`}.`;
  return (
    <p className={`deadline deadline-${d.state}`} role="status" data-testid="request-deadline">
      <b>{first} asked for feedback</b> on {formatDate(r.askedAt)}. {left}
    </p>
  );
}
