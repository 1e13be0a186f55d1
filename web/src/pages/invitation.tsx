import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, api, formatDate, type Invitation } from '../api';
import { AuthLayout, ErrorNote } from '../components';
import { Field, SubmitButton, useSubmit } from '../ui';
import { TEAM_TAGLINE } from './auth';

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
