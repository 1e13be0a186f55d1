import { useState } from 'react';
import { ROLES } from '../../../src/domain/vocabulary';
import { api, formatDate, type Me, type User } from '../api';
import { ErrorNote } from '../components';
import { invalidate, useApi } from '../query';
import { ConfirmDialog, Field, SubmitButton, Toast, useSubmit } from '../ui';

/**
 * The organization's members: their roles (an admin changes them), who has not joined yet and whether their link still
 * works (an admin sends it again or withdraws it), and ending or restoring access.
 */
export function Members({ me }: { me: Me }) {
  const { data, error } = useApi<{ items: User[] }>('/users');
  const users = data?.items ?? [];
  const isAdmin = me.user.role === 'admin';
  return (
    <>
      <h1>Members</h1>
      {error && <p className="error">{error}</p>}
      <section className="card">
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              {isAdmin && <th>Access</th>}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{isAdmin && u.id !== me.user.id ? <RoleControl user={u} /> : u.role}</td>
                <td>
                  <MemberStatus user={u} />
                </td>
                {isAdmin && (
                  <td>
                    {u.id !== me.user.id && (
                      <>
                        {u.invitation && <InvitationActions user={u} />}
                        <MemberAccess user={u} />
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {isAdmin && (
        <section className="card">
          <h2>Invite a member</h2>
          <p className="muted">They get an email with a link to choose a password. The link expires.</p>
          <InviteMember />
        </section>
      )}
    </>
  );
}

/** A member's status; for one not yet joined, whether their invitation link still works. */
function MemberStatus({ user }: { user: User }) {
  const inv = user.invitation;
  if (user.status !== 'invited' || !inv) return <>{user.status}</>;
  switch (inv.state) {
    case 'pending':
      return <>invited · link works until {formatDate(inv.expiresAt)}</>;
    case 'expired':
      return <>invited · link expired {formatDate(inv.expiresAt)}</>;
    case 'revoked':
      return <>invitation revoked</>;
    default:
      return <>invited</>;
  }
}

/** An admin changes a member's role (an organization keeps at least one admin; the server says so). */
function RoleControl({ user }: { user: User }) {
  const change = useSubmit(async (v) => {
    await api('PATCH', `/users/${user.id}`, { role: v.role });
    await invalidate('team', 'users');
  });
  return (
    <>
      <select
        aria-label={`Role of ${user.name}`}
        value={user.role}
        disabled={change.busy}
        onChange={(e) => change.run({ role: e.target.value })}
      >
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      <ErrorNote error={change.error} />
    </>
  );
}

/** An admin sends an invited member a new link (the old one stops working), or withdraws a pending one. */
function InvitationActions({ user }: { user: User }) {
  const [note, setNote] = useState<string>();
  const act = useSubmit(async (v) => {
    if (v.verb === 'revoke') await api('DELETE', `/users/${user.id}/invitation`);
    else await api('POST', `/users/${user.id}/invitation`);
    setNote(v.verb === 'revoke' ? `Invitation for ${user.name} revoked.` : `New link sent to ${user.email}.`);
    await invalidate('team', 'users');
  });
  return (
    <div className="row-actions">
      <button
        type="button"
        className="secondary"
        disabled={act.busy}
        onClick={() => act.run({ verb: 'resend' })}
      >
        Resend invitation to {user.name}
      </button>
      {user.invitation?.state === 'pending' && (
        <button
          type="button"
          className="secondary"
          disabled={act.busy}
          onClick={() => act.run({ verb: 'revoke' })}
        >
          Revoke invitation for {user.name}
        </button>
      )}
      <Toast message={note} onDismiss={() => setNote(undefined)} as="span" />
      <ErrorNote error={act.error} />
    </div>
  );
}

/** An admin invites a member by name, email and role. */
function InviteMember() {
  const submit = useSubmit(async (v) => {
    await api('POST', '/users', { name: v.name, email: v.email, role: v.role });
    await invalidate('team', 'users');
  });
  return (
    <form onSubmit={submit.onSubmit}>
      <Field id="f-name" label="Name" name="name" required />
      <Field id="f-email" label="Email" name="email" type="email" required />
      <Field id="f-role" label="Role">
        {(control) => (
          <select {...control} name="role" defaultValue="interviewer">
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton submit={submit}>Send invitation</SubmitButton>
    </form>
  );
}

/** An admin ends a member's access (deactivate: sessions and tokens end at once), restores it, or removes them. */
function MemberAccess({ user }: { user: User }) {
  const [confirming, setConfirming] = useState(false);
  const act = useSubmit(async (v) => {
    if (v.verb === 'remove') await api('DELETE', `/users/${user.id}`);
    else await api('POST', `/users/${user.id}/${v.verb}`);
    setConfirming(false);
    await invalidate('team', 'users');
  });
  const deactivated = user.status === 'deactivated';
  return (
    <div className="row-actions">
      <button
        type="button"
        className="secondary"
        disabled={act.busy}
        onClick={() => act.run({ verb: deactivated ? 'reactivate' : 'deactivate' })}
      >
        {deactivated ? `Reactivate ${user.name}` : `Deactivate ${user.name}`}
      </button>
      <button type="button" className="secondary" disabled={act.busy} onClick={() => setConfirming(true)}>
        Remove {user.name}
      </button>
      {!confirming && <ErrorNote error={act.error} />}
      <ConfirmDialog
        open={confirming}
        title={`Remove ${user.name}?`}
        confirm="Remove member"
        danger
        busy={act.busy}
        error={act.error}
        onConfirm={() => act.run({ verb: 'remove' })}
        onCancel={() => setConfirming(false)}
      >
        Their sessions and API tokens end now, and their name and address are erased. What they did stays on
        record.
      </ConfirmDialog>
    </div>
  );
}
