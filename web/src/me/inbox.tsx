import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api';
import { ErrorNote } from '../components';
import { candidateChanged, keyOf, useCandidateApi, useLoad } from '../query';
import { Field, Toast, useSubmit } from '../ui';
import {
  type Account,
  capi,
  day,
  type InboxItem,
  type InboxRequest,
  type Logged,
  type LoggedListed,
  today,
} from './api';
import { ConfirmBanner } from './app';
import { ApplicationPicker } from './tracker/application-picker';
import { LoggedActions } from './tracker/logged-actions';

/** Feedback sent through Debrief to the confirmed address, and feedback logged by hand from emails and calls. */
export function InboxPage({ me }: { me: Account }) {
  const inbox = useLoad(keyOf('candidate', '/feedback'), () =>
    capi<{ items: InboxItem[]; requests: InboxRequest[] }>('GET', '/feedback').catch((e) => {
      if (e instanceof ApiError && e.code === 'email-not-verified') return null;
      throw e;
    }),
  );
  // Each with its application named by the server; the forms search the applications there too.
  const logged = useCandidateApi<{ items: LoggedListed[] }>('/logged-feedback');
  return (
    <>
      <h1>Inbox</h1>
      <section className="card" aria-labelledby="dbf-head">
        <h2 id="dbf-head">Sent to you through Debrief</h2>
        <ErrorNote error={inbox.error} />
        {inbox.data === null || !me.verified ? (
          <ConfirmBanner email={me.email} inline />
        ) : !inbox.data ? (
          <p className="muted">Loading…</p>
        ) : inbox.data.items.length === 0 ? (
          <p className="muted">
            Nothing yet. When a hiring team that uses Debrief sends feedback to {me.email}, it appears here by
            itself and in your tracker.
          </p>
        ) : (
          <ul className="inbox">
            {inbox.data.items.map((f) => (
              <li key={f.id}>
                <article>
                  <div className="item-head">
                    <b>{f.organization}</b> · {f.job}
                    <span className="muted small"> · {f.sentAt ? day(f.sentAt) : ''}</span>
                  </div>
                  <div className="letter">{f.body}</div>
                  <Thread entries={f.thread} org={f.organization} />
                  <Link to={`/me/applications/${f.applicationId}`}>Open the application</Link>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>

      {inbox.data && inbox.data.requests.length > 0 && (
        <section className="card" aria-labelledby="waiting-head">
          <h2 id="waiting-head">Waiting for feedback</h2>
          <ul className="inbox">
            {inbox.data.requests.map((r) => (
              <li key={r.id}>
                <b>{r.organization}</b> · {r.job}
                <div className="small">
                  You asked on {day(r.askedAt)}.{' '}
                  {r.status === 'open'
                    ? `They aim to answer by ${day(r.dueAt)}.`
                    : r.status === 'declined'
                      ? 'They could not give feedback this time.'
                      : 'They answered.'}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="log-head">
        <h2 id="log-head">Feedback you logged</h2>
        <ErrorNote error={logged.error} />
        {logged.data && logged.data.items.length === 0 && (
          <p className="muted">
            Got feedback by email or on a call? Write down what they said while it is fresh: it feeds your
            plan.
          </p>
        )}
        {logged.data && logged.data.items.length > 0 && (
          <ul className="inbox">
            {logged.data.items.map((l) => {
              const a = l.application;
              return (
                <li key={l.id}>
                  <article>
                    <div className="item-head">
                      {a ? (
                        <Link to={`/me/applications/${a.id}`}>
                          {a.company} · {a.role}
                        </Link>
                      ) : (
                        <b>Not linked to an application</b>
                      )}
                      <span className="muted small">
                        {' '}
                        · by {l.channel === 'other' ? 'other means' : l.channel}, {day(l.receivedOn)}
                      </span>
                    </div>
                    <div className="letter">{l.text}</div>
                    <LoggedActions l={l} pick application={a} onChange={candidateChanged} />
                  </article>
                </li>
              );
            })}
          </ul>
        )}
        <LogForm onLogged={candidateChanged} />
      </section>
    </>
  );
}

function LogForm({ onLogged }: { onLogged: () => void }) {
  const [applicationId, setApplicationId] = useState('');
  const [channel, setChannel] = useState<Logged['channel']>('email');
  const [receivedOn, setReceivedOn] = useState(today());
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<string>();
  const submit = useSubmit(async () => {
    setSaved(undefined);
    await capi('POST', '/logged-feedback', {
      applicationId: applicationId || null,
      channel,
      receivedOn,
      text: text.trim(),
    });
    setText('');
    setSaved('Logged. Your plan picks up its themes.');
    onLogged();
  });
  return (
    <form className="inline-form" aria-label="Log feedback" onSubmit={submit.onSubmit}>
      <h3>Log feedback received elsewhere</h3>
      <div className="row">
        <ApplicationPicker id="lg-app" value={applicationId} onChange={setApplicationId} className="grow" />
        <Field id="lg-channel" label="Received by">
          {(control) => (
            <select
              {...control}
              value={channel}
              onChange={(e) => setChannel(e.target.value as Logged['channel'])}
            >
              <option value="email">Email</option>
              <option value="call">Call</option>
              <option value="other">Other</option>
            </select>
          )}
        </Field>
        <Field
          id="lg-date"
          label="Received on"
          type="date"
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.target.value)}
          required
        />
      </div>
      <Field id="lg-text" label="What they said">
        {(control) => (
          <textarea {...control} rows={4} value={text} onChange={(e) => setText(e.target.value)} required />
        )}
      </Field>
      <ErrorNote error={submit.error} />
      <div className="actions">
        <button type="submit" disabled={submit.busy || !text.trim()}>
          Log feedback
        </button>
        <Toast as="span" message={saved} onDismiss={() => setSaved(undefined)} />
      </div>
    </form>
  );
}

const SAID: Record<InboxItem['thread'][number]['kind'], (org: string) => string> = {
  feedback: (org) => `${org} sent the feedback`,
  thanks: () => 'You said thank you',
  rating: () => 'You rated it',
  question: () => 'You asked',
  answer: (org) => `${org} answered`,
};

/** What was said after the feedback, oldest first: thanks, rating, the one question and its answer. */
function Thread({ entries, org }: { entries: InboxItem['thread']; org: string }) {
  const after = entries.filter((e) => e.kind !== 'feedback');
  if (!after.length) return null;
  return (
    <ol className="thread" aria-label="What was said since">
      {after.map((e) => (
        <li key={e.kind}>
          <span className="muted small">{e.at ? day(e.at) : ''}</span> {SAID[e.kind](org)}
          {e.text ? <>: {e.kind === 'question' || e.kind === 'answer' ? `“${e.text}”` : e.text}</> : '.'}
        </li>
      ))}
    </ol>
  );
}
