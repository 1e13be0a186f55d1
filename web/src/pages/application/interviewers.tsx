import { type ApplicationDetail, api, type User } from '../../api';
import { ErrorNote } from '../../components';
import { invalidate, useApi } from '../../query';
import { useSubmit } from '../../ui';

/** Who interviews for this application: an interviewer sees only the applications they are assigned to. */
export function Interviewers({ app }: { app: ApplicationDetail }) {
  const members = useApi<{ items: User[] }>('/users');
  const assigned = new Set(app.interviewers.map((i) => i.id));
  const choices = (members.data?.items ?? []).filter(
    (u) => u.status !== 'deactivated' && !assigned.has(u.id),
  );
  const change = useSubmit(async (v) => {
    if (v.remove) await api('DELETE', `/applications/${app.id}/interviewers/${v.remove}`);
    else await api('POST', `/applications/${app.id}/interviewers`, { userId: v.userId });
    await invalidate('team', 'applications');
  });
  return (
    <section className="card">
      <h2>Interviewers</h2>
      <p className="muted">Interviewers see only the applications they are assigned to, and score those.</p>
      {app.interviewers.length > 0 && (
        <ul className="plain">
          {app.interviewers.map((i) => (
            <li key={i.id}>
              {i.name} <span className="muted">· {i.role}</span>{' '}
              <button
                type="button"
                className="secondary"
                disabled={change.busy}
                onClick={() => change.run({ remove: i.id })}
              >
                Take {i.name} off
              </button>
            </li>
          ))}
        </ul>
      )}
      {choices.length > 0 && (
        <form onSubmit={change.onSubmit} className="inline-form">
          <label htmlFor="assign-member">Assign a member</label>
          <select id="assign-member" name="userId">
            {choices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.role})
              </option>
            ))}
          </select>
          <button type="submit" disabled={change.busy}>
            Assign
          </button>
        </form>
      )}
      <ErrorNote error={change.error} />
    </section>
  );
}
