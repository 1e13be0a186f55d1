import { useState } from 'react';
import { Link } from 'react-router';
import { api, can, formatDate, type Me } from '../api';
import type { components } from '../api/schema.generated';
import { ErrorNote } from '../components';
import { invalidate, useApi } from '../query';
import { Field, SubmitButton, useSubmit } from '../ui';
import { BackfillCard } from './integration-backfill';

type Integration = components['schemas']['Integration'];
type Status = components['schemas']['IntegrationStatus'];

const EVENT_STATUS: Record<string, string> = {
  queued: 'Waiting',
  retrying: 'Retrying',
  imported: 'Imported',
  ignored: 'Not used',
  superseded: 'Older than what Debrief has',
  'needs-reason': 'Reason to map',
  failed: 'Failed',
};

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Integrations (admins): connect Greenhouse, paste the webhook into it, test the key, watch what arrives. */
export function IntegrationsPage({ me }: { me: Me }) {
  const { data, error } = useApi<{ items: Integration[] }>('/integrations');
  if (!can(me, 'integrations.manage'))
    return (
      <>
        <h1>Integrations</h1>
        <p className="muted">Only an admin connects an applicant tracking system.</p>
      </>
    );
  const greenhouse = data?.items.find((i) => i.provider === 'greenhouse');
  return (
    <>
      <h1>Integrations</h1>
      <p className="muted">
        Connect your applicant tracking system: a rejection there becomes a checked feedback draft here, and
        the feedback you send is noted on the candidate there. Setup steps are in the integrations guide.
      </p>
      <ErrorNote error={error} />
      {!data ? <p className="muted">Loading…</p> : greenhouse ? <Connected c={greenhouse} /> : <Connect />}
    </>
  );
}

function Connect() {
  const submit = useSubmit(async (v) => {
    await api('POST', '/integrations', {
      provider: 'greenhouse',
      apiKey: v.apiKey,
      noteUserId: v.noteUserId?.trim() || null,
    });
    await invalidate('team', 'integrations');
  });
  return (
    <section className="card">
      <h2>Connect Greenhouse</h2>
      <form onSubmit={submit.onSubmit}>
        <Field
          id="gh-key"
          label="Harvest API key"
          name="apiKey"
          type="password"
          autoComplete="off"
          required
          hint="Greenhouse: Configure → Dev Center → API Credential Management → Create new API key (Harvest)."
        />
        <Field
          id="gh-user"
          label="Greenhouse user id to write notes as"
          name="noteUserId"
          inputMode="numeric"
          hint="The notes Debrief adds to a candidate's activity feed are posted on behalf of this user."
        />
        <SubmitButton submit={submit}>Connect Greenhouse</SubmitButton>
      </form>
    </section>
  );
}

function Connected({ c }: { c: Integration }) {
  const { data: status } = useApi<Status>(`/integrations/${c.id}/status`, { refetchInterval: 5000 });
  const [tested, setTested] = useState<{ ok: boolean; message: string }>();
  const test = useSubmit(async () => {
    setTested(await api('POST', `/integrations/${c.id}/test`));
    await invalidate('team', 'integrations');
  });
  const disconnect = useSubmit(async () => {
    await api('DELETE', `/integrations/${c.id}`);
    await invalidate('team', 'integrations');
  });
  return (
    <>
      <section className="card" aria-labelledby="gh-head">
        <h2 id="gh-head">Greenhouse</h2>
        <p>
          In Greenhouse, go to Configure → Dev Center → Webhooks and add a webhook for{' '}
          <b>Candidate or Prospect rejected</b> (and, if you like, <b>Candidate has changed stage</b>) with:
        </p>
        <Field
          id="gh-url"
          label="Endpoint URL"
          readOnly
          value={c.webhookUrl}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Field
          id="gh-secret"
          label="Secret key"
          readOnly
          value={c.webhookSecret}
          onFocus={(e) => e.currentTarget.select()}
        />
        <p className="small muted">
          API key {c.apiKeyHint}
          {c.noteUserId
            ? ` · notes written as Greenhouse user ${c.noteUserId}`
            : ' · no user set to write notes as'}
        </p>
        <div className="row-actions">
          <button type="button" onClick={() => test.run()} disabled={test.busy}>
            {test.busy ? 'Testing…' : 'Test connection'}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => disconnect.run()}
            disabled={disconnect.busy}
          >
            Disconnect
          </button>
        </div>
        <ErrorNote error={test.error ?? disconnect.error} />
        {tested && (
          <p role="status" className={tested.ok ? 'ok-note' : 'warn-note'}>
            {tested.message}
          </p>
        )}
      </section>
      {status && <StatusCard s={status} />}
      <BackfillCard connectionId={c.id} label="Greenhouse" />
    </>
  );
}

