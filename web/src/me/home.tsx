import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../api';
import { Badge, ErrorNote } from '../components';
import { candidateChanged, useCandidateApi } from '../query';
import {
  type Account,
  type AppRef,
  capi,
  day,
  type Home,
  KIND_LABELS,
  type Reminder,
  relative,
  STATUSES,
  today,
} from './api';
import { ReminderActions } from './tracker/reminder-actions';

export function HomePage({ me }: { me: Account }) {
  const first = me.name.split(' ')[0];
  // Counted and chosen by the server over every application tracked, however many.
  const home = useCandidateApi<Home>('/home');
  const h = home.data;
  // Home lists the soonest few; every open reminder loads only when asked for.
  const [allReminders, setAllReminders] = useState(false);
  const every = useCandidateApi<{ items: Home['reminders'] }>('/reminders?open=true', {
    enabled: allReminders,
  });
  const shown = allReminders && every.data ? every.data.items : h?.reminders;
  return (
    <>
      <h1>Hello, {first}</h1>
      <div className="me-grid">
        <section className="card" aria-labelledby="rem-head">
          <h2 id="rem-head">Coming up</h2>
          <ErrorNote error={home.error ?? every.error} />
          {h && shown && (
            <>
              <ReminderList
                items={shown}
                empty="Nothing due. Reminders to follow up, send a thank-you note or ask for feedback appear here as you track your applications."
                onChange={candidateChanged}
              />
              {h.remindersOpen > h.reminders.length && (
                <p className="muted">
                  {allReminders ? (
                    <button type="button" className="link" onClick={() => setAllReminders(false)}>
                      Show the soonest {h.reminders.length}
                    </button>
                  ) : (
                    <>
                      The soonest {h.reminders.length} of {h.remindersOpen} open.{' '}
                      <button type="button" className="link" onClick={() => setAllReminders(true)}>
                        Show all {h.remindersOpen}
                      </button>
                    </>
                  )}
                </p>
              )}
            </>
          )}
        </section>
        <section className="card" aria-labelledby="apps-head">
          <h2 id="apps-head">Applications</h2>
          {h &&
            (h.total === 0 ? (
              <p className="muted">
                Nothing tracked yet. <Link to="/me/applications">Add an application</Link>: the company, the
                role and how you found it; then each interview round as it happens.
              </p>
            ) : (
              <>
                <ul className="status-counts" aria-label="By status">
                  {STATUSES.map((s) => {
                    const n = h.byStatus[s];
                    return n ? (
                      <li key={s}>
                        <b>{n}</b> <Badge value={s} />
                      </li>
                    ) : null;
                  })}
                </ul>
                <ul className="plain-list">
                  {h.newest.map((a) => (
                    <li key={a.id}>
                      <Link to={`/me/applications/${a.id}`}>
                        {a.company} · {a.role}
                      </Link>{' '}
                      <Badge value={a.status} />
                    </li>
                  ))}
                </ul>
                <p>
                  <Link to="/me/applications">All applications</Link>
                </p>
              </>
            ))}
        </section>
        <section className="card" aria-labelledby="more-head">
          <h2 id="more-head">Learn from each one</h2>
          <ul className="plain-list links">
            <li>
              <Link to="/me/feedback">Inbox</Link>: feedback sent to you through Debrief, and feedback you log
              from emails and calls.
            </li>
            <li>
              <Link to="/me/plan">Plan</Link>: the themes across your feedback, turned into actions with
              dates.
            </li>
            <li>
              Rejected? Open the application and <b>ask for feedback</b>: when, whom, how, and a draft email.
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}

/** Reminders with their application where the server names it (on Home; an application's page needs none). */
export function ReminderList(props: {
  items: (Reminder & { application?: AppRef | null })[];
  empty: string;
  onChange: () => void;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  // Ticked at once; the list catches up when it reloads (and a failure unticks it again).
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  if (!props.items.length) return <p className="muted">{props.empty}</p>;
  const now = today();
  return (
    <>
      <ul className="reminders">
        {props.items.map((r) => {
          const app = r.application;
          return (
            <li key={r.id} className={`${r.done ? 'done' : ''} ${!r.done && r.dueOn < now ? 'late' : ''}`}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={ticked[r.id] ?? r.done}
                  disabled={busy === r.id}
                  aria-label={`Done: ${r.text}`}
                  onChange={async (e) => {
                    const done = e.target.checked;
                    setBusy(r.id);
                    setError(undefined);
                    setTicked((t) => ({ ...t, [r.id]: done }));
                    try {
                      await capi('PATCH', `/reminders/${r.id}`, { done });
                      props.onChange();
                    } catch (err) {
                      setTicked((t) => ({ ...t, [r.id]: !done }));
                      setError(errorText(err));
                    } finally {
                      setBusy(undefined);
                    }
                  }}
                />
                <span>
                  <span className="kind">{KIND_LABELS[r.kind]}</span> {r.text}
                  <small className="muted">
                    {' '}
                    · {day(r.dueOn)} ({relative(r.dueOn)})
                    {app && (
                      <>
                        {' · '}
                        <Link to={`/me/applications/${app.id}`}>{app.company}</Link>
                      </>
                    )}
                  </small>
                </span>
              </label>
              <ReminderActions r={r} onChange={props.onChange} />
            </li>
          );
        })}
      </ul>
      <ErrorNote error={error} />
    </>
  );
}
