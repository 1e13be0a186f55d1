import { useEffect, useState } from 'react';
import { api, type Me, type Role, type User } from '../api';
import { Field, Form } from '../components';

export function Dashboard({ me }: { me: Me }) {
  return (
    <>
      <h1>Dashboard</h1>
      <div className="grid">
        <section className="card stat">
          <h2>Feedback sent</h2>
          <p className="big">—</p>
          <p className="muted">Share of rejected candidates who received feedback. Nothing to show yet.</p>
        </section>
        <section className="card stat">
          <h2>Drafts waiting</h2>
          <p className="big">0</p>
          <p className="muted">Drafts composed from scorecards wait here for review.</p>
        </section>
        <section className="card stat">
          <h2>Time to feedback</h2>
          <p className="big">—</p>
          <p className="muted">Median time from rejection to sent.</p>
        </section>
      </div>
      <section className="card empty">
        <h2>Welcome to Debrief, {me.user.name.split(' ')[0]}</h2>
        <p>
          {me.organization.name} has no jobs yet. Jobs, scorecards and feedback drafts will appear here; until
          then you can invite your team from <b>Members</b>.
        </p>
      </section>
    </>
  );
}

const ROLES: Role[] = ['admin', 'recruiter', 'hiring-manager', 'interviewer'];

export function Members({ me }: { me: Me }) {
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string>();
  const load = () =>
    api<{ items: User[] }>('GET', '/users')
      .then((r) => setUsers(r.items))
      .catch((e) => setError(e.message));
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on mount
  useEffect(() => {
    load();
  }, []);
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
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.role}</td>
                <td>{u.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {isAdmin && (
        <section className="card">
          <h2>Invite a member</h2>
          <p className="muted">They get an email with a link to choose a password. The link expires.</p>
          <Form
            submit="Send invitation"
            onSubmit={async (v) => {
              await api('POST', '/users', { name: v.name, email: v.email, role: v.role });
              await load();
            }}
          >
            <Field label="Name" name="name" />
            <Field label="Email" name="email" type="email" />
            <div className="field">
              <label htmlFor="f-role">Role</label>
              <select id="f-role" name="role" defaultValue="interviewer">
                {ROLES.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}
