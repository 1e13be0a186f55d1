import { useEffect, useState } from 'react';
import { ApiError, api, type PortalView } from '../api';

/** The candidate's page behind the emailed link: no account, readable on a phone. */
export function CandidatePage({ token }: { token: string }) {
  const [view, setView] = useState<PortalView>();
  const [error, setError] = useState<{ status: number; message: string }>();
  useEffect(() => {
    api<PortalView>('GET', `/portal/${encodeURIComponent(token)}`)
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
          <h1>
            {expired ? 'This link has expired' : notFound ? 'This link is not valid' : 'Something went wrong'}
          </h1>
          <p role="alert">{error.message}</p>
          <p className="muted">
            {expired
              ? 'Feedback links work for a limited time. Reply to the email you received and ask the hiring team to send the feedback again.'
              : notFound
                ? 'Check that you opened the whole link from the email; some mail programs break long links across lines.'
                : ''}
          </p>
        </article>
        <Footer />
      </main>
    );
  }
  if (!view) return <p className="loading">Loading…</p>;
  const paragraphs = view.feedback.body.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <main className="portal">
      <p className="org">{view.organization.name}</p>
      <article className="letter-card">
        <h1>Feedback on your application</h1>
        <p className="job">{view.job.title}</p>
        {view.feedback.sentAt && (
          <p className="sent">
            Sent{' '}
            <time dateTime={view.feedback.sentAt}>
              {new Date(view.feedback.sentAt).toLocaleDateString(undefined, { dateStyle: 'long' })}
            </time>
          </p>
        )}
        <div className="body">
          {paragraphs.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are positional
            <p key={i}>
              {p.split('\n').map((line, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
                <span key={j}>
                  {j > 0 && <br />}
                  {line}
                </span>
              ))}
            </p>
          ))}
        </div>
      </article>
      <Footer />
    </main>
  );
}

function Footer() {
  return (
    <p className="portal-foot">
      Sent with Debrief: honest, specific interview feedback, checked before it is sent. This page opens only
      from the link in your email.
    </p>
  );
}
