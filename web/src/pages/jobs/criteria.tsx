import { useState } from 'react';
import { api, type Criterion, type Finding, type Job } from '../../api';
import { CheckedTextarea, useCheck } from '../../checked';
import { ErrorNote } from '../../components';
import { invalidate } from '../../query';
import { useSubmit } from '../../ui';

/**
 * The job's criteria, each with the pointer a candidate with a gap in it is given: the organization's own when set,
 * else one from Debrief's library chosen by the skill. Those who manage jobs set or clear their own, checked as they
 * type and again by the server.
 */
export function CriteriaCard({ job, mayEdit }: { job: Job; mayEdit: boolean }) {
  return (
    <section className="card">
      <h2>Criteria</h2>
      <ul className="criteria-list">
        {job.criteria.map((c) => (
          <CriterionItem key={c.id} jobId={job.id} criterion={c} mayEdit={mayEdit} />
        ))}
      </ul>
    </section>
  );
}

function CriterionItem({
  jobId,
  criterion: c,
  mayEdit,
}: {
  jobId: string;
  criterion: Criterion;
  mayEdit: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(c.practise ?? '');
  const [warnings, setWarnings] = useState<Finding[]>([]);
  const findings = useCheck(editing ? text : '');
  const save = useSubmit(async (v) => {
    const practise = v.clear ? null : text.trim() || null;
    const r = await api<{ criterion: Criterion; findings: Finding[] }>(
      'PATCH',
      `/jobs/${jobId}/criteria/${c.id}`,
      { practise },
    );
    setWarnings(r.findings);
    setText(r.criterion.practise ?? '');
    setEditing(false);
    await invalidate('team', 'jobs', jobId);
  });
  return (
    <li>
      <b>{c.name}</b>
      {c.description && <span className="muted"> — {c.description}</span>}
      {!editing && (
        <p className="pointer-line small">
          {c.practise ? (
            <>
              <span className="muted">Your pointer for a gap: </span>
              {c.practise}
            </>
          ) : (
            <span className="muted">Pointer for a gap: from Debrief's library, chosen by the skill.</span>
          )}{' '}
          {mayEdit && (
            <button type="button" className="link" onClick={() => setEditing(true)}>
              {c.practise ? `Edit the pointer for ${c.name}` : `Set your own pointer for ${c.name}`}
            </button>
          )}
        </p>
      )}
      {!editing && warnings.length > 0 && (
        <p className="warn-note small">Saved; the checker has a suggestion: {warnings[0]?.message}</p>
      )}
      {editing && (
        <form
          className="pointer-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save.run();
          }}
        >
          <CheckedTextarea
            label={`What to practise for a gap in ${c.name}`}
            hint="One or two sentences that open with what to do, e.g. “Work through …”. Used in feedback from now on, instead of the library's."
            value={text}
            onChange={setText}
            findings={findings}
            rows={3}
          />
          <div className="actions">
            <button type="submit" disabled={save.busy || !text.trim()}>
              Save pointer
            </button>
            {c.practise && (
              <button
                type="button"
                className="secondary"
                disabled={save.busy}
                onClick={() => save.run({ clear: 'yes' })}
              >
                Use the library's instead
              </button>
            )}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setEditing(false);
                setText(c.practise ?? '');
                save.setError(undefined);
              }}
            >
              Cancel
            </button>
          </div>
          <ErrorNote error={save.error} />
        </form>
      )}
    </li>
  );
}
