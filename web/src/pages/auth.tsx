import { api, type Me } from '../api';
import { AuthLayout, ErrorNote } from '../components';
import { Link, useRouter } from '../router';
import { Field, useSubmit } from '../ui';

const TEAM_TAGLINE = 'Honest interview feedback, checked before it is sent.';

export function SignUp({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { navigate } = useRouter();
  const submit = useSubmit(async (v) => {
    await api('POST', '/organizations', {
      name: v.organization,
      admin: { name: v.name, email: v.email, password: v.password },
    });
    onSignedIn(await api<Me>('GET', '/me'));
    navigate('/');
  });
  return (
    <AuthLayout tagline={TEAM_TAGLINE} title="Create your organization">
      <form onSubmit={submit.onSubmit}>
        <Field label="Organization name" name="organization" autoComplete="organization" required />
        <Field label="Your name" name="name" autoComplete="name" required />
        <Field label="Work email" name="email" type="email" autoComplete="email" required />
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
          {submit.busy ? 'Working…' : 'Create organization'}
        </button>
      </form>
      <p className="switch">
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </AuthLayout>
  );
}

export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { navigate } = useRouter();
  const submit = useSubmit(async (v) => {
    onSignedIn(await api<Me>('POST', '/auth/login', { email: v.email, password: v.password }));
    navigate('/');
  });
  return (
    <AuthLayout tagline={TEAM_TAGLINE} title="Sign in">
      <form onSubmit={submit.onSubmit}>
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <ErrorNote error={submit.error} />
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? 'Working…' : 'Sign in'}
        </button>
      </form>
      <p className="switch">
        New to Debrief? <Link to="/signup">Create an organization</Link>
      </p>
    </AuthLayout>
  );
}

export function AcceptInvitation({ token, onSignedIn }: { token: string; onSignedIn: (me: Me) => void }) {
  const { navigate } = useRouter();
  const submit = useSubmit(async (v) => {
    onSignedIn(await api<Me>('POST', '/invitations/accept', { token, password: v.password }));
    navigate('/');
  });
  return (
    <AuthLayout tagline={TEAM_TAGLINE} title="Join your team on Debrief">
      <form onSubmit={submit.onSubmit}>
        <Field
          label="Choose a password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          hint="At least 10 characters"
        />
        <ErrorNote error={submit.error} />
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? 'Working…' : 'Choose password and sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
