import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../api';
import { HBarChart } from '../charts';
import { ErrorNote } from '../components';
import { candidateChanged, useCandidateApi } from '../query';
import { Field, Toast, useSubmit } from '../ui';
import { capi, day, type Plan, type PlanAction, today } from './api';

const KIND_LABEL: Record<string, string> = {
  debrief: 'feedback through Debrief',
  logged: 'feedback you logged',
  reason: 'what they said',
};

/** Feedback mapped to themes, charted across all rejections, turned into actions with dates. */
export function PlanPage() {
  const { data, error } = useCandidateApi<Plan>('/plan');
  const reload = candidateChanged;
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="muted">Loading…</p>;
  const labelOf = (theme: string) =>
    data.themes.find((t) => t.theme === theme)?.label ?? theme.replace(/-/g, ' ');
  const open = data.actions.filter((a) => !a.done);
  const done = data.actions.filter((a) => a.done);
  return (
    <>
      <h1>Plan</h1>
      <p className="muted">
        What the feedback you received has in common, counted across all your rejections. Turn a theme into an
        action with a date, and tick it off as you go.
      </p>
      {data.upcoming.length > 0 && (
        <section className="card prep" aria-labelledby="up-head">
          <h2 id="up-head">Before your next interviews</h2>
          {data.upcoming.map((u) => (
            <div key={u.applicationId} className="upcoming">
              <Link to={`/me/applications/${u.applicationId}`}>
                {u.company} · {u.role}
              </Link>
              <ul className="plain-list">
                {u.reminders.map((r) => (
                  <li key={r.actionId}>
                    <b>{r.title}</b>
                    <div className="small muted">{r.why}</div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      <div className="me-columns plan-columns">
        <div>
          <section className="card" aria-labelledby="th-head">
            <h2 id="th-head">Themes</h2>
            {data.themes.length === 0 ? (
              <p className="muted">
                No themes yet. They come from feedback in your <Link to="/me/feedback">inbox</Link>, feedback
                you log there, and what employers said when you mark an application rejected.
              </p>
            ) : (
              <HBarChart
                label="Themes across your feedback, by number of rejections"
                data={data.themes.map((t) => ({ label: t.label, value: t.count }))}
              />
            )}
          </section>
          {data.themes.map((t) => (
            <ThemeCard key={t.theme} theme={t} onAdded={reload} />
          ))}
        </div>
        <div className="actions-column">
          <section className="card" aria-labelledby="ac-head">
            <h2 id="ac-head">Your actions</h2>
            {data.actions.length === 0 ? (
              <p className="muted">No actions yet. Pick one from a theme, or write your own.</p>
            ) : (
              <>
                <p className="muted small">
                  {done.length} of {data.actions.length} done
                </p>
                <progress value={done.length} max={data.actions.length} aria-label="Actions done" />
                <ActionList actions={[...open, ...done]} labelOf={labelOf} onChange={reload} />
              </>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

function ThemeCard({ theme: t, onAdded }: { theme: Plan['themes'][number]; onAdded: () => void }) {
  const [choice, setChoice] = useState(t.suggestedActions[0] ?? '');
  const [own, setOwn] = useState('');
  const [dueOn, setDueOn] = useState(today(14));
  const [added, setAdded] = useState<string>();
  const writing = choice === '' || !t.suggestedActions.includes(choice);
  const title = writing ? own.trim() : choice;
  const headId = `theme-${t.theme}`;
  const submit = useSubmit(async () => {
    if (!title) return;
    setAdded(undefined);
    await capi<PlanAction>('POST', '/plan/actions', { theme: t.theme, title, dueOn: dueOn || null });
    setOwn('');
    setAdded('Added to your actions.');
    onAdded();
  });
  return (
    <section className="card theme" aria-labelledby={headId}>
      <h2 id={headId}>
        {t.label} <span className="muted small">{t.recurring ? `Recurring · ${t.summary}` : t.summary}</span>
      </h2>
      <ul className="sources">
        {t.quotes.slice(0, 3).map((q) => (
          <li key={`${q.sourceId}-${q.criterion ?? ''}-${q.evidence ?? ''}`}>
            {q.criterion && <span className="small">{q.criterion}: </span>}
            {q.evidence ? (
              <q>{q.evidence}</q>
            ) : (
              <span className="muted small">assessed below what the role needs</span>
            )}
            <span className="small muted">
              {' '}
              {`· ${KIND_LABEL[q.kind] ?? q.kind}`}
              {q.company ? ` · ${q.company}` : ''}
              {q.applicationId && (
                <>
                  {' · '}
                  <Link to={`/me/applications/${q.applicationId}`}>application</Link>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={submit.onSubmit}>
        <h3>Turn it into an action</h3>
        <fieldset className="pick">
          <legend>Action for {t.label}</legend>
          {t.suggestedActions.map((a) => (
            <label key={a} className="check">
              <input
                type="radio"
                name={`${headId}-pick`}
                value={a}
                checked={choice === a}
                onChange={() => setChoice(a)}
              />
              {a}
            </label>
          ))}
          <label className="check">
            <input
              type="radio"
              name={`${headId}-pick`}
              value=""
              checked={writing}
              onChange={() => setChoice('')}
            />
            Write my own
          </label>
        </fieldset>
        {writing && (
          <Field
            id={`${headId}-own`}
            label={`Your own action for ${t.label}`}
            value={own}
            onChange={(e) => setOwn(e.target.value)}
            required
          />
        )}
        <div className="row">
          <Field
            id={`${headId}-due`}
            label={`Due date for ${t.label}`}
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
          />
          <button type="submit" disabled={submit.busy || !title}>
            Add action
          </button>
        </div>
        <ErrorNote error={submit.error} />
        <Toast message={added} onDismiss={() => setAdded(undefined)} />
      </form>
    </section>
  );
}

function ActionList(props: { actions: PlanAction[]; labelOf: (t: string) => string; onChange: () => void }) {
  const [error, setError] = useState<string>();
  // Ticked at once; the list catches up when the plan reloads (and a failure unticks it again).
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const now = today();
  return (
    <>
      <ul className="reminders actions-list" aria-label="Actions">
        {props.actions.map((a) => (
          <li
            key={a.id}
            className={`${a.done ? 'done' : ''} ${!a.done && a.dueOn && a.dueOn < now ? 'late' : ''}`}
          >
            <label className="check">
              <input
                type="checkbox"
                checked={ticked[a.id] ?? a.done}
                aria-label={`Done: ${a.title}`}
                onChange={async (e) => {
                  const done = e.target.checked;
                  setError(undefined);
                  setTicked((t) => ({ ...t, [a.id]: done }));
                  try {
                    await capi('PATCH', `/plan/actions/${a.id}`, { done });
                    props.onChange();
                  } catch (err) {
                    setTicked((t) => ({ ...t, [a.id]: !done }));
                    setError(errorText(err));
                  }
                }}
              />
              <span>
                {a.title}
                <small className="muted">
                  {' '}
                  · {props.labelOf(a.theme)}
                  {a.dueOn && <> · due {day(a.dueOn)}</>}
                </small>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
    </>
  );
}
