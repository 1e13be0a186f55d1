import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, api } from './api';
import { AuthLayout } from './components';
import { Field, SubmitButton, useSubmit } from './ui';

/**
 * A forgotten password, for the hiring team and for candidates alike: ask for a link, then choose a new password on
 * the page the link opens. And changing it while signed in. Each side passes where its API and pages are.
 */
export interface PasswordSide {
  /** The API's prefix: `/auth` for the hiring team, `/candidate` for candidates. */
  api: '/auth' | '/candidate';
  signIn: string;
  forgot: string;
  /** Where a new password signs the person in to. */
  home: string;
  layout: { audience?: string; tagline: string };
}

const NEW_PASSWORD_HINT = 'At least 10 characters';

/** Asks for a link by email. The answer is the same whether or not the address has an account, and says so. */
export function ForgotPasswordPage({ side }: { side: PasswordSide }) {
  const [sent, setSent] = useState<{ email: string; message: string }>();
  const submit = useSubmit(async (v) => {
    const r = await api<{ message: string }>('POST', `${side.api}/password-reset`, { email: v.email });
    setSent({ email: v.email, message: r.message });
  });
  if (sent)
    return (
      <AuthLayout {...side.layout} title="Check your inbox">
        <div role="status">
          <p>{sent.message}</p>
          <p>
            Look for it at <strong>{sent.email}</strong>. The link works once, for one hour.
          </p>
          <p className="muted">
            No message after a few minutes? Look in your spam folder, or{' '}
            <button type="button" className="link" onClick={() => setSent(undefined)}>
              try another address
            </button>
            .
          </p>
        </div>
        <p className="switch">
          Remembered it? <Link to={side.signIn}>Sign in</Link>
        </p>
      </AuthLayout>
    );
  return (
    <AuthLayout {...side.layout} title="Reset your password">
      <form onSubmit={submit.onSubmit}>
        <p>Enter the email address you sign in with. We will send it a link to choose a new password.</p>
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <SubmitButton submit={submit}>Send me a link</SubmitButton>
      </form>
      <p className="switch">
        Remembered it? <Link to={side.signIn}>Sign in</Link>
      </p>
    </AuthLayout>
  );
}

/** Why a reset link no longer works, in the words a person needs. */
const goneText = (e: ApiError) =>
  e.code === 'link-expired'
    ? 'This link has expired: a password reset link works for one hour. Your password has not changed.'
    : 'This link is not valid or was already used: a password reset link works once.';

/**
 * The page an emailed reset link opens. Opening it changes nothing (it only asks whether the link still works);
 * the new password is set when the form is sent, which signs the person in and out everywhere else.
 */
export function ResetPasswordPage({ side, token }: { side: PasswordSide; token: string }) {
  const navigate = useNavigate();
  const [state, setState] = useState<'checking' | 'ready' | { gone: string }>('checking');
  useEffect(() => {
    let live = true;
    api('POST', `${side.api}/password-reset/check`, { token }).then(
      () => live && setState('ready'),
      (e: unknown) =>
        live &&
        setState(
          e instanceof ApiError && (e.status === 404 || e.status === 410) ? { gone: goneText(e) } : 'ready',
        ),
    );
    return () => {
      live = false;
    };
  }, [side.api, token]);
  const submit = useSubmit(async (v) => {
    try {
      await api('POST', `${side.api}/password-reset/confirm`, { token, password: v.password });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 410)) {
        setState({ gone: goneText(e) });
        return;
      }
      throw e;
    }
    navigate(side.home);
  });
  if (state === 'checking')
    return (
      <AuthLayout {...side.layout} title="Choose a new password">
        <p className="loading">Loading…</p>
      </AuthLayout>
    );
  if (typeof state === 'object')
    return (
      <AuthLayout {...side.layout} title="This link no longer works">
        <p>{state.gone}</p>
        <p>
          <Link to={side.forgot}>Ask for a new link</Link>
        </p>
      </AuthLayout>
    );
  return (
    <AuthLayout {...side.layout} title="Choose a new password">
      <form onSubmit={submit.onSubmit}>
        <Field
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          hint={NEW_PASSWORD_HINT}
        />
        <p className="muted">Saving it signs you in here and out of Debrief everywhere else.</p>
        <SubmitButton submit={submit}>Save password and sign in</SubmitButton>
      </form>
    </AuthLayout>
  );
}

/** Changing the password while signed in: the current one first. Other sessions end; this one stays. */
export function ChangePasswordForm({ side }: { side: PasswordSide }) {
  const [done, setDone] = useState(false);
  const submit = useSubmit(async (v) => {
    setDone(false);
    await api('POST', `${side.api}/password`, {
      currentPassword: v.currentPassword,
      newPassword: v.newPassword,
    });
    setDone(true);
  });
  return (
    <form
      onSubmit={(e) => {
        const form = e.currentTarget;
        submit.onSubmit(e);
        // Cleared once sent, so the passwords do not stay on screen.
        queueMicrotask(() => form.reset());
      }}
    >
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint={NEW_PASSWORD_HINT}
      />
      {done && (
        <p className="ok-note" role="status">
          Password changed. You are still signed in here; everywhere else you were signed out.
        </p>
      )}
      <SubmitButton submit={submit}>Change password</SubmitButton>
    </form>
  );
}
