import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, formatDate, type Job, type Me, type Page } from '../api';
import { Badge, ErrorNote } from '../components';
import { useApi } from '../query';
import { Field, SubmitButton, useSubmit } from '../ui';
import { canManage } from './jobs/job';

export { JobPage } from './jobs/job';

export function JobsPage({ me }: { me: Me }) {
  const { data, error } = useApi<Page<Job>>('/jobs?limit=200');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="page-head">
        <h1>Jobs</h1>
        {canManage(me) && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New job
          </button>
        )}
      </div>
      {creating && <NewJob onCancel={() => setCreating(false)} />}
      <ErrorNote error={error} />
      <section className="card">
        {!data ? (
          <p className="muted">Loading…</p>
        ) : data.items.length === 0 ? (
          <p className="muted">
            No jobs yet. A job lists the knowledge, skills and abilities you assess; scorecards rate
            candidates against them and feedback is drafted from that evidence.
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Job</th>
                <th>Status</th>
                <th className="num">Active</th>
                <th className="num">Rejected</th>
                <th className="num">Hired</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((j) => (
                <tr key={j.id}>
                  <td>
                    <Link to={`/jobs/${j.id}`}>{j.title}</Link>
                  </td>
                  <td>
                    <Badge value={j.status} />
                  </td>
                  <td className="num">{j.applications?.active ?? '—'}</td>
                  <td className="num">{j.applications?.rejected ?? '—'}</td>
                  <td className="num">{j.applications?.hired ?? '—'}</td>
                  <td>{formatDate(j.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

let rowKey = 0;
function NewJob({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [rows, setRows] = useState([{ key: rowKey++, name: '', description: '' }]);
  const set = (i: number, k: 'name' | 'description', v: string) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  const submit = useSubmit(async () => {
    const job = await api<Job>('POST', '/jobs', {
      title,
      criteria: rows
        .filter((r) => r.name.trim())
        .map((r) => ({ name: r.name.trim(), description: r.description.trim() || null })),
    });
    navigate(`/jobs/${job.id}`);
  });

  return (
    <section className="card">
      <h2>New job</h2>
      <form onSubmit={submit.onSubmit}>
        <Field
          id="job-title"
          label="Job title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
        />
        <fieldset className="criteria">
          <legend>Criteria</legend>
          <p className="muted small">
            The knowledge, skills and abilities the job requires. Interviewers rate each one and back the
            rating with evidence; the feedback is drafted from it. Name skills, not traits (“SQL”, not
            “energetic”).
          </p>
          {rows.map((r, i) => (
            <div className="criterion-row" key={r.key}>
              <Field
                id={`crit-name-${r.key}`}
                label={`Criterion ${i + 1} name`}
                value={r.name}
                onChange={(e) => set(i, 'name', e.target.value)}
                required={i === 0}
              />
              <Field
                id={`crit-desc-${r.key}`}
                className="grow"
                label={`Criterion ${i + 1} description`}
                value={r.description}
                onChange={(e) => set(i, 'description', e.target.value)}
                placeholder="What meeting it looks like (optional)"
              />
              <button
                type="button"
                className="secondary"
                aria-label={`Remove criterion ${i + 1}`}
                disabled={rows.length === 1}
                onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => setRows((rs) => [...rs, { key: rowKey++, name: '', description: '' }])}
          >
            Add criterion
          </button>
        </fieldset>
        <SubmitButton
          submit={submit}
          beside={
            <button type="button" className="secondary" onClick={onCancel}>
              Cancel
            </button>
          }
        >
          Create job
        </SubmitButton>
      </form>
    </section>
  );
}
