import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge, ErrorNote, Scale } from '../components';
import { candidateChanged, useCandidateApi } from '../query';
import { Field, Toast, useSubmit } from '../ui';
import {
  capi,
  day,
  KIND_LABELS,
  type Person,
  type ReminderKind,
  STATUSES,
  type TrackerApp,
  type TrackerDetail,
  type TrackerStatus,
  today,
} from './api';
import { ReminderList } from './home';

/** A text or date field bound to a string. */
function Input({
  onChange,
  ...props
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  required?: boolean;
  hint?: ReactNode;
  className?: string;
}) {
  return <Field {...props} onChange={(e) => onChange(e.target.value)} />;
}

export function TrackerPage() {
  const { data, error } = useCandidateApi<{ items: TrackerApp[] }>('/applications');
  const reload = candidateChanged;
  const [adding, setAdding] = useState(false);
  const [filter, setFilter] = useState<TrackerStatus | 'all'>('all');
  const items = (data?.items ?? []).filter((a) => filter === 'all' || a.status === filter);
  return (
    <>
      <div className="page-head">
        <h1>Applications</h1>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Add an application
          </button>
        )}
      </div>
      {adding && (
        <NewApplication
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            reload();
          }}
        />
      )}
      <ErrorNote error={error} />
      <section className="card">
        {!data ? (
          <p className="muted">Loading…</p>
        ) : data.items.length === 0 ? (
          <p className="muted">
            No applications yet. Track each one: the company, the role, where you found it, each interview
            round and the people you met. Debrief reminds you to send a thank-you note and to follow up.
          </p>
        ) : (
          <>
            <div className="filters">
              {(['all', ...STATUSES] as const).map((s) => (
                <button
                  key={s}
                  type="button"
                  className={filter === s ? 'chip on' : 'chip'}
                  aria-pressed={filter === s}
                  onClick={() => setFilter(s)}
                >
                  {s === 'all' ? 'All' : s[0].toUpperCase() + s.slice(1)}
                </button>
              ))}
            </div>
            <div className="table-scroll">
              <table className="tracker">
                <thead>
                  <tr>
                    <th>Company and role</th>
                    <th>Status</th>
                    <th>Source</th>
                    <th>Applied</th>
                    <th className="num">Rounds</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <Link to={`/me/applications/${a.id}`}>{a.company}</Link>
                        <div className="small muted">{a.role}</div>
                      </td>
                      <td>
                        <Badge value={a.status} />
                      </td>
                      <td>{a.source ?? '—'}</td>
                      <td>{day(a.appliedOn)}</td>
                      <td className="num">{a.rounds ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

function NewApplication({ onCancel, onAdded }: { onCancel: () => void; onAdded: () => void }) {
  const navigate = useNavigate();
  const [company, setCompany] = useState('');
  const [role, setRole] = useState('');
  const [source, setSource] = useState('');
  const [appliedOn, setAppliedOn] = useState(today());
  const [status, setStatus] = useState<TrackerStatus>('applied');
  const [recruiter, setRecruiter] = useState('');
  const [agency, setAgency] = useState('');
  const [recruiterEmail, setRecruiterEmail] = useState('');
  const f = useSubmit(async () => {
    const a = await capi<TrackerApp>('POST', '/applications', {
      company: company.trim(),
      role: role.trim(),
      source: source.trim() || null,
      appliedOn: appliedOn || null,
      status,
      recruiter: recruiter.trim()
        ? {
            name: recruiter.trim(),
            ...(agency.trim() ? { agency: agency.trim() } : {}),
            ...(recruiterEmail.trim() ? { email: recruiterEmail.trim() } : {}),
          }
        : null,
    });
    onAdded();
    navigate(`/me/applications/${a.id}`);
  });
  return (
    <section className="card">
      <h2>Add an application</h2>
      <form onSubmit={f.onSubmit}>
        <div className="row">
          <Input
            id="na-company"
            label="Company"
            value={company}
            onChange={setCompany}
            required
            className="grow"
          />
          <Input id="na-role" label="Role" value={role} onChange={setRole} required className="grow" />
        </div>
        <div className="row">
          <Input
            id="na-source"
            label="Source"
            value={source}
            onChange={setSource}
            hint="Where you found it: a referral, LinkedIn, a recruiter…"
            className="grow"
          />
          <Input id="na-applied" label="Applied on" type="date" value={appliedOn} onChange={setAppliedOn} />
          <Field id="na-status" label="Status">
            {(control) => (
              <select
                {...control}
                value={status}
                onChange={(e) => setStatus(e.target.value as TrackerStatus)}
              >
                {STATUSES.filter((s) => s !== 'rejected').map((s) => (
                  <option key={s} value={s}>
                    {s[0].toUpperCase() + s.slice(1)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <details>
          <summary>Through a third-party recruiter?</summary>
          <div className="row">
            <Input
              id="na-rec"
              label="Recruiter's name"
              value={recruiter}
              onChange={setRecruiter}
              className="grow"
            />
            <Input id="na-agency" label="Agency" value={agency} onChange={setAgency} className="grow" />
            <Input
              id="na-rec-email"
              label="Recruiter's email"
              type="email"
              value={recruiterEmail}
              onChange={setRecruiterEmail}
              className="grow"
            />
          </div>
        </details>
        <ErrorNote error={f.error} />
        <div className="actions">
          <button type="submit" disabled={f.busy}>
            {f.busy ? 'Saving…' : 'Save application'}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

export function TrackerDetailPage({ id }: { id: string }) {
  const { data: a, error } = useCandidateApi<TrackerDetail>(`/applications/${id}`);
  const reload = candidateChanged;
  if (error) return <ErrorNote error={error} />;
  if (!a) return <p className="muted">Loading…</p>;
  const upcoming = a.status === 'applied' || a.status === 'interviewing';
  return (
    <>
      <p className="crumbs">
        <Link to="/me/applications">Applications</Link> /
      </p>
      <div className="page-head">
        <h1>
          {a.company} <span className="muted">· {a.role}</span>
        </h1>
        <Badge value={a.status} />
      </div>
      <p className="muted">
        {a.source && <>Source: {a.source} · </>}
        Applied {day(a.appliedOn)}
        {a.rejectedOn && <> · rejected {day(a.rejectedOn)}</>}
        {a.recruiter && (
          <>
            {' '}
            · recruiter {a.recruiter.name}
            {a.recruiter.agency ? ` (${a.recruiter.agency})` : ''}
          </>
        )}
      </p>

      {a.status === 'rejected' && (
        <section className="card callout ask-callout">
          <p>
            <b>Ask for feedback.</b> A short, grateful note to the right person gets answers: see when to ask,
            whom, how likely a reply is, and a checked draft.
          </p>
          <Link to={`/me/applications/${a.id}/ask`} className="button">
            Ask for feedback
          </Link>
        </section>
      )}

      {upcoming && a.prep.length > 0 && (
        <section className="card prep" aria-labelledby="prep-head">
          <h2 id="prep-head">Before your interview</h2>
          <p className="muted small">Open actions from your plan on the themes this role tests.</p>
          <ul className="plain-list">
            {a.prep.map((p) => (
              <li key={p.actionId}>
                <b>{p.title}</b>
                <div className="small muted">{p.why}</div>
              </li>
            ))}
          </ul>
          <Link to="/me/plan">Open your plan</Link>
        </section>
      )}

      <div className="me-columns">
        <div>
          <section className="card" aria-labelledby="rounds-head">
            <h2 id="rounds-head">Rounds</h2>
            {a.roundList.length === 0 ? (
              <p className="muted">No rounds yet. Add each interview: who you met and how it went.</p>
            ) : (
              <ol className="rounds">
                {a.roundList.map((r) => (
                  <li key={r.id}>
                    <div className="round-head">
                      <b>{r.stage}</b> <span className="muted">· {day(r.date)}</span>
                      {r.rapport && (
                        <span className="rapport" title="Rapport, 1 to 5">
                          rapport {r.rapport}/5
                        </span>
                      )}
                    </div>
                    {r.interviewers.length > 0 && (
                      <div className="small">
                        Met{' '}
                        {r.interviewers.map((p, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: the people of one round, in the order met
                          <span key={i}>
                            {i > 0 && ', '}
                            {p.name}
                            {p.role ? ` (${p.role})` : ''}
                          </span>
                        ))}
                      </div>
                    )}
                    {r.notes && <p className="small muted">{r.notes}</p>}
                  </li>
                ))}
              </ol>
            )}
            <RoundForm appId={a.id} n={a.roundList.length} onAdded={reload} />
          </section>
          <FeedbackSection a={a} />
        </div>
        <div>
          <StatusForm a={a} onSaved={reload} />
          <section className="card" aria-labelledby="arem-head">
            <h2 id="arem-head">Reminders</h2>
            <ReminderList items={a.reminders} empty="No reminders for this application." onChange={reload} />
            <ReminderForm appId={a.id} onAdded={reload} />
          </section>
        </div>
      </div>
    </>
  );
}

function FeedbackSection({ a }: { a: TrackerDetail }) {
  if (!a.debriefFeedback && a.loggedFeedback.length === 0) return null;
  return (
    <section className="card" aria-labelledby="afb-head">
      <h2 id="afb-head">Feedback</h2>
      {a.debriefFeedback && (
        <article className="feedback-item">
          <p className="small muted">
            Sent through Debrief{a.debriefFeedback.sentAt ? ` on ${day(a.debriefFeedback.sentAt)}` : ''}
          </p>
          <div className="letter">{a.debriefFeedback.body}</div>
        </article>
      )}
      {a.loggedFeedback.map((l) => (
        <article key={l.id} className="feedback-item">
          <p className="small muted">
            Logged: by {l.channel === 'other' ? 'other means' : l.channel}, {day(l.receivedOn)}
          </p>
          <div className="letter">{l.text}</div>
        </article>
      ))}
    </section>
  );
}

let personKey = 0;
function RoundForm({ appId, n, onAdded }: { appId: string; n: number; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState('');
  const [date, setDate] = useState(today());
  const [people, setPeople] = useState([{ key: personKey++, name: '', role: '', email: '' }]);
  const [rapport, setRapport] = useState<number>();
  const [notes, setNotes] = useState('');
  const [done, setDone] = useState<string>();
  const set = (i: number, k: 'name' | 'role' | 'email', v: string) =>
    setPeople((ps) => ps.map((p, j) => (j === i ? { ...p, [k]: v } : p)));
  const f = useSubmit(async () => {
    const interviewers: Person[] = people
      .filter((p) => p.name.trim())
      .map((p) => ({
        name: p.name.trim(),
        ...(p.role.trim() ? { role: p.role.trim() } : {}),
        ...(p.email.trim() ? { email: p.email.trim() } : {}),
      }));
    await capi('POST', `/applications/${appId}/rounds`, {
      stage: stage.trim(),
      date,
      interviewers,
      rapport: rapport ?? null,
      notes: notes.trim() || null,
    });
    setDone(`Round added: ${stage.trim()}. A reminder to send a thank-you note is on your list.`);
    setStage('');
    setPeople([{ key: personKey++, name: '', role: '', email: '' }]);
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
        <fieldset>
          <legend>Interviewers you met</legend>
          {people.map((p, i) => (
            <div className="row" key={p.key}>
              <Input
                id={`rd-p${i}-name`}
                label={`Interviewer ${i + 1} name`}
                value={p.name}
                onChange={(v) => set(i, 'name', v)}
                className="grow"
              />
              <Input
                id={`rd-p${i}-role`}
                label={`Interviewer ${i + 1} role`}
                value={p.role}
                onChange={(v) => set(i, 'role', v)}
                className="grow"
              />
              <Input
                id={`rd-p${i}-email`}
                label={`Interviewer ${i + 1} email`}
                type="email"
                value={p.email}
                onChange={(v) => set(i, 'email', v)}
                className="grow"
              />
            </div>
          ))}
          <button
            type="button"
            className="secondary small-button"
            onClick={() => setPeople((ps) => [...ps, { key: personKey++, name: '', role: '', email: '' }])}
          >
            Add an interviewer
          </button>
        </fieldset>
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

function StatusForm({ a, onSaved }: { a: TrackerDetail; onSaved: () => void }) {
  const [status, setStatus] = useState<TrackerStatus>(a.status);
  const [rejectedOn, setRejectedOn] = useState(a.rejectedOn ?? today());
  const [final, setFinal] = useState(a.decisionFinal ?? false);
  const [filled, setFilled] = useState(a.roleFilled ?? false);
  const [reason, setReason] = useState(a.reason ?? '');
  const [saved, setSaved] = useState<string>();
  const rejecting = status === 'rejected';
  const f = useSubmit(async () => {
    setSaved(undefined);
    await capi('PATCH', `/applications/${a.id}`, {
      status,
      ...(rejecting
        ? { rejectedOn, decisionFinal: final, roleFilled: filled, reason: reason.trim() || null }
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
            <label className="check">
              <input type="checkbox" checked={filled} onChange={(e) => setFilled(e.target.checked)} />
              The role has been filled
            </label>
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

function ReminderForm({ appId, onAdded }: { appId: string; onAdded: () => void }) {
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
