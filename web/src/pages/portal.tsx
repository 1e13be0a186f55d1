import { type FormEvent, useEffect, useState } from 'react';
import { feedbackBlocks } from '../../../src/domain/feedback-html';
import { ApiError, api, type CandidateResponse, errorText, type Finding, type PortalView } from '../api';
import { CheckedTextarea, useCheck } from '../checked';
import { ErrorNote, Scale } from '../components';

const longDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' });

/** The candidate's page behind the emailed link: no account, readable on a phone. */
export function CandidatePage({ token }: { token: string }) {
  const [view, setView] = useState<PortalView>();
  const [error, setError] = useState<{ status: number; message: string }>();
  const path = `/portal/${encodeURIComponent(token)}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: path follows token
  useEffect(() => {
    api<PortalView>('GET', path)
      .then(setView)
      .catch((e) =>
        setError(
          e instanceof ApiError
            ? { status: e.status, message: e.message }
            : { status: 0, message: 'We could not load this page. Check your connection and try again.' },
        ),
      );
  }, [token]);

  if (error) {
    const expired = error.status === 410;
    const notFound = error.status === 404 || error.status === 400;
    return (
      <main className="portal">
        <article className="letter-card">
          <h1>{expired ? 'Link expired' : notFound ? 'Link not recognised' : 'Something went wrong'}</h1>
          <p role="alert">{error.message}</p>
          {expired && <Renew path={path} />}
          {notFound && (
            <>
              <p className="muted">
                Some mail programs break long links across lines: copy the whole link from the email into the
                address bar. Feedback sent to your address is also kept in a Debrief workspace, if you have
                one.
              </p>
              <p>
                <a className="button" href="/me/signin">
                  Sign in to your workspace
                </a>
              </p>
            </>
          )}
        </article>
        <p className="portal-foot">Debrief</p>
      </main>
    );
  }
  if (!view) return <p className="loading">Loading…</p>;
  const fb = view.feedback;
  return (
    <main className="portal">
      <p className="org">{view.organization.name}</p>
      <article className="letter-card">
        <h1>{fb ? 'Feedback on your application' : 'Your application'}</h1>
        <p className="job">{view.job.title}</p>
        {fb?.sentAt && (
          <p className="sent">
            Sent <time dateTime={fb.sentAt}>{longDate(fb.sentAt)}</time>
          </p>
        )}
        {fb ? (
          <div className="body">
            <Letter body={fb.body} />
          </div>
        ) : (
          <NoFeedback view={view} path={path} onChange={setView} />
        )}
      </article>
      {fb && view.response !== undefined && (
        <Respond
          org={view.organization.name}
          response={view.response ?? null}
          path={path}
          onSaved={(response) => setView({ ...view, response })}
        />
      )}
      {fb && (
        <section className="letter-card keep" aria-labelledby="keep-head">
          <h2 id="keep-head">Keep this feedback and build a plan</h2>
          <p>
            A free Debrief workspace keeps feedback sent to you, tracks your applications and turns what you
            learn into a plan. The sign-up uses the address this email came to, so this feedback is already
            there.
          </p>
          <p>
            <a className="button secondary" href={`/me/signup?keep=${encodeURIComponent(token)}`}>
              Keep this feedback
            </a>
          </p>
        </section>
      )}
      <p className="portal-foot">
        Sent with Debrief: honest, specific interview feedback, checked before it is sent. This page opens
        only from the link in your email.
      </p>
    </main>
  );
}

function Renew({ path }: { path: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<string>();
  if (state === 'sent')
    return (
      <p className="ok-note" role="status">
        A fresh link is on its way to the email address the hiring team has for you.
      </p>
    );
  return (
    <>
      <button
        type="button"
        disabled={state === 'busy'}
        onClick={async () => {
          setState('busy');
          setError(undefined);
          try {
            await api('POST', `${path}/renew`);
            setState('sent');
          } catch (e) {
            setError(errorText(e));
            setState('idle');
          }
        }}
      >
        Email me a fresh link
      </button>
      <ErrorNote error={error} />
    </>
  );
}

function NoFeedback({
  view,
  path,
  onChange,
}: {
  view: PortalView;
  path: string;
  onChange: (v: PortalView) => void;
}) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const findings = useCheck(message, 'request');
  if (view.request)
    return (
      <p className="body">
        You asked for feedback on {longDate(view.request.createdAt)}. The hiring team has until{' '}
        {longDate(view.request.dueAt)} to answer; you will get an email when they do.
      </p>
    );
  if (!view.canRequest) return <p className="body">There is no feedback on this page yet.</p>;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ request: { status: string; dueAt: string } }>('POST', `${path}/request`, {
        message: message.trim() || null,
      });
      onChange({
        ...view,
        canRequest: false,
        request: { ...r.request, createdAt: new Date().toISOString() },
      });
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }
  return (
    <form className="body" onSubmit={submit}>
      <p>
        Thank you for applying. The hiring team has not sent feedback on your application. You can ask for it
        here: a short, friendly note works best, one that thanks them and asks for one or two pointers for
        next time.
      </p>
      <CheckedTextarea
        label="Your message (optional)"
        value={message}
        onChange={setMessage}
        findings={findings}
        rows={4}
        hint="Suggestions appear as you type; they are only suggestions."
      />
      <ErrorNote error={error} />
      <button type="submit" disabled={busy}>
        Ask for feedback
      </button>
    </form>
  );
}

/** One response action's state: busy while it is sent, then what was sent or why not. Actions never share state. */
function useAction(path: string, onSaved: (r: CandidateResponse) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  async function send(body: Record<string, unknown>, message: string): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const res = await api<{ response: CandidateResponse; questionFindings: Finding[] }>(
        'POST',
        `${path}/response`,
        body,
      );
      onSaved(res.response);
      setDone(message);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, done, send };
}

/**
 * What the candidate can do with the feedback, each on its own: say thank you, rate it, ask one question, hear about
 * future roles. Sending one never clears or sends another; each shows what was sent.
 */
function Respond(props: {
  org: string;
  response: CandidateResponse | null;
  path: string;
  onSaved: (r: CandidateResponse) => void;
}) {
  const r = props.response;
  const thanks = useAction(props.path, props.onSaved);
  const rating = useAction(props.path, props.onSaved);
  const asking = useAction(props.path, props.onSaved);
  const future = useAction(props.path, props.onSaved);
  const [useful, setUseful] = useState<number | undefined>(r?.useful ?? undefined);
  const [comment, setComment] = useState(r?.comment ?? '');
  const [editingRating, setEditingRating] = useState(!r?.useful);
  const [question, setQuestion] = useState('');
  const [futureOn, setFutureOn] = useState(r?.futureRoles ?? false);
  const findings = useCheck(question, 'question');

  return (
    <section className="letter-card respond" aria-labelledby="respond-head">
      <h2 id="respond-head">Your response</h2>
      <p className="muted small">The hiring team at {props.org} sees what you send here.</p>

      <div className="respond-part">
        <h3>Say thank you</h3>
        {r?.thanked ? (
          <p className="ok-note" role="status">
            You said thank you.
          </p>
        ) : (
          <button
            type="button"
            className="secondary"
            disabled={thanks.busy}
            onClick={() => thanks.send({ thanks: true }, 'Thanks sent.')}
          >
            Say thank you
          </button>
        )}
        <ErrorNote error={thanks.error} />
      </div>

      <div className="respond-part">
        <h3>Rate this feedback</h3>
        {editingRating ? (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              const ok = await rating.send(
                { ...(useful ? { useful } : {}), comment: comment.trim() || null },
                'Rating sent.',
              );
              if (ok) setEditingRating(false);
            }}
          >
            <Scale
              legend="How useful was this feedback?"
              name="useful"
              value={useful}
              onChange={setUseful}
              low="not useful"
              high="very useful"
            />
            <div className="field">
              <label htmlFor="resp-comment">Comment (optional)</label>
              <textarea
                id="resp-comment"
                rows={3}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </div>
            <ErrorNote error={rating.error} />
            <button type="submit" disabled={rating.busy || !useful}>
              Send rating
            </button>
          </form>
        ) : (
          <>
            <p className="ok-note" role="status">
              {rating.done ? `${rating.done} ` : ''}You rated it {r?.useful} of 5
              {r?.comment ? <>, and wrote: “{r.comment}”</> : '.'}
            </p>
            <button type="button" className="link" onClick={() => setEditingRating(true)}>
              Change my rating
            </button>
          </>
        )}
      </div>

      <div className="respond-part">
        <h3>Ask one question</h3>
        {r?.question ? (
          <div className="asked">
            <p>
              <b>Your question:</b> {r.question}
            </p>
            <p>
              {r.answer ? <>Their answer: {r.answer}</> : <span className="muted">Not answered yet.</span>}
            </p>
          </div>
        ) : (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              if (question.trim()) await asking.send({ question: question.trim() }, 'Question sent.');
            }}
          >
            <CheckedTextarea
              label="One follow-up question (optional)"
              hint="You can ask one. “What is one thing I could do to come across more effectively?” works well."
              value={question}
              onChange={setQuestion}
              findings={findings}
              rows={2}
            />
            <ErrorNote error={asking.error} />
            <button type="submit" disabled={asking.busy || !question.trim()}>
              Send question
            </button>
          </form>
        )}
      </div>

      <div className="respond-part">
        <label className="check">
          <input
            type="checkbox"
            checked={futureOn}
            disabled={future.busy}
            onChange={async (e) => {
              const on = e.target.checked;
              setFutureOn(on);
              const ok = await future.send(
                { futureRoles: on },
                on
                  ? `Saved: ${props.org} may tell you about future roles.`
                  : 'Saved: no messages about future roles.',
              );
              if (!ok) setFutureOn(!on);
            }}
          />
          Tell me about future roles at {props.org}
        </label>
        {future.done && (
          <p className="ok-note small" role="status">
            {future.done}
          </p>
        )}
        <ErrorNote error={future.error} />
      </div>
    </section>
  );
}

/** The letter as sent: its headings (what went well, each gap) as headings, its paragraphs, the sign-off's lines. */
function Letter({ body }: { body: string }) {
  return feedbackBlocks(body).map((b, i) =>
    b.kind === 'heading' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional
      <h2 key={i}>{b.text}</h2>
    ) : b.kind === 'paragraph' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional
      <p key={i}>{b.text}</p>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional
      <p key={i}>
        {b.lines.map((line, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
          <span key={j}>
            {j > 0 && <br />}
            {line}
          </span>
        ))}
      </p>
    ),
  );
}
