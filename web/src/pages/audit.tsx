import { Link, useSearchParams } from 'react-router';
import { type AuditEvent, formatDate, type User } from '../api';
import { ErrorNote } from '../components';
import { useApi } from '../query';
import { Field, formValues } from '../ui';

const FILTERS = ['actorId', 'action', 'from', 'to', 'applicationId'] as const;
const PAGE = 50;

/** Actions an admin most often narrows to; any other can be typed. A prefix ends with a dot. */
const ACTION_SUGGESTIONS = [
  'feedback.',
  'feedback.sent',
  'application.',
  'scorecard.',
  'job.',
  'user.',
  'user.role-changed',
  'api-token.',
  'api-token.used',
  'audit.exported',
  'organization.',
];

/**
 * The organization's audit trail, for admins: who did what and when, newest first, narrowed by member, action, dates
 * and application. The filters live in the URL (so a search can be bookmarked or shared), and the same filters
 * download the whole trail as CSV or JSON.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = new URLSearchParams();
  for (const f of FILTERS) {
    const v = params.get(f);
    if (v) filters.set(f, v);
  }
  const cursor = params.get('cursor');
  const query = new URLSearchParams(filters);
  query.set('order', 'desc');
  query.set('limit', String(PAGE));
  if (cursor) query.set('cursor', cursor);
  const { data, error } = useApi<{ events: AuditEvent[]; nextCursor: string | null }>(`/audit?${query}`);
  const members = useApi<{ items: User[] }>('/users');
  const names = new Map((members.data?.items ?? []).map((u) => [u.id, u.name]));
  const exportHref = (format: 'csv' | 'json') => {
    const q = new URLSearchParams(filters);
    q.set('format', format);
    return `/api/v1/audit/export?${q}`;
  };

  return (
    <>
      <h1>Audit trail</h1>
      <section className="card" aria-labelledby="filters-head">
        <h2 id="filters-head">Filters</h2>
        <form
          key={filters.toString()}
          aria-label="Filter the audit trail"
          onSubmit={(e) => {
            e.preventDefault();
            const v = formValues(e.currentTarget);
            const next = new URLSearchParams();
            for (const f of FILTERS) if (v[f]?.trim()) next.set(f, v[f].trim());
            setParams(next);
          }}
        >
          <div className="row">
            <Field label="Member">
              {(control) => (
                <select name="actorId" defaultValue={filters.get('actorId') ?? ''} {...control}>
                  <option value="">Anyone</option>
                  {(members.data?.items ?? []).map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label="Action"
              name="action"
              list="audit-actions"
              defaultValue={filters.get('action') ?? ''}
              hint="Exact (feedback.sent), or ending in a dot for all of them (feedback.)"
            />
            <datalist id="audit-actions">
              {ACTION_SUGGESTIONS.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </div>
          <div className="row">
            <Field label="From" name="from" type="date" defaultValue={filters.get('from') ?? ''} />
            <Field
              label="To"
              name="to"
              type="date"
              defaultValue={filters.get('to') ?? ''}
              hint="Includes that day"
            />
            <Field
              label="Application id"
              name="applicationId"
              defaultValue={filters.get('applicationId') ?? ''}
            />
          </div>
          <div className="actions">
            <button type="submit">Apply filters</button>
            {filters.size > 0 && (
              <button type="button" className="link" onClick={() => setParams(new URLSearchParams())}>
                Clear filters
              </button>
            )}
          </div>
        </form>
      </section>

      <section className="card" aria-labelledby="events-head">
        <div className="actions">
          <h2 id="events-head">Events</h2>
          <a className="button secondary" href={exportHref('csv')} download>
            Export CSV
          </a>
          <a className="button secondary" href={exportHref('json')} download>
            Export JSON
          </a>
        </div>
        <ErrorNote error={error} />
        {!data ? (
          !error && <p className="muted">Loading…</p>
        ) : data.events.length === 0 ? (
          <p className="muted">No events match these filters.</p>
        ) : (
          <table aria-labelledby="events-head">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Action</th>
                <th>About</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {data.events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.at, true)}</td>
                  <td>{who(e, names)}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.applicationId ? (
                      <Link to={`/applications/${e.applicationId}`}>Application</Link>
                    ) : (
                      (e.subjectType ?? '—')
                    )}
                  </td>
                  <td className="muted">{details(e.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="actions">
          {cursor && (
            <button
              type="button"
              className="link"
              onClick={() => {
                const next = new URLSearchParams(filters);
                setParams(next);
              }}
            >
              Newest events
            </button>
          )}
          {data?.nextCursor && (
            <button
              type="button"
              onClick={() => {
                const next = new URLSearchParams(filters);
                next.set('cursor', data.nextCursor ?? '');
                setParams(next);
              }}
            >
              Older events
            </button>
          )}
        </div>
      </section>
    </>
  );
}

function who(e: AuditEvent, names: Map<string, string>): string {
  const name = e.actor.name ?? (e.actor.id ? names.get(e.actor.id) : undefined) ?? e.actor.type;
  if (e.actor.type === 'token') return `${name} (API token)`;
  if (e.actor.type === 'system') return `${name} (Debrief)`;
  if (e.actor.type === 'candidate') return `${name === 'candidate' ? 'The candidate' : name} (candidate)`;
  return name;
}

/** The event's data in a line: short values as they are, anything long cut. */
function details(data: Record<string, unknown>): string {
  const parts = Object.entries(data)
    .filter(([k]) => k !== 'viaTokenId')
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const line = parts.join(' · ');
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
