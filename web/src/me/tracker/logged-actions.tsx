import { useState } from 'react';
import { ErrorNote } from '../../components';
import { ConfirmDialog, Field, useSubmit } from '../../ui';
import { type AppRef, capi, type Logged } from '../api';
import { ApplicationPicker } from './application-picker';

const CHANNELS: [Logged['channel'], string][] = [
  ['email', 'Email'],
  ['call', 'Call'],
  ['other', 'Other'],
];

/**
 * Correct feedback logged by hand (what they said, when, how, and, where `pick` is set, which application it
 * belongs to: `application` is the one it belongs to now) or delete it after a confirmation.
 */
export function LoggedActions({
  l,
  pick,
  application,
  onChange,
}: {
  l: Logged;
  pick?: boolean;
  application?: AppRef | null;
  onChange: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [applicationId, setApplicationId] = useState(l.applicationId ?? '');
  const [deleting, setDeleting] = useState(false);
  const save = useSubmit(async (v) => {
    await capi('PATCH', `/logged-feedback/${l.id}`, {
      text: v.text.trim(),
      channel: v.channel,
      receivedOn: v.receivedOn,
      ...(pick ? { applicationId: applicationId || null } : {}),
    });
    setEditing(false);
    onChange();
  });
  const del = useSubmit(async () => {
    await capi('DELETE', `/logged-feedback/${l.id}`);
    setDeleting(false);
    onChange();
  });
  const what = l.text.length > 40 ? `${l.text.slice(0, 40)}…` : l.text;
  return (
    <>
      {editing ? (
        <form className="inline-form" onSubmit={save.onSubmit} aria-label="Edit the logged feedback">
          <Field id={`lt-${l.id}`} label="What they said">
            {(control) => <textarea {...control} name="text" rows={4} defaultValue={l.text} required />}
          </Field>
          <div className="row">
            <Field id={`lc-${l.id}`} label="How it came">
              {(control) => (
                <select {...control} name="channel" defaultValue={l.channel}>
                  {CHANNELS.map(([v, label]) => (
                    <option key={v} value={v}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={`lr-${l.id}`}
              label="Received on"
              name="receivedOn"
              type="date"
              defaultValue={l.receivedOn}
              required
            />
            {pick && (
              <ApplicationPicker
                id={`la-${l.id}`}
                value={applicationId}
                current={application}
                onChange={setApplicationId}
                className="grow"
              />
            )}
          </div>
          <ErrorNote error={save.error} />
          <div className="actions">
            <button type="submit" disabled={save.busy}>
              Save feedback
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
            aria-label={`Edit the logged feedback: ${what}`}
            onClick={() => {
              setApplicationId(l.applicationId ?? '');
              setEditing(true);
            }}
          >
            Edit
          </button>
          <button
            type="button"
            className="link danger"
            aria-label={`Delete the logged feedback: ${what}`}
            onClick={() => setDeleting(true)}
          >
            Delete
          </button>
        </div>
      )}
      <ConfirmDialog
        open={deleting}
        title="Delete this logged feedback?"
        confirm="Delete the feedback"
        danger
        busy={del.busy}
        error={del.error}
        onConfirm={() => del.run()}
        onCancel={() => setDeleting(false)}
      >
        <p>What you wrote down is deleted, and your plan no longer counts it. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
