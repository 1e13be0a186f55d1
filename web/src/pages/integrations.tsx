import { useState } from 'react';
import { Link } from 'react-router';
import { api, can, formatDate, type Me } from '../api';
import type { components } from '../api/schema.generated';
import { ErrorNote } from '../components';
import { invalidate, useApi } from '../query';
import { Field, SubmitButton, useSubmit } from '../ui';
import { BackfillCard } from './integration-backfill';
import { eventName, PROVIDERS, type ProviderCard } from './integrations/providers';

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

/** Integrations (admins): one card per ATS: connect it, set its webhook up, test the key, watch what arrives. */
export function IntegrationsPage({ me }: { me: Me }) {
  const { data, error } = useApi<{ items: Integration[] }>('/integrations');
  if (!can(me, 'integrations.manage'))
    return (
      <>
        <h1>Integrations</h1>
        <p className="muted">Only an admin connects an applicant tracking system.</p>
      </>
    );
  return (
    <>
      <h1>Integrations</h1>
      <p className="muted">
        Connect your applicant tracking system: a rejection there becomes a checked feedback draft here, and
        the feedback you send is noted on the candidate there. Setup steps are in the integrations guide.
      </p>
      <ErrorNote error={error} />
      {!data ? (
        <p className="muted">Loading…</p>
      ) : (
        PROVIDERS.map((p) => {
          const connected = data.items.find((i) => i.provider === p.provider);
          return (
            <section key={p.provider} aria-label={`${p.label} integration`}>
              {connected ? <Connected c={connected} p={p} /> : <Connect p={p} />}
            </section>
          );
        })
      )}
    </>
  );
}

function Connect({ p }: { p: ProviderCard }) {
  const submit = useSubmit(async (v) => {
    await api('POST', '/integrations', {
      provider: p.provider,
      apiKey: v.apiKey,
      noteUserId: v.noteUserId?.trim() || null,
    });
    await invalidate('team', 'integrations');
  });
  return (
    <section className="card">
      <h2>Connect {p.label}</h2>
      <form onSubmit={submit.onSubmit}>
        <Field
          label={p.apiKey.label}
          name="apiKey"
          type="password"
          autoComplete="off"
          required
          hint={p.apiKey.hint}
        />
        {p.noteUser && (
          <Field
            label={p.noteUser.label}
            name="noteUserId"
            inputMode={p.noteUser.numeric ? 'numeric' : undefined}
            hint={p.noteUser.hint}
          />
        )}
        <SubmitButton submit={submit}>{`Connect ${p.label}`}</SubmitButton>
      </form>
    </section>
  );
}

function Connected({ c, p }: { c: Integration; p: ProviderCard }) {
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
  const head = `${c.provider}-head`;
  return (
    <>
      <section className="card" aria-labelledby={head}>
        <h2 id={head}>{p.label}</h2>
        <p>{p.webhookSteps}</p>
        <Field label="Endpoint URL" readOnly value={c.webhookUrl} onFocus={(e) => e.currentTarget.select()} />
        {c.webhookSecretFrom === 'provider' ? (
          <IssuedSecret c={c} p={p} />
        ) : (
          <Field
            label={p.secretLabel ?? 'Secret key'}
            readOnly
            value={c.webhookSecret}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
        <p className="small muted">
          API key {c.apiKeyHint}
          {c.noteUserId
            ? ` · notes written as ${p.label} user ${c.noteUserId}`
            : p.noteUser
              ? ' · no user set to write notes as'
              : ` · notes written as the API key's user`}
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
      {status && <StatusCard s={status} p={p} />}
      <BackfillCard connectionId={c.id} label={p.label} />
    </>
  );
}

/** The webhook secret the ATS issued: pasted here by the admin, shown again only by its last characters. */
function IssuedSecret({ c, p }: { c: Integration; p: ProviderCard }) {
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async (v) => {
    await api('PATCH', `/integrations/${c.id}`, { webhookSecret: v.webhookSecret });
    setSaved(true);
    await invalidate('team', 'integrations');
  });
  const issued = p.issuedSecret ?? { label: 'Webhook secret', hint: '' };
  return (
    <form onSubmit={save.onSubmit}>
      <Field label={issued.label} hint={issued.hint}>
        {(control) => (
          <textarea
            {...control}
            name="webhookSecret"
            rows={2}
            autoComplete="off"
            spellCheck={false}
            required
          />
        )}
      </Field>
      <p className="small muted">
        {c.webhookSecret ? `Tokens saved (ending ${c.webhookSecret.slice(1)}).` : 'No token saved yet.'}
      </p>
      <SubmitButton submit={save}>Save tokens</SubmitButton>
      {saved && (
        <p role="status" className="ok-note">
          Saved: {p.label}'s deliveries signed with these tokens are accepted.
        </p>
      )}
    </form>
  );
}

function StatusCard({ s, p }: { s: Status; p: ProviderCard }) {
  const c = s.integration;
  const waiting = s.waitingToRetry.events + s.waitingToRetry.notes;
  const id = (part: string) => `${c.provider}-${part}`;
  return (
    <>
      <section className="card" aria-labelledby={id('status')}>
        <h2 id={id('status')}>{p.label} status</h2>
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
      {s.reviewQueue.length > 0 && <ReasonQueue c={s.integration} s={s} p={p} />}
      <section className="card" aria-labelledby={id('events')}>
        <h2 id={id('events')}>Recent events</h2>
        {s.recentEvents.length === 0 ? (
          <p className="muted">No events yet. Reject a candidate in {p.label} to see one arrive.</p>
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
                  <td>{eventName(p, e.action)}</td>
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
        <section className="card" aria-labelledby={id('notes')}>
          <h2 id={id('notes')}>Notes written back</h2>
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

/** ATS reasons that map onto none of the organization's: pick one each, and the held rejections go on. */
function ReasonQueue({ c, s, p }: { c: Integration; s: Status; p: ProviderCard }) {
  const reasons = [...new Set(s.reviewQueue.map((e) => e.unmappedReason ?? ''))].filter(Boolean);
  const save = useSubmit(async (v) => {
    const added = Object.fromEntries(reasons.map((r, i) => [r, v[`r${i}`]]).filter(([, code]) => code));
    await api('PATCH', `/integrations/${c.id}`, { reasonMap: { ...c.reasonMap, ...added } });
    await invalidate('team', 'integrations');
  });
  const head = `${c.provider}-reasons`;
  return (
    <section className="card" aria-labelledby={head}>
      <h2 id={head}>Rejection reasons to map</h2>
      <p className="muted">
        These rejections are held: their {p.label} reason matches none of yours. Choose one for each and they
        are imported.
      </p>
      <form onSubmit={save.onSubmit}>
        {reasons.map((r, i) => (
          <Field key={r} label={`“${r}” (${s.reviewQueue.filter((e) => e.unmappedReason === r).length})`}>
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
