import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorNote } from '../../components';
import { ConfirmDialog, Field, useSubmit } from '../../ui';
import { capi, type TrackerDetail } from '../api';
import { InterviewerFields, type PersonRow, peopleOf, rowsOf } from './interviewers';

type Round = TrackerDetail['roundList'][number];

/** Delete a tracked application, behind a confirmation that says what goes with it. */
export function DeleteApplication({ a }: { a: TrackerDetail }) {
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const del = useSubmit(async () => {
    await capi('DELETE', `/applications/${a.id}`);
    navigate('/me/applications');
  });
  if (a.debriefFeedback)
    return (
      <p className="muted small">
        This application holds feedback sent to you through Debrief, so it stays. Its rounds and reminders can
        be edited or deleted.
      </p>
    );
  return (
    <>
      <button type="button" className="danger secondary" onClick={() => setAsking(true)}>
        Delete this application
      </button>
      <ConfirmDialog
        open={asking}
        title={`Delete ${a.company} · ${a.role}?`}
        confirm="Delete the application"
        danger
        busy={del.busy}
        error={del.error}
        onConfirm={() => del.run()}
        onCancel={() => setAsking(false)}
      >
        <p>
          Its {a.roundList.length} round{a.roundList.length === 1 ? '' : 's'} and its reminders are deleted
          too. Feedback you logged for it stays in your inbox, no longer linked. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Edit or delete one interview round: its stage, date, the people met, rapport and notes. */
export function RoundActions({ round, onChange }: { round: Round; onChange: () => void }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [people, setPeople] = useState<PersonRow[]>([]);
  const save = useSubmit(async (v) => {
    await capi('PATCH', `/rounds/${round.id}`, {
      stage: String(v.stage).trim(),
      date: v.date,
      interviewers: peopleOf(people),
      rapport: v.rapport ? Number(v.rapport) : null,
      notes: String(v.notes ?? '').trim() || null,
    });
    setEditing(false);
    onChange();
  });
  const del = useSubmit(async () => {
    await capi('DELETE', `/rounds/${round.id}`);
    setDeleting(false);
    onChange();
  });
  return (
    <>
      {editing ? (
        <form className="round-edit" onSubmit={save.onSubmit}>
          <Field label="Stage" name="stage" defaultValue={round.stage} required maxLength={100} />
          <Field label="Date" name="date" type="date" defaultValue={round.date} required />
          <InterviewerFields idPrefix={`round-${round.id}`} rows={people} onChange={setPeople} />
          <Field label="Rapport" id={`rapport-${round.id}`}>
            {(control) => (
              <select {...control} name="rapport" defaultValue={round.rapport ?? ''}>
                <option value="">Not rated</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n} of 5
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field">
            <label htmlFor={`notes-${round.id}`}>Notes</label>
            <textarea id={`notes-${round.id}`} name="notes" rows={3} defaultValue={round.notes ?? ''} />
          </div>
          <ErrorNote error={save.error} />
          <div className="actions">
            <button type="submit" disabled={save.busy}>
              Save round
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="row-actions small">
          <button
            type="button"
            className="link"
            onClick={() => {
              setPeople(rowsOf(round.interviewers));
              setEditing(true);
            }}
          >
            Edit {round.stage}
          </button>
          <button type="button" className="link danger" onClick={() => setDeleting(true)}>
            Delete {round.stage}
          </button>
        </div>
      )}
      <ConfirmDialog
        open={deleting}
        title={`Delete the ${round.stage} round?`}
        confirm="Delete the round"
        danger
        busy={del.busy}
        error={del.error}
        onConfirm={() => del.run()}
        onCancel={() => setDeleting(false)}
      >
        <p>The round, the people you met in it and your notes are deleted. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
