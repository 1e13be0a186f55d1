import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, formatDate, type Invitation, type Me } from '../api';
import { AuthLayout, CheckInbox, ErrorNote } from '../components';
import { ForgotPasswordPage, type PasswordSide, ResetPasswordPage } from '../passwords';
import { CodeStep, RecoveryCodes, type SignInNextStep, TotpSetup } from '../two-factor';
import { Field, SubmitButton, useSubmit } from '../ui';

const TEAM_TAGLINE = 'Honest interview feedback, checked before it is sent.';

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

const ROLE_WORDS: Record<string, string> = {
  admin: 'an admin',
  recruiter: 'a recruiter',
  'hiring-manager': 'a hiring manager',
  interviewer: 'an interviewer',
};

/** Why a link no longer works, said before anything is typed, and what to do instead. */
function deadLink(v: Invitation): { title: string; body: string } {
  const ask = v.invitedBy ? `Ask ${v.invitedBy}` : 'Ask an admin';
  const at = v.organization ? ` at ${v.organization}` : '';
  switch (v.state) {
    case 'used':
      return {
        title: 'This invitation was already used',
        body: `The account${at} has been set up with it. Sign in instead; if you forgot the password, reset it.`,
      };
    case 'expired':
      return {
        title: 'This invitation has expired',
        body: `${ask}${at} to send you a new link.`,
      };
    case 'revoked':
      return {
        title: 'This invitation was withdrawn',
        body: `It no longer works. ${ask}${at} if you think you should join.`,
      };
    case 'replaced':
      return {
        title: 'A newer invitation was sent',
        body: 'This link was replaced by a newer one. Use the link in the latest invitation email from Debrief.',
      };
    default:
      return {
        title: 'Invitation link not recognised',
        body: 'Check that the whole link from the email was opened, or ask your admin to send it again.',
      };
  }
}

/**
 * The emailed invitation: it names the organization, the role and who sent it, and says before a password is typed
 * when the link no longer works (used, expired, withdrawn, or replaced by a newer one).
 */
export function AcceptInvitation({ token }: { token: string }) {
  const navigate = useNavigate();
  const [view, setView] = useState<Invitation>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Invitation>('GET', `/invitations/${encodeURIComponent(token)}`)
      .then(setView)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [token]);
  const submit = useSubmit(async (v) => {
    try {
      await api('POST', '/invitations/accept', { token, password: v.password });
      navigate('/');
    } catch (e) {
      // The link changed while the page was open: say how, as on opening it.
      if (e instanceof ApiError && (e.status === 404 || e.status === 410))
        setView(await api<Invitation>('GET', `/invitations/${encodeURIComponent(token)}`));
      throw e;
    }
  });
  if (error)
    return (
      <AuthLayout tagline={TEAM_TAGLINE} title="Join your team on Debrief">
        <ErrorNote error={error} />
      </AuthLayout>
    );
  if (!view)
    return (
      <AuthLayout tagline={TEAM_TAGLINE} title="Join your team on Debrief">
        <p className="muted">Loading…</p>
      </AuthLayout>
    );
  if (view.state !== 'pending') {
    const dead = deadLink(view);
    return (
      <AuthLayout tagline={TEAM_TAGLINE} title={dead.title}>
        <p role="status">{dead.body}</p>
        <p className="switch">
          <Link to="/signin">Sign in</Link>
          {view.state === 'used' && (
            <>
              {' '}
              or <Link to="/forgot-password">reset your password</Link>
            </>
          )}
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout tagline={TEAM_TAGLINE} title={`Join ${view.organization} on Debrief`}>
      <p className="invitation-summary">
        {view.invitedBy ?? 'An admin'} invited {view.invitee ? <b>{view.invitee.name}</b> : 'you'} to join{' '}
        <b>{view.organization}</b> as {ROLE_WORDS[view.role ?? ''] ?? view.role}.
      </p>
      {view.invitee && (
        <p className="muted small">
          You will sign in as {view.invitee.email}
          {view.expiresAt && <>. This link works until {formatDate(view.expiresAt, true)}</>}.
        </p>
      )}
      <form onSubmit={submit.onSubmit}>
        <Field
          id="f-password"
          label="Choose a password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          hint="At least 10 characters"
        />
        <SubmitButton submit={submit}>Choose password and sign in</SubmitButton>
      </form>
    </AuthLayout>
  );
}
