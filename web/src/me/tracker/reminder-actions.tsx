import { useState } from 'react';
import { ErrorNote } from '../../components';
import { ConfirmDialog, Field, useSubmit } from '../../ui';
import { capi, KIND_LABELS, type Reminder, type ReminderKind, today } from '../api';

/** Edit a reminder (what to do, when, its kind) or delete it after a confirmation. */
export function ReminderActions({ r, onChange }: { r: Reminder; onChange: () => void }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const save = useSubmit(async (v) => {
    await capi('PATCH', `/reminders/${r.id}`, {
      text: v.text.trim(),
      kind: v.kind as ReminderKind,
      ...(v.dueOn !== r.dueOn ? { dueOn: v.dueOn } : {}),
    });
    setEditing(false);
    onChange();
  });
  const del = useSubmit(async () => {
    await capi('DELETE', `/reminders/${r.id}`);
    setDeleting(false);
    onChange();
  });
  return (
    <>
      {editing ? (
        <form className="inline-form" onSubmit={save.onSubmit} aria-label={`Edit the reminder: ${r.text}`}>
          <Field
            id={`rt-${r.id}`}
            label="What to do"
            name="text"
            defaultValue={r.text}
            required
            maxLength={1000}
          />
          <div className="row">
            <Field id={`rk-${r.id}`} label="Reminder type">
              {(control) => (
                <select {...control} name="kind" defaultValue={r.kind}>
                  {(Object.keys(KIND_LABELS) as ReminderKind[]).map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={`rd-${r.id}`}
              label="Due on"
              name="dueOn"
              type="date"
              defaultValue={r.dueOn}
              min={r.dueOn < today() ? r.dueOn : today()}
              required
            />
          </div>
          <ErrorNote error={save.error} />
          <div className="actions">
            <button type="submit" disabled={save.busy}>
              Save reminder
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
            aria-label={`Edit the reminder: ${r.text}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <button
            type="button"
            className="link danger"
            aria-label={`Delete the reminder: ${r.text}`}
            onClick={() => setDeleting(true)}
          >
            Delete
          </button>
        </div>
      )}
      <ConfirmDialog
        open={deleting}
        title="Delete this reminder?"
        confirm="Delete the reminder"
        danger
        busy={del.busy}
        error={del.error}
        onConfirm={() => del.run()}
        onCancel={() => setDeleting(false)}
      >
        <p>
          “{r.text}” is deleted. To keep it without being reminded, tick it done instead. This cannot be
          undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
