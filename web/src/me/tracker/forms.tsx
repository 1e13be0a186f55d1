import { useState } from 'react';
import { addDays } from '../../../../src/domain/timing';
import { ErrorNote, Scale } from '../../components';
import { Field, Toast, useSubmit } from '../../ui';
import {
  capi,
  KIND_LABELS,
  type ReminderKind,
  STATUSES,
  type TrackerDetail,
  type TrackerStatus,
  today,
} from '../api';
import { Input } from './input';
import { emptyPerson, InterviewerFields, peopleOf } from './interviewers';

export function RoundForm({ appId, n, onAdded }: { appId: string; n: number; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState('');
  const [date, setDate] = useState(today());
  const [people, setPeople] = useState([emptyPerson()]);
  const [rapport, setRapport] = useState<number>();
  const [notes, setNotes] = useState('');
  const [done, setDone] = useState<string>();
  const f = useSubmit(async () => {
    await capi('POST', `/applications/${appId}/rounds`, {
      stage: stage.trim(),
      date,
      interviewers: peopleOf(people),
      rapport: rapport ?? null,
      notes: notes.trim() || null,
    });
    // A thank-you reminder is made only for a round whose next day is still ahead.
    const ahead = addDays(date, 1) >= today();
    setDone(
      `Round added: ${stage.trim()}.${ahead ? ' A reminder to send a thank-you note is on your list.' : ''}`,
    );
    setStage('');
    setPeople([emptyPerson()]);
    setRapport(undefined);
    setNotes('');
    setOpen(false);
    onAdded();
  });
  // One live region for both states, so the confirmation is announced as the form closes.
  const toast = <Toast message={done} onDismiss={() => setDone(undefined)} />;
  if (!open)
    return (
      <>
        {toast}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDone(undefined);
            setOpen(true);
          }}
        >
          Add a round
        </button>
      </>
    );
  return (
    <>
      {toast}
      <form className="inline-form" onSubmit={f.onSubmit} aria-label="Add a round">
        <h3>Round {n + 1}</h3>
        <div className="row">
          <Input
            id="rd-stage"
            label="Stage"
            value={stage}
            onChange={setStage}
            required
            hint="e.g. Phone screen, Technical interview, Final"
            className="grow"
          />
          <Input id="rd-date" label="Date" type="date" value={date} onChange={setDate} required />
        </div>
        <InterviewerFields idPrefix="rd" rows={people} onChange={setPeople} />
        <Scale
          legend="Rapport: how well did you get on?"
          name="rapport"
          value={rapport}
          onChange={setRapport}
          low="poorly"
          high="very well"
        />
        <Field id="rd-notes" label="Notes">
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              placeholder="What they asked, what went well, what you would do differently"
            />
          )}
        </Field>
        <ErrorNote error={f.error} />
        <div className="actions">
          <button type="submit" disabled={f.busy}>
            {f.busy ? 'Saving…' : 'Save round'}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}

export function StatusForm({ a, onSaved }: { a: TrackerDetail; onSaved: () => void }) {
  const [status, setStatus] = useState<TrackerStatus>(a.status);
  const [rejectedOn, setRejectedOn] = useState(a.rejectedOn ?? today());
  const [final, setFinal] = useState(a.decisionFinal ?? false);
  // Unknown is not "no": only a role the candidate knows is still open makes the coach wait.
  const [filled, setFilled] = useState<'yes' | 'no' | 'unknown'>(
    a.roleFilled === true ? 'yes' : a.roleFilled === false ? 'no' : 'unknown',
  );
  const [reason, setReason] = useState(a.reason ?? '');
  const [saved, setSaved] = useState<string>();
  const rejecting = status === 'rejected';
  const f = useSubmit(async () => {
    setSaved(undefined);
    await capi('PATCH', `/applications/${a.id}`, {
      status,
      ...(rejecting
        ? {
            rejectedOn,
            decisionFinal: final,
            roleFilled: filled === 'unknown' ? null : filled === 'yes',
            reason: reason.trim() || null,
          }
        : {}),
    });
    setSaved(
      rejecting && a.status !== 'rejected'
        ? 'Saved. A reminder to ask for feedback is on your list.'
        : 'Saved.',
    );
    onSaved();
  });
  return (
    <section className="card" aria-labelledby="st-head">
      <h2 id="st-head">Status</h2>
      <form onSubmit={f.onSubmit}>
        <Field id="st-status" label="Change status">
          {(control) => (
            <select {...control} value={status} onChange={(e) => setStatus(e.target.value as TrackerStatus)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s[0].toUpperCase() + s.slice(1)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {rejecting && (
          <>
            <Input
              id="st-date"
              label="Rejected on"
              type="date"
              value={rejectedOn}
              onChange={setRejectedOn}
              required
            />
            <label className="check">
              <input type="checkbox" checked={final} onChange={(e) => setFinal(e.target.checked)} />
              The decision is final
            </label>
            <Field id="st-filled" label="Has the role been filled?">
              {(control) => (
                <select
                  {...control}
                  value={filled}
                  onChange={(e) => setFilled(e.target.value as 'yes' | 'no' | 'unknown')}
                >
                  <option value="unknown">I don't know</option>
                  <option value="yes">Yes, someone was hired</option>
                  <option value="no">No, it is still open</option>
                </select>
              )}
            </Field>
            <Field
              id="st-reason"
              label="What they said"
              hint="Their words help the request coach judge whether to ask, and your plan find themes."
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={3}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  placeholder="Their words, if they gave a reason"
                />
              )}
            </Field>
          </>
        )}
        <ErrorNote error={f.error} />
        <div className="actions">
          <button type="submit" disabled={f.busy}>
            {f.busy ? 'Saving…' : 'Save status'}
          </button>
          <Toast as="span" message={saved} onDismiss={() => setSaved(undefined)} />
        </div>
      </form>
    </section>
  );
}

export function ReminderForm({ appId, onAdded }: { appId: string; onAdded: () => void }) {
  const [kind, setKind] = useState<ReminderKind>('follow-up');
  const [dueOn, setDueOn] = useState(today(3));
  const [text, setText] = useState('');
  const f = useSubmit(async () => {
    await capi('POST', '/reminders', { applicationId: appId, kind, dueOn, text: text.trim() });
    setText('');
    onAdded();
  });
  return (
    <form className="inline-form" onSubmit={f.onSubmit} aria-label="Add a reminder">
      <h3>Add a reminder</h3>
      <div className="row">
        <Field id="rm-kind" label="Reminder type">
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as ReminderKind)}>
              {(['follow-up', 'thank-you', 'reapply', 'ask-feedback'] as const).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Input id="rm-due" label="Due on" type="date" value={dueOn} onChange={setDueOn} required />
      </div>
      <Input id="rm-text" label="What to do" value={text} onChange={setText} required />
      <ErrorNote error={f.error} />
      <button type="submit" className="secondary" disabled={f.busy || !text.trim()}>
        Add reminder
      </button>
    </form>
  );
}
