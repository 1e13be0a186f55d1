import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, type Me } from '../api';
import { AuthLayout, CheckInbox, ErrorNote } from '../components';
import { ForgotPasswordPage, type PasswordSide, ResetPasswordPage } from '../passwords';
import { CodeStep, RecoveryCodes, type SignInNextStep, TotpSetup } from '../two-factor';
import { Field, SubmitButton, useSubmit } from '../ui';

export const TEAM_TAGLINE = 'Honest interview feedback, checked before it is sent.';

/** The hiring team's side of a forgotten password (see passwords.tsx). */
export const TEAM_PASSWORDS: PasswordSide = {
  api: '/auth',
  signIn: '/signin',
  forgot: '/forgot-password',
  home: '/',
  layout: { tagline: TEAM_TAGLINE },
};

export const ForgotPassword = () => <ForgotPasswordPage side={TEAM_PASSWORDS} />;
export const ResetPassword = ({ token }: { token: string }) => (
  <ResetPasswordPage side={TEAM_PASSWORDS} token={token} />
);

export function SignUp() {
  const [sentTo, setSentTo] = useState<string>();
  const submit = useSubmit(async (v) => {
    const sent = await api<{ email: string }>('POST', '/organizations', {
      name: v.organization,
      admin: { name: v.name, email: v.email, password: v.password },
    });
    setSentTo(sent.email);
  });
  if (sentTo)
    return (
      <AuthLayout tagline={TEAM_TAGLINE} title="Check your inbox">
        <CheckInbox email={sentTo} again={() => setSentTo(undefined)} />
      </AuthLayout>
    );
  return (
    <AuthLayout tagline={TEAM_TAGLINE} title="Create your organization">
      <form onSubmit={submit.onSubmit}>
        <Field
          id="f-organization"
          label="Organization name"
          name="organization"
          autoComplete="organization"
          required
        />
        <Field id="f-name" label="Your name" name="name" autoComplete="name" required />
        <Field id="f-email" label="Work email" name="email" type="email" autoComplete="email" required />
        <Field
          id="f-password"
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          hint="At least 10 characters"
        />
        <SubmitButton submit={submit}>Create organization</SubmitButton>
      </form>
      <p className="switch">
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </AuthLayout>
  );
}

/** Why single sign-on sent the member back, in their words. */
const SSO_ERRORS: Record<string, string> = {
  'sso-not-configured': 'Single sign-on is not set up for this address. Sign in with your password.',
  'sso-domain': 'Your organization accepts single sign-on only from its own email domain.',
  'account-deactivated': 'Your Debrief account is deactivated. Ask an admin of your organization.',
  'email-taken': 'This address already has a Debrief account in another organization.',
  'sso-expired': 'That sign-in took too long or was started elsewhere. Try again.',
  'sso-cancelled': 'Signing in at your identity provider was cancelled.',
  'sso-email-unverified': 'Your identity provider has not verified your email address.',
  'sso-unavailable': 'Your identity provider did not answer. Try again shortly.',
};
const ssoErrorText = (code: string) =>
  SSO_ERRORS[code] ?? 'Your identity provider’s answer could not be verified. Try again, or ask an admin.';

export function SignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [step, setStep] = useState<SignInNextStep>();
  const [sso, setSso] = useState(false);
  const [codes, setCodes] = useState<string[]>();
  const ssoError = params.get('sso-error');
  const submit = useSubmit(async (v) => {
    // Signing in sets the session cookie; the app asks who is signed in when it opens.
    const r = await api<Me | SignInNextStep>('POST', '/auth/login', { email: v.email, password: v.password });
    if ('challenge' in r) setStep(r);
    else navigate('/');
  });
  if (codes)
    return (
      <AuthLayout tagline={TEAM_TAGLINE} title="Two-factor sign-in is on">
        <RecoveryCodes codes={codes} onDone={() => navigate('/')} />
      </AuthLayout>
    );
  if (step?.next === 'code')
    return (
      <AuthLayout tagline={TEAM_TAGLINE} title="Enter your code">
        <CodeStep challenge={step.challenge} onSignedIn={() => navigate('/')} />
      </AuthLayout>
    );
  if (step?.next === 'enrol')
    return (
      <AuthLayout tagline={TEAM_TAGLINE} title="Set up two-factor sign-in">
        <p>
          Your organization requires a code from an authenticator app each time you sign in. Set it up to go
          on.
        </p>
        <TotpSetup challenge={step.challenge} onEnabled={(r) => setCodes(r.recoveryCodes)} />
      </AuthLayout>
    );
  if (sso)
    return (
      <AuthLayout tagline={TEAM_TAGLINE} title="Single sign-on">
        <form
          method="get"
          action="/api/v1/sso/start"
          onSubmit={(e) => {
            e.preventDefault();
            const email = new FormData(e.currentTarget).get('email');
            window.location.assign(`/api/v1/sso/start?email=${encodeURIComponent(String(email))}`);
          }}
        >
          <Field
            id="f-sso-email"
            label="Work email"
            name="email"
            type="email"
            autoComplete="email"
            required
          />
          <button type="submit">Continue to your identity provider</button>
        </form>
        <p className="switch">
          <button type="button" className="link" onClick={() => setSso(false)}>
            Sign in with a password instead
          </button>
        </p>
      </AuthLayout>
    );
  return (
    <AuthLayout tagline={TEAM_TAGLINE} title="Sign in">
      {ssoError && <ErrorNote error={ssoErrorText(ssoError)} />}
      <form onSubmit={submit.onSubmit}>
        <Field id="f-email" label="Email" name="email" type="email" autoComplete="email" required />
        <Field
          id="f-password"
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <SubmitButton submit={submit}>Sign in</SubmitButton>
      </form>
      <p className="switch">
        <button type="button" className="link" onClick={() => setSso(true)}>
          Use single sign-on (SSO)
        </button>
      </p>
      <p className="switch">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="switch">
        New to Debrief? <Link to="/signup">Create an organization</Link>
      </p>
      <p className="switch">
        Looking for feedback on your own application? <Link to="/me/signin">Sign in to your workspace</Link>{' '}
        or <Link to="/me/signup">create one</Link>.
      </p>
    </AuthLayout>
  );
}

/** The link emailed at sign-up: one click creates the organization and signs its admin in. */
export function ConfirmSignUp({ token }: { token: string }) {
  const navigate = useNavigate();
  const submit = useSubmit(async () => {
    await api('POST', '/organizations/confirm', { token });
    navigate('/');
  });
  return (
    <AuthLayout tagline={TEAM_TAGLINE} title="Finish creating your organization">
      <form onSubmit={submit.onSubmit}>
        <p>Your address is confirmed by this link. Create the organization and sign in?</p>
        <SubmitButton submit={submit}>Create organization</SubmitButton>
      </form>
      <p className="switch">
        Link expired or used? <Link to="/signup">Sign up again</Link> or <Link to="/signin">sign in</Link>.
      </p>
    </AuthLayout>
  );
}
