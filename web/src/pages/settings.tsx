import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, can, formatDate, type Me } from '../api';
import { ChangePasswordForm } from '../passwords';
import { Field, SubmitButton, useSubmit } from '../ui';
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
      {can(me, 'organization.delete') && <DeleteOrganization me={me} />}
    </>
  );
}

/**
 * Deleting the organization (admins): the password and the organization's name typed out; it happens a week later,
 * and until then any admin cancels here.
 */
function DeleteOrganization({ me }: { me: Me }) {
  const queries = useQueryClient();
  const refresh = (org: Me['organization']) =>
    queries.setQueryData<Me | null>(['team', 'me'], (old) => (old ? { ...old, organization: org } : old));
  const schedule = useSubmit(async (v) => {
    refresh(
      await api<Me['organization']>('POST', '/organization/deletion', {
        password: v.password,
        confirmName: v.confirmName,
      }),
    );
  });
  const cancel = useSubmit(async () => {
    refresh(await api<Me['organization']>('DELETE', '/organization/deletion'));
  });
  const deletion = me.organization.deletion;
  return (
    <section className="card" aria-labelledby="organization-head">
      <h2 id="organization-head">Delete the organization</h2>
      {deletion ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void cancel.run();
          }}
        >
          <p>
            {deletion.requestedBy ?? 'An admin'} asked for {me.organization.name} to be deleted. Everything of
            it is erased on <b>{formatDate(deletion.dueAt, true)}</b> unless an admin cancels before.
          </p>
          <SubmitButton submit={cancel}>Cancel the deletion</SubmitButton>
        </form>
      ) : (
        <form onSubmit={schedule.onSubmit}>
          <p className="muted">
            Every job, application, scorecard, feedback, member and audit event of {me.organization.name} is
            erased seven days after you ask. Every admin is emailed, and any admin can cancel until then.
          </p>
          <Field
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <Field
            label="The organization's name"
            name="confirmName"
            hint={`Type ${me.organization.name} to confirm`}
            autoComplete="off"
            required
          />
          <SubmitButton submit={schedule} className="danger">
            Delete the organization in 7 days
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