function StatusCard({ s }: { s: Status }) {
  const c = s.integration;
  const waiting = s.waitingToRetry.events + s.waitingToRetry.notes;
  return (
    <>
      <section className="card" aria-labelledby="gh-status">
        <h2 id="gh-status">Status</h2>
        <dl className="facts">
          <dt>Last event</dt>
          <dd>{c.lastEventAt ? formatDate(c.lastEventAt, true) : 'None yet'}</dd>
          <dt>Last error</dt>
          <dd>{c.lastError ? `${c.lastError} (${formatDate(c.lastErrorAt, true)})` : 'None'}</dd>
          <dt>Waiting to retry</dt>
          <dd>
            {waiting === 0
              ? 'Nothing'
              : `${count(s.waitingToRetry.events, 'event')}, ${count(s.waitingToRetry.notes, 'note')} to write back`}
          </dd>
        </dl>
        <p>
          {count(c.counts.received, 'event')} received · {c.counts.imported} imported · {c.counts.failed}{' '}
          failed · {count(c.counts.notesWritten, 'note')} written back
        </p>
      </section>
      {s.reviewQueue.length > 0 && <ReasonQueue c={s.integration} s={s} />}
      <section className="card" aria-labelledby="gh-events">
        <h2 id="gh-events">Recent events</h2>
        {s.recentEvents.length === 0 ? (
          <p className="muted">No events yet. Reject a candidate in Greenhouse to see one arrive.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Received</th>
                <th>Event</th>
                <th>Candidate</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {s.recentEvents.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.receivedAt, true)}</td>
                  <td>{e.action === 'reject_candidate' ? 'Rejected' : e.action.replaceAll('_', ' ')}</td>
                  <td>
                    {e.applicationId ? (
                      <Link to={`/applications/${e.applicationId}`}>{e.candidateName ?? 'Application'}</Link>
                    ) : (
                      (e.candidateName ?? '—')
                    )}
                  </td>
                  <td>
                    {EVENT_STATUS[e.status] ?? e.status}
                    {e.error ? <span className="small muted"> · {e.error}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {s.writeBacks.length > 0 && (
        <section className="card" aria-labelledby="gh-notes">
          <h2 id="gh-notes">Notes written back</h2>
          <ul>
            {s.writeBacks.map((w) => (
              <li key={w.id}>
                <Link to={`/applications/${w.applicationId}`}>{formatDate(w.createdAt, true)}</Link>:{' '}
                {w.status === 'written'
                  ? 'written'
                  : `${w.status} after ${w.attempts} attempts${w.lastError ? ` (${w.lastError})` : ''}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Greenhouse reasons that map onto none of the organization's: pick one each, and the held rejections go on. */
function ReasonQueue({ c, s }: { c: Integration; s: Status }) {
  const reasons = [...new Set(s.reviewQueue.map((e) => e.unmappedReason ?? ''))].filter(Boolean);
  const save = useSubmit(async (v) => {
    const added = Object.fromEntries(reasons.map((r, i) => [r, v[`r${i}`]]).filter(([, code]) => code));
    await api('PATCH', `/integrations/${c.id}`, { reasonMap: { ...c.reasonMap, ...added } });
    await invalidate('team', 'integrations');
  });
  return (
    <section className="card" aria-labelledby="gh-reasons">
      <h2 id="gh-reasons">Rejection reasons to map</h2>
      <p className="muted">
        These rejections are held: their Greenhouse reason matches none of yours. Choose one for each and they
        are imported.
      </p>
      <form onSubmit={save.onSubmit}>
        {reasons.map((r, i) => (
          <Field
            key={r}
            id={`reason-${i}`}
            label={`“${r}” (${s.reviewQueue.filter((e) => e.unmappedReason === r).length})`}
          >
            {(control) => (
              <select {...control} name={`r${i}`} defaultValue="">
                <option value="">Choose a reason…</option>
                {s.reasonCodes.map((code) => (
                  <option key={code}>{code}</option>
                ))}
              </select>
            )}
          </Field>
        ))}
        <SubmitButton submit={save}>Save mapping</SubmitButton>
      </form>
    </section>
  );
}
