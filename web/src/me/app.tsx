import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorNote } from '../components';
import { candidateSession, queryClient, signedOut } from '../session';
import { useSubmit } from '../ui';
import { capi } from './api';

/** The candidate's workspace under /me: its own account, header and pages, apart from the hiring team's app. */
export function CandidateLayout() {
  return (
    <QueryClientProvider client={queryClient}>
      <CandidateShell />
    </QueryClientProvider>
  );
}

function CandidateShell() {
  const { pathname: path } = useLocation();
  const navigate = useNavigate();
  const { data: me, isFetching } = useQuery(candidateSession);

  if (me === undefined || (me === null && isFetching)) return <p className="loading">Loading…</p>;
  if (me === null) return <Navigate to="/me/signin" replace />;

  async function signOut() {
    await capi('POST', '/logout').catch(() => undefined);
    signedOut('candidate');
    navigate('/me/signin');
  }

  const section = path.startsWith('/me/applications')
    ? 'applications'
    : path === '/me/feedback'
      ? 'feedback'
      : path === '/me/plan'
        ? 'plan'
        : path === '/me/settings'
          ? 'settings'
          : 'home';
  const nav = [
    ['home', '/me', 'Home'],
    ['applications', '/me/applications', 'Applications'],
    ['feedback', '/me/feedback', 'Inbox'],
    ['plan', '/me/plan', 'Plan'],
    ['settings', '/me/settings', 'Settings'],
  ] as const;
  return (
    <div className="shell me">
      <header>
        <span className="brand">
          Debrief <span className="for">for candidates</span>
        </span>
        <nav aria-label="Workspace">
          {nav.map(([key, to, label]) => (
            <Link key={key} to={to} className={section === key ? 'active' : ''}>
              {label}
            </Link>
          ))}
        </nav>
        <span className="who">{me.name}</span>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      {!me.verified && <ConfirmBanner email={me.email} />}
      <main>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Outlet context={me} />
        </Suspense>
      </main>
    </div>
  );
}

/** Until the address is confirmed, feedback sent to it stays hidden; say so, and offer the link again. */
export function ConfirmBanner({ email, inline }: { email: string; inline?: boolean }) {
  const [sent, setSent] = useState(false);
  const resend = useSubmit(async () => {
    await capi('POST', '/verify/resend');
    setSent(true);
  });
  return (
    <div className={inline ? 'card confirm' : 'confirm-bar'} role="status">
      <p>
        <b>Confirm your email.</b> We sent a link to {email}. Open it to confirm the address; feedback that
        hiring teams send to it through Debrief then appears in your inbox by itself.
      </p>
      {sent ? (
        <p className="ok-note">A new link is on its way.</p>
      ) : (
        <button type="button" className="secondary" disabled={resend.busy} onClick={() => resend.run()}>
          Send the link again
        </button>
      )}
      <ErrorNote error={resend.error} />
    </div>
  );
}
