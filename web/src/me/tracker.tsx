import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge, ErrorNote } from '../components';
import { candidateChanged } from '../query';
import { Field, useSubmit } from '../ui';
import { capi, day, STATUSES, type TrackerApp, type TrackerStatus, today } from './api';
import { Board } from './tracker/board';
import { ExtraFields, extraFrom } from './tracker/details';
import { Input } from './tracker/input';
import { PAGE_SIZE, statusLabel, useTrackerList, useTrackerState } from './tracker/list-state';

export { TrackerDetailPage } from './tracker/detail';

export function TrackerPage() {
  const reload = candidateChanged;
  const [adding, setAdding] = useState(false);
  const state = useTrackerState();
  const [typed, setTyped] = useState(state.q);
  // The address changed by itself (back, forward): the box follows.
  useEffect(() => setTyped(state.q), [state.q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address follows what is typed, after a pause
  useEffect(() => {
    if (typed === state.q) return;
    const t = setTimeout(() => state.set({ q: typed || undefined }, true), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const list = useTrackerList(state.q, state.status);
  const items = list.items ?? [];
  const filtered = state.q.trim() !== '' || state.status !== '';
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
      <ErrorNote error={list.error} />
      <section className="card" aria-label="Your applications">
        {!list.items || list.tracked === undefined ? (
          <p className="muted">Loading…</p>
        ) : list.tracked === 0 ? (
          <p className="muted">
            No applications yet. Track each one: the company, the role, where you found it, each interview
            round and the people you met. Debrief reminds you to send a thank-you note and to follow up.
          </p>
        ) : (
          <>
            <search className="tracker-tools">
              <Field
                id="tr-q"
                label="Search applications"
                hint="By company or role"
                type="search"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                className="grow"
              />
              <Field id="tr-status" label="Status">
                {(control) => (
                  <select
                    {...control}
                    value={state.status}
                    onChange={(e) => state.set({ status: e.target.value || undefined })}
                  >
                    <option value="">All</option>
                    {STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {statusLabel(s)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <fieldset className="view-switch">
                <legend className="visually-hidden">View</legend>
                {(['list', 'board'] as const).map((v) => (
                  <button
                    key={v}
                    type="button"
                    className={state.view === v ? 'chip on' : 'chip'}
                    aria-pressed={state.view === v}
                    onClick={() => state.set({ view: v === 'list' ? undefined : v })}
                  >
                    {v === 'list' ? 'List' : 'Board'}
                  </button>
                ))}
              </fieldset>
            </search>
            <p className="small muted" role="status" aria-live="polite">
              {filtered ? `${list.matching} of ${list.tracked} applications match.` : ''}
            </p>
            {filtered && items.length === 0 ? (
              <p>
                Nothing matches.{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setTyped('');
                    state.set({ q: undefined, status: undefined });
                  }}
                >
                  Clear the search
                </button>
              </p>
            ) : state.view === 'board' ? (
              <Board items={items} onMoved={reload} />
            ) : (
              <ApplicationTable items={items} />
            )}
            {list.more && (
              <button type="button" className="secondary" disabled={list.loadingMore} onClick={list.more}>
                {list.loadingMore
                  ? 'Loading…'
                  : `Show ${Math.min(PAGE_SIZE, list.matching - items.length)} more`}
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}

function ApplicationTable({ items }: { items: TrackerApp[] }) {
  return (
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
  const f = useSubmit(async (v) => {
    const a = await capi<TrackerApp>('POST', '/applications', {
      ...extraFrom(v),
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
                    {statusLabel(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <ExtraFields prefix="na" />
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
