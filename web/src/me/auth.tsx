import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorText } from '../api';
import { AuthLayout } from '../components';
import { Field, SubmitButton, useSubmit } from '../ui';
import { capi } from './api';

const CANDIDATE_TAGLINE =
  'Track your applications, keep the feedback you get, ask for it well, and turn it into a plan.';

export function SignUpPage() {
  const navigate = useNavigate();
  const submit = useSubmit(async (v) => {
    // Sign-up signs in: the server sets the session cookie.
    await capi('POST', '/signup', { name: v.name, email: v.email, password: v.password });
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
        <SubmitButton submit={submit}>Create account</SubmitButton>
      </form>
      <p className="switch">
        Already have an account? <Link to="/me/signin">Sign in</Link>
      </p>
    </AuthLayout>
  );
}

export function SignInPage() {
  const navigate = useNavigate();
  const submit = useSubmit(async (v) => {
    await capi('POST', '/login', { email: v.email, password: v.password });
    navigate('/me');
  });
  return (
    <AuthLayout audience="for candidates" tagline={CANDIDATE_TAGLINE} title="Sign in">
      <form onSubmit={submit.onSubmit}>
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <SubmitButton submit={submit}>Sign in</SubmitButton>
      </form>
      <p className="switch">
        New here? <Link to="/me/signup">Create an account</Link>
      </p>
    </AuthLayout>
  );
}

export function VerifyPage({ token }: { token: string }) {
  const navigate = useNavigate();
  const [error, setError] = useState<{ status: number; message: string }>();
  const started = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: confirm once per token
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    capi('POST', '/verify', { token })
      .then(() => navigate('/me/feedback'))
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
