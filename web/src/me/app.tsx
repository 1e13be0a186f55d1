import { useEffect, useRef, useState } from 'react';
import { ApiError, errorText } from '../api';
import { AuthLayout, ErrorNote } from '../components';
import { Link, useRouter } from '../router';
import { Field, useSubmit } from '../ui';
import { type Account, capi } from './api';
import { CoachPage } from './coach';
import { HomePage } from './home';
import { InboxPage } from './inbox';
import { PlanPage } from './plan';
import { TrackerDetailPage, TrackerPage } from './tracker';

/** The candidate's workspace under /me: its own account, header and pages, apart from the hiring team's app. */
export function CandidateApp({ path, navigate }: { path: string; navigate: (to: string) => void }) {
  const [me, setMe] = useState<Account | null | undefined>(undefined);
  const refresh = () =>
    capi<Account>('GET', '/me')
      .then((a) => {
        setMe(a);
        return a;
      })
      .catch(() => {
        setMe(null);
        return null;
      });
  // biome-ignore lint/correctness/useExhaustiveDependencies: ask once who is signed in
  useEffect(() => {
    refresh();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page starts at the top
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);

  const verify = /^\/me\/verify\/([^/]+)$/.exec(path);
  if (verify) return <VerifyPage token={decodeURIComponent(verify[1])} onSignedIn={refresh} />;
  if (path === '/me/signup') return <SignUpPage onSignedIn={refresh} />;
  if (path === '/me/signin') return <SignInPage onSignedIn={refresh} />;
  if (me === undefined) return <p className="loading">Loading…</p>;
  if (me === null) {
    queueMicrotask(() => navigate('/me/signin'));
    return null;
  }

  async function signOut() {
    await capi('POST', '/logout').catch(() => undefined);
    setMe(null);
    navigate('/me/signin');
  }

  const ask = /^\/me\/applications\/([^/]+)\/ask$/.exec(path);
  const app = /^\/me\/applications\/([^/]+)$/.exec(path);
  let page: React.ReactNode;
  let section = 'home';
  if (ask) {
    page = <CoachPage key={ask[1]} id={ask[1]} />;
    section = 'applications';
  } else if (app) {
    page = <TrackerDetailPage key={app[1]} id={app[1]} />;
    section = 'applications';
  } else if (path === '/me/applications') {
    page = <TrackerPage />;
    section = 'applications';
  } else if (path === '/me/feedback') {
    page = <InboxPage me={me} />;
    section = 'feedback';
  } else if (path === '/me/plan') {
    page = <PlanPage />;
    section = 'plan';
  } else page = <HomePage me={me} />;

  const nav = [
    ['home', '/me', 'Home'],
    ['applications', '/me/applications', 'Applications'],
    ['feedback', '/me/feedback', 'Inbox'],
    ['plan', '/me/plan', 'Plan'],
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
      <main>{page}</main>
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

const CANDIDATE_TAGLINE =
  'Track your applications, keep the feedback you get, ask for it well, and turn it into a plan.';

function SignUpPage({ onSignedIn }: { onSignedIn: () => Promise<Account | null> }) {
  const { navigate } = useRouter();
  const submit = useSubmit(async (v) => {
    // Sign-up signs in: the server sets the session cookie.
    await capi('POST', '/signup', { name: v.name, email: v.email, password: v.password });
    await onSignedIn();
    navigate('/me');
  });
  return (
    <AuthLayout audience="for candidates" tagline={CANDIDATE_TAGLINE} title="Create your account">
      <form onSubmit={submit.onSubmit}>
        <Field label="Your name" name="name" autoComplete="name" required />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          hint="Use the address you give employers: feedback sent to it through Debrief lands in your inbox."
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          hint="At least 10 characters"
        />
        <ErrorNote error={submit.error} />
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? 'Working…' : 'Create account'}
        </button>
      </form>
      <p className="switch">
        Already have an account? <Link to="/me/signin">Sign in</Link>
      </p>
    </AuthLayout>
  );
}

function SignInPage({ onSignedIn }: { onSignedIn: () => Promise<Account | null> }) {
  const { navigate } = useRouter();
  const submit = useSubmit(async (v) => {
    await capi('POST', '/login', { email: v.email, password: v.password });
    await onSignedIn();
    navigate('/me');
  });
  return (
    <AuthLayout audience="for candidates" tagline={CANDIDATE_TAGLINE} title="Sign in">
      <form onSubmit={submit.onSubmit}>
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <ErrorNote error={submit.error} />
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? 'Working…' : 'Sign in'}
        </button>
      </form>
      <p className="switch">
        New here? <Link to="/me/signup">Create an account</Link>
      </p>
    </AuthLayout>
  );
}

function VerifyPage({ token, onSignedIn }: { token: string; onSignedIn: () => Promise<Account | null> }) {
  const { navigate } = useRouter();
  const [error, setError] = useState<{ status: number; message: string }>();
  const started = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: confirm once per token
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    capi('POST', '/verify', { token })
      .then(async () => {
        await onSignedIn();
        navigate('/me/feedback');
      })
      .catch((e) =>
        setError(
          e instanceof ApiError
            ? { status: e.status, message: e.message }
            : { status: 0, message: errorText(e) },
        ),
      );
  }, [token]);
  if (!error)
    return (
      <AuthLayout audience="for candidates" tagline={CANDIDATE_TAGLINE} title="Confirming your email…">
        <p className="muted">One moment.</p>
      </AuthLayout>
    );
  return (
    <AuthLayout
      audience="for candidates"
      tagline={CANDIDATE_TAGLINE}
      title={error.status === 410 ? 'This link has expired' : 'This link did not work'}
    >
      <p role="alert">{error.message}</p>
      <p className="muted">
        <Link to="/me/signin">Sign in</Link> and use “Send the link again” to get a fresh one.
      </p>
    </AuthLayout>
  );
}
