import { Link } from 'react-router';
import { can, type Me } from '../api';
import { ChangePasswordForm } from '../passwords';
import { TEAM_PASSWORDS } from './auth';

/** The signed-in member's own account: who they are here, and their password. */
export function Settings({ me }: { me: Me }) {
  return (
    <>
      <h1>Your account</h1>
      <section className="card" aria-labelledby="who-head">
        <h2 id="who-head">You</h2>
        <p>
          <b>{me.user.name}</b> · {me.user.email}
        </p>
        <p className="muted">
          {me.user.role} at {me.organization.name}
        </p>
      </section>
      <section className="card" aria-labelledby="password-head">
        <h2 id="password-head">Password</h2>
        <p className="muted">
          Changing it signs you out of Debrief in every other browser. API tokens keep working: revoke one if
          you think it is known to someone else.
        </p>
        <ChangePasswordForm side={TEAM_PASSWORDS} />
      </section>
      {can(me, 'feedback.review') && (
        <section className="card" aria-labelledby="letters-head">
          <h2 id="letters-head">Your organization's letters</h2>
          <p className="muted">
            How {me.organization.name}'s feedback letters greet, introduce themselves, close and sign, and
            where candidates' replies go.
          </p>
          <Link to="/settings/letters">Greeting, closing and signature</Link>
        </section>
      )}
      {can(me, 'privacy.manage') && (
        <section className="card" aria-labelledby="privacy-head">
          <h2 id="privacy-head">Candidates' data</h2>
          <p className="muted">
            How long rejected candidates' data is kept, a candidate's copy of their data and its erasure:{' '}
            <Link to="/privacy">Privacy</Link>.
          </p>
        </section>
      )}
    </>
  );
}
