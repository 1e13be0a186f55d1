import { Link } from 'react-router';
import { Badge, ErrorNote } from '../../components';
import { usePageTitle } from '../../navigation';
import { candidateChanged, useCandidateApi } from '../../query';
import { day, type TrackerDetail } from '../api';
import { ReminderList } from '../home';
import { DetailsSection } from './details';
import { DeleteApplication, RoundActions } from './edit';
import { ReminderForm, RoundForm, StatusForm } from './forms';
import { LoggedActions } from './logged-actions';

export function TrackerDetailPage({ id }: { id: string }) {
  const { data: a, error } = useCandidateApi<TrackerDetail>(`/applications/${id}`);
  const reload = candidateChanged;
  usePageTitle(a && [a.company, a.role]);
  if (error) return <ErrorNote error={error} />;
  if (!a) return <p className="muted">Loading…</p>;
  const upcoming = a.status === 'applied' || a.status === 'interviewing';
  return (
    <>
      <p className="crumbs">
        <Link to="/me/applications">Applications</Link> /
      </p>
      <div className="page-head">
        <h1>
          {a.company} <span className="muted">· {a.role}</span>
        </h1>
        <Badge value={a.status} />
      </div>
      <p className="muted">
        {a.source && <>Source: {a.source} · </>}
        Applied {day(a.appliedOn)}
        {a.rejectedOn && <> · rejected {day(a.rejectedOn)}</>}
        {a.recruiter && (
          <>
            {' '}
            · recruiter {a.recruiter.name}
            {a.recruiter.agency ? ` (${a.recruiter.agency})` : ''}
          </>
        )}
      </p>

      {a.status === 'rejected' && (
        <section className="card callout ask-callout">
          <p>
            <b>Ask for feedback.</b> A short, grateful note to the right person gets answers: see when to ask,
            whom, how likely a reply is, and a checked draft.
          </p>
          <Link to={`/me/applications/${a.id}/ask`} className="button">
            Ask for feedback
          </Link>
        </section>
      )}

      {upcoming && a.prep.length > 0 && (
        <section className="card prep" aria-labelledby="prep-head">
          <h2 id="prep-head">Before your interview</h2>
          <p className="muted small">Open actions from your plan on the themes this role tests.</p>
          <ul className="plain-list">
            {a.prep.map((p) => (
              <li key={p.actionId}>
                <b>{p.title}</b>
                <div className="small muted">{p.why}</div>
              </li>
            ))}
          </ul>
          <Link to="/me/plan">Open your plan</Link>
        </section>
      )}

      <div className="me-columns">
        <div>
          <section className="card" aria-labelledby="rounds-head">
            <h2 id="rounds-head">Rounds</h2>
            {a.roundList.length === 0 ? (
              <p className="muted">No rounds yet. Add each interview: who you met and how it went.</p>
            ) : (
              <ol className="rounds">
                {a.roundList.map((r) => (
                  <li key={r.id}>
                    <div className="round-head">
                      <b>{r.stage}</b> <span className="muted">· {day(r.date)}</span>
                      {r.rapport && (
                        <span className="rapport" title="Rapport, 1 to 5">
                          rapport {r.rapport}/5
                        </span>
                      )}
                    </div>
                    {r.interviewers.length > 0 && (
                      <div className="small">
                        Met{' '}
                        {r.interviewers.map((p, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: the people of one round, in the order met
                          <span key={i}>
                            {i > 0 && ', '}
                            {p.name}
                            {p.role ? ` (${p.role})` : ''}
                          </span>
                        ))}
                      </div>
                    )}
                    {r.notes && <p className="small muted">{r.notes}</p>}
                    <RoundActions round={r} onChange={reload} />
                  </li>
                ))}
              </ol>
            )}
            <RoundForm appId={a.id} n={a.roundList.length} onAdded={reload} />
          </section>
          <FeedbackSection a={a} />
        </div>
        <div>
          <StatusForm a={a} onSaved={reload} />
          <DetailsSection a={a} onSaved={reload} />
          <section className="card" aria-labelledby="arem-head">
            <h2 id="arem-head">Reminders</h2>
            <ReminderList items={a.reminders} empty="No reminders for this application." onChange={reload} />
            <ReminderForm appId={a.id} onAdded={reload} />
          </section>
          <section className="card" aria-labelledby="danger-head">
            <h2 id="danger-head">Delete</h2>
            <DeleteApplication a={a} />
          </section>
        </div>
      </div>
    </>
  );
}

function FeedbackSection({ a }: { a: TrackerDetail }) {
  if (!a.debriefFeedback && a.loggedFeedback.length === 0) return null;
  return (
    <section className="card" aria-labelledby="afb-head">
      <h2 id="afb-head">Feedback</h2>
      {a.debriefFeedback && (
        <article className="feedback-item">
          <p className="small muted">
            Sent through Debrief{a.debriefFeedback.sentAt ? ` on ${day(a.debriefFeedback.sentAt)}` : ''}
          </p>
          <div className="letter">{a.debriefFeedback.body}</div>
        </article>
      )}
      {a.loggedFeedback.map((l) => (
        <article key={l.id} className="feedback-item">
          <p className="small muted">
            Logged: by {l.channel === 'other' ? 'other means' : l.channel}, {day(l.receivedOn)}
          </p>
          <div className="letter">{l.text}</div>
          <LoggedActions l={l} onChange={candidateChanged} />
        </article>
      ))}
    </section>
  );
}
