import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, errorText } from '../api';
import { AuthLayout, CheckInbox } from '../components';
import { ForgotPasswordPage, type PasswordSide, ResetPasswordPage } from '../passwords';
import { Field, SubmitButton, useSubmit } from '../ui';
import { capi } from './api';

const CANDIDATE_TAGLINE =
  'Track your applications, keep the feedback you get, ask for it well, and turn it into a plan.';

/** The candidate's side of a forgotten password (see passwords.tsx). */
export const CANDIDATE_PASSWORDS: PasswordSide = {
  api: '/candidate',
  signIn: '/me/signin',
  forgot: '/me/forgot-password',
  home: '/me',
  layout: { audience: 'for candidates', tagline: CANDIDATE_TAGLINE },
};

export const CandidateForgotPassword = () => <ForgotPasswordPage side={CANDIDATE_PASSWORDS} />;
export const CandidateResetPassword = ({ token }: { token: string }) => (
  <ResetPasswordPage side={CANDIDATE_PASSWORDS} token={token} />
);

/** After the account is deleted: what happened, and the one way back. */
export function DeletedPage() {
  return (
    <AuthLayout audience="for candidates" tagline={CANDIDATE_TAGLINE} title="Your account is deleted">
      <div role="status">
        <p>Your account and everything in your workspace are gone. We emailed your address to confirm it.</p>
      </div>
      <p className="switch">
        Want to start again? <Link to="/me/signup">Create an account</Link>
      </p>
    </AuthLayout>
  );
}

export function SignUpPage() {
  const keep = useSearchParams()[0].get('keep');
  return keep ? <KeepFeedbackSignUp token={keep} /> : <PlainSignUp />;
}

interface KeepForm {
  email: string;
  name: string;
  organization: string;
  job: string;
}

/**
 * "Keep this feedback", from the feedback's page: the address is the one the feedback was sent to, shown masked and
 * never typed; the emailed link confirms it, and the workspace opens on the feedback.
 */
function KeepFeedbackSignUp({ token }: { token: string }) {
  const path = `/portal/${encodeURIComponent(token)}/sign-up`;
  const [form, setForm] = useState<KeepForm>();
  const [loadError, setLoadError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: path follows token
  useEffect(() => {
    api<KeepForm>('GET', path)
      .then(setForm)
      .catch((e) => setLoadError(errorText(e)));
  }, [token]);
  const submit = useSubmit(async (v) => {
    const sent = await api<{ email: string }>('POST', path, { name: v.name, password: v.password });
    setSentTo(sent.email);
  });
  if (sentTo)
    return (
      <AuthLayout audience="for candidates" tagline={CANDIDATE_TAGLINE} title="Check your inbox">
        <div role="status">
          <p>
            We sent a link to <strong>{sentTo}</strong>, the address your feedback came to. Open it within 24
            hours: your workspace is created then, with the feedback in it.
          </p>
        </div>
      </AuthLayout>
    );
  if (loadError)
    return (
      <AuthLayout audience="for candidates" tagline={CANDIDATE_TAGLINE} title="Keep your feedback">
        <p role="alert">{loadError}</p>
        <p className="switch">
          <Link to="/me/signup">Create an account</Link> with your address, or{' '}
          <Link to="/me/signin">sign in</Link>.
        </p>
      </AuthLayout>
    );
  if (!form) return <p className="loading">Loading…</p>;
  return (
    <AuthLayout audience="for candidates" tagline={CANDIDATE_TAGLINE} title="Keep your feedback">
      <p>
        Your feedback on the {form.job} role from {form.organization} is kept in a free Debrief workspace,
        with any other feedback sent to your address.
      </p>
      <form onSubmit={submit.onSubmit}>
        <Field label="Your name" name="name" autoComplete="name" defaultValue={form.name} required />
        <Field
          label="Email"
          name="email-shown"
          value={form.email}
          readOnly
          hint="The address this feedback was sent to, shown in part. We email it a link to confirm."
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
        <SubmitButton submit={submit}>Create account and keep it</SubmitButton>
      </form>
      <p className="switch">
        Already have an account? <Link to="/me/signin">Sign in</Link>: feedback sent to its address is there.
      </p>
    </AuthLayout>
  );
}

function PlainSignUp() {
  const [sentTo, setSentTo] = useState<string>();
  const submit = useSubmit(async (v) => {
    const sent = await capi<{ email: string }>('POST', '/signup', {
      name: v.name,
      email: v.email,
      password: v.password,
    });
    setSentTo(sent.email);
  });
  if (sentTo)
    return (
      <AuthLayout audience="for candidates" tagline={CANDIDATE_TAGLINE} title="Check your inbox">
        <CheckInbox email={sentTo} again={() => setSentTo(undefined)} />
      </AuthLayout>
    );
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
        <Link to="/me/forgot-password">Forgot your password?</Link>
      </p>
      <p className="switch">
        New here? <Link to="/me/signup">Create an account</Link>
      </p>
    </AuthLayout>
  );
}

/**
 * A link emailed to confirm an address: the sign-up link (`/me/confirm/…`) or, for an account made before sign-up
 * needed one, the confirmation link (`/me/verify/…`). Nothing happens until the button is pressed, so a link opened
 * by someone else's doing cannot sign them in to an account that is not theirs.
 */
function ConfirmLink(props: {
  token: string;
  path: '/signup/confirm' | '/verify';
  title: string;
  button: string;
  /** Where to go once signed in. */
  then: string;
}) {
  const navigate = useNavigate();
  // A link used before, opened again by someone signed in whose address is confirmed: say so, not "did not work".
  const [alreadyDone, setAlreadyDone] = useState(false);
  const submit = useSubmit(async () => {
    try {
      await capi('POST', props.path, { token: props.token });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 410)) {
        const me = await capi<{ verified: boolean }>('GET', '/me').catch(() => undefined);
        if (me?.verified) {
          setAlreadyDone(true);
          return;
        }
      }
      throw e;
    }
    navigate(props.then);
  });
  if (alreadyDone)
    return (
      <AuthLayout audience="for candidates" tagline={CANDIDATE_TAGLINE} title="Already confirmed">
        <p role="status">
          This link was used already: your email address is confirmed and you are signed in.
        </p>
        <p>
          <Link className="button" to={props.then}>
            Go to your workspace
          </Link>
        </p>
      </AuthLayout>
    );
  return (
    <AuthLayout audience="for candidates" tagline={CANDIDATE_TAGLINE} title={props.title}>
      <form onSubmit={submit.onSubmit}>
        <p>This link confirms your email address and signs you in.</p>
        <SubmitButton submit={submit}>{props.button}</SubmitButton>
      </form>
      <p className="switch">
        Link expired or used? <Link to="/me/signup">Sign up again</Link> or{' '}
        <Link to="/me/signin">sign in</Link>.
      </p>
    </AuthLayout>
  );
}

export const ConfirmSignUpPage = ({ token }: { token: string }) => (
  <ConfirmLink
    token={token}
    path="/signup/confirm"
    title="Finish signing up"
    button="Confirm and sign in"
    then="/me"
  />
);

/** The link from "Keep this feedback": it confirms the address and opens on the feedback kept. */
export const ConfirmKeepPage = ({ token }: { token: string }) => (
  <ConfirmLink
    token={token}
    path="/signup/confirm"
    title="Keep your feedback"
    button="Confirm and sign in"
    then="/me/feedback"
  />
);

export const VerifyPage = ({ token }: { token: string }) => (
  <ConfirmLink
    token={token}
    path="/verify"
    title="Confirm your email"
    button="Confirm and sign in"
    then="/me/feedback"
  />
);
