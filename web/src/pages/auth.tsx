import { Link, useNavigate } from 'react-router';
import { api } from '../api';
import { AuthLayout, Field, Form } from '../components';

const TEAM_TAGLINE = 'Honest interview feedback, checked before it is sent.';

export function SignUp() {
  const navigate = useNavigate();
  return (
    <AuthLayout tagline={TEAM_TAGLINE} title="Create your organization">
      <Form
        submit="Create organization"
        onSubmit={async (v) => {
          await api('POST', '/organizations', {
            name: v.organization,
            admin: { name: v.name, email: v.email, password: v.password },
          });
          navigate('/');
        }}
      >
        <Field label="Organization name" name="organization" autoComplete="organization" />
        <Field label="Your name" name="name" autoComplete="name" />
        <Field label="Work email" name="email" type="email" autoComplete="email" />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          hint="At least 10 characters"
        />
      </Form>
      <p className="switch">
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </AuthLayout>
  );
}

export function SignIn() {
  const navigate = useNavigate();
  return (
    <AuthLayout tagline={TEAM_TAGLINE} title="Sign in">
      <Form
        submit="Sign in"
        onSubmit={async (v) => {
          // Signing in sets the session cookie; the app asks who is signed in when it opens.
          await api('POST', '/auth/login', { email: v.email, password: v.password });
          navigate('/');
        }}
      >
        <Field label="Email" name="email" type="email" autoComplete="email" />
        <Field label="Password" name="password" type="password" autoComplete="current-password" />
      </Form>
      <p className="switch">
        New to Debrief? <Link to="/signup">Create an organization</Link>
      </p>
    </AuthLayout>
  );
}

export function AcceptInvitation({ token }: { token: string }) {
  const navigate = useNavigate();
  return (
    <AuthLayout tagline={TEAM_TAGLINE} title="Join your team on Debrief">
      <Form
        submit="Choose password and sign in"
        onSubmit={async (v) => {
          await api('POST', '/invitations/accept', { token, password: v.password });
          navigate('/');
        }}
      >
        <Field
          label="Choose a password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          hint="At least 10 characters"
        />
      </Form>
    </AuthLayout>
  );
}
