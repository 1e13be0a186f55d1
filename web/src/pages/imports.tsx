import { type ChangeEvent, type FormEvent, useState } from 'react';
import { ApiError, api, can, errorText, type Me } from '../api';
import type { components } from '../api/schema.generated';
import { ErrorNote } from '../components';
import { keyOf, useApi } from '../query';
import { queryClient } from '../session';

type Schemas = components['schemas'];
type CsvImport = Schemas['CsvImport'];
type ImportPreview = Schemas['ImportPreview'];
type ImportDetail = Schemas['ImportDetail'];
type RowError = Schemas['ImportRowError'];
type WebhookEndpoint = Schemas['WebhookEndpoint'];
type WebhookDeliveryLog = Schemas['WebhookDeliveryLog'];
type WebhookEventName = Schemas['WebhookEventName'];

const POLL_MS = 500;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Import from another ATS: download the template, upload a CSV file, read the preview (the first rows as they will
 * be imported, and every row error), correct and upload again, confirm, and watch the import's progress.
 */
export function ImportPage({ me }: { me: Me }) {
  const [preview, setPreview] = useState<ImportPreview>();
  const [importId, setImportId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [reason, setReason] = useState('');
  const progress = useApi<ImportDetail>(`/imports/${importId}`, {
    enabled: importId !== undefined,
    refetchInterval: (q) => (q.state.data?.import.status === 'running' ? POLL_MS : false),
  });
  const running = importId === undefined ? undefined : progress.data?.import;

  if (!can(me, 'imports.manage'))
    return (
      <>
        <h1>Import</h1>
        <p className="muted">Only an admin can import from another ATS.</p>
      </>
    );

  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setImportId(undefined);
    try {
      setPreview(
        await api<ImportPreview>('POST', '/imports', { fileName: file.name, content: await file.text() }),
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(e: FormEvent) {
    e.preventDefault();
    if (!preview) return;
    setBusy(true);
    setError(undefined);
    try {
      const started = await api<CsvImport>('POST', `/imports/${preview.import.id}/confirm`, {
        flagReason: reason.trim() || null,
      });
      queryClient.setQueryData(keyOf('team', `/imports/${started.id}`), { import: started, preview: null });
      setImportId(started.id);
      setPreview(undefined);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Import from another ATS</h1>
      <section className="card" aria-labelledby="upload-head">
        <h2 id="upload-head">Upload a CSV file</h2>
        <p className="muted">
          One row per application: the job, the candidate, the stage, and optionally one scorecard with a
          rating (1–4) and evidence for each criterion. Nothing is imported until you confirm the preview. The
          same candidate and job again updates the application instead of adding one.
        </p>
        <p>
          <a href="/api/v1/imports/template.csv" download>
            Download the template
          </a>
        </p>
        <label className="field">
          <span>CSV file</span>
          <input type="file" accept=".csv,text/csv" onChange={upload} disabled={busy} />
        </label>
        {busy && !preview && <p className="muted">Checking the file…</p>}
        <ErrorNote error={error} />
      </section>

      {preview && (
        <section className="card" aria-labelledby="preview-head">
          <h2 id="preview-head">Preview of {preview.import.fileName}</h2>
          <p>
            {plural(preview.import.totalRows, 'row')}
            {preview.newJobs.length > 0 &&
              `; new jobs: ${preview.newJobs.map((j) => `${j.title} (${j.criteria.join(', ') || 'no criteria'})`).join('; ')}`}
          </p>
          {preview.errorCount > 0 && (
            <>
              <p className="error" role="alert">
                {plural(preview.errorCount, 'error')} in the file. Correct{' '}
                {preview.errorCount === 1 ? 'it' : 'them'} and upload the file again; nothing has been
                imported.
              </p>
              <RowErrors caption="Errors" rows={preview.errors} />
            </>
          )}
          {preview.warnings.length > 0 && (
            <RowErrors
              caption="Evidence the checker flags (imported flagged, with your reason)"
              rows={preview.warnings}
            />
          )}
          {preview.rows.length > 0 && (
            <table className="import-preview">
              <caption>The first rows as they will be imported</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Job</th>
                  <th scope="col">Candidate</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Scorecard</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>
                      {r.job}
                      {r.jobIsNew && <span className="muted"> (new)</span>}
                    </td>
                    <td>
                      {r.candidate.name} · {r.candidate.email}
                    </td>
                    <td>{r.stage}</td>
                    <td>
                      {r.scorecard
                        ? `${r.scorecard.interviewerName ?? r.scorecard.interviewerEmail}, ${r.scorecard.stage}: ${r.scorecard.ratings
                            .map((x) => `${x.criterion} ${x.rating}${x.flagged ? ' (flagged)' : ''}`)
                            .join(', ')}`
                        : '—'}
                    </td>
                    <td>{r.action === 'create' ? 'Add' : 'Update'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.errorCount === 0 && preview.import.totalRows > 0 && (
            <form onSubmit={confirm}>
              {preview.warnings.length > 0 && (
                <label className="field">
                  <span>Why import the flagged evidence anyway</span>
                  <input
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    required
                    maxLength={500}
                  />
                </label>
              )}
              <button type="submit" disabled={busy}>
                {busy ? 'Starting…' : `Import ${plural(preview.import.totalRows, 'row')}`}
              </button>
            </form>
          )}
        </section>
      )}

      {running && <ImportProgress imp={running} lost={progress.error !== undefined} />}
    </>
  );
}

function RowErrors({ caption, rows }: { caption: string; rows: RowError[] }) {
  return (
    <table className="import-errors">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Column</th>
          <th scope="col">What to change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={`${e.row}:${e.column}:${e.message}`}>
            <td>{e.row}</td>
            <td>{e.column}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportProgress({ imp, lost }: { imp: CsvImport; lost: boolean }) {
  const s = imp.summary;
  return (
    <section
      className="card bulk-progress"
      aria-labelledby="progress-head"
      aria-busy={imp.status === 'running'}
    >
      <h2 id="progress-head">{imp.status === 'done' ? 'Import finished' : `Importing ${imp.fileName}`}</h2>
      <label htmlFor="import-progress">
        {imp.doneRows} of {imp.totalRows} rows imported
      </label>
      <progress id="import-progress" max={Math.max(imp.totalRows, 1)} value={imp.doneRows}>
        {imp.doneRows} of {imp.totalRows}
      </progress>
      {lost && (
        <p className="muted small">
          Lost contact with the server; still trying. The import goes on meanwhile.
        </p>
      )}
      {imp.status === 'done' && (
        <p className="ok-note" role="status">
          {plural(s.created, 'application')} added, {plural(s.updated, 'application')} updated,{' '}
          {plural(s.scorecards, 'scorecard')} recorded
          {s.flaggedRatings > 0 && ` (${plural(s.flaggedRatings, 'rating')} flagged)`}
          {s.jobsCreated > 0 && `, ${plural(s.jobsCreated, 'job')} created`}
          {s.skipped.length > 0 && `; ${plural(s.skipped.length, 'row')} skipped`}.
        </p>
      )}
      {s.skipped.length > 0 && <RowErrors caption="Rows skipped" rows={s.skipped} />}
      {imp.status === 'failed' && (
        <p className="error" role="alert">
          The import stopped: {imp.lastError}. Rows before {imp.doneRows + 2} were imported.
        </p>
      )}
    </section>
  );
}

const EVENTS: { name: WebhookEventName; label: string }[] = [
  { name: 'feedback.approved', label: 'Feedback approved' },
  { name: 'feedback.sent', label: 'Feedback sent' },
  { name: 'response.received', label: "A candidate's response" },
  { name: 'request.created', label: 'A candidate asks for feedback' },
];

/** Outbound webhooks: the endpoints, a new one (its secret shown once), each one's delivery log and a test event. */
export function WebhooksPage({ me }: { me: Me }) {
  const endpoints = useApi<{ items: WebhookEndpoint[] }>('/webhooks', {
    enabled: can(me, 'webhooks.manage'),
  });
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventName[]>(['feedback.sent']);
  const [secret, setSecret] = useState<string>();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<string>();

  if (!can(me, 'webhooks.manage'))
    return (
      <>
        <h1>Webhooks</h1>
        <p className="muted">Only an admin can manage webhooks.</p>
      </>
    );

  async function add(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      const r = await api<{ endpoint: WebhookEndpoint; secret: string }>('POST', '/webhooks', {
        url,
        events,
      });
      setSecret(r.secret);
      setUrl('');
      endpoints.reload();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <>
      <h1>Webhooks</h1>
      <section className="card" aria-labelledby="new-hook">
        <h2 id="new-hook">Add an endpoint</h2>
        <p className="muted">
          Debrief sends each chosen event as JSON, signed with the endpoint's secret (the Debrief-Signature
          header), and tries again with growing pauses until your endpoint answers 2xx.
        </p>
        <form onSubmit={add}>
          <label className="field">
            <span>URL</span>
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required />
          </label>
          <fieldset className="pick">
            <legend>Events</legend>
            {EVENTS.map((ev) => (
              <label key={ev.name}>
                <input
                  type="checkbox"
                  checked={events.includes(ev.name)}
                  onChange={(e) =>
                    setEvents(e.target.checked ? [...events, ev.name] : events.filter((x) => x !== ev.name))
                  }
                />{' '}
                {ev.label} <code>{ev.name}</code>
              </label>
            ))}
          </fieldset>
          <ErrorNote error={error} />
          <button type="submit" disabled={!events.length}>
            Add endpoint
          </button>
        </form>
        {secret && (
          <p className="ok-note" role="status">
            The signing secret, shown this once: <code>{secret}</code>
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="hooks-head">
        <h2 id="hooks-head">Endpoints</h2>
        <ErrorNote error={endpoints.error} />
        {endpoints.data?.items.length === 0 && <p className="muted">No endpoints yet.</p>}
        <ul className="plain">
          {endpoints.data?.items.map((ep) => (
            <li key={ep.id}>
              <b>{ep.url}</b> <span className="muted">{ep.events.join(', ')}</span>{' '}
              <button
                type="button"
                className="link"
                onClick={() => setOpen(open === ep.id ? undefined : ep.id)}
              >
                {open === ep.id ? 'Hide deliveries' : 'Deliveries'}
              </button>
              {open === ep.id && <DeliveryLog endpointId={ep.id} onRemoved={endpoints.reload} />}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function DeliveryLog({ endpointId, onRemoved }: { endpointId: string; onRemoved: () => void }) {
  const log = useApi<WebhookDeliveryLog>(`/webhooks/${endpointId}/deliveries`, {
    refetchInterval: (q) =>
      q.state.data?.deliveries.some((d) => d.status === 'queued' || d.status === 'retrying') ? 2000 : false,
  });
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);

  async function test() {
    setError(undefined);
    try {
      await api('POST', `/webhooks/${endpointId}/test`);
      setSent(true);
      log.reload();
    } catch (err) {
      setError(errorText(err));
    }
  }
  async function remove() {
    try {
      await api('DELETE', `/webhooks/${endpointId}`);
      onRemoved();
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <div>
      <button type="button" onClick={test}>
        Send test event
      </button>{' '}
      <button type="button" className="danger" onClick={remove}>
        Remove endpoint
      </button>
      {sent && <span role="status"> Test event queued.</span>}
      <ErrorNote error={error ?? log.error} />
      <table className="deliveries">
        <caption>Latest deliveries</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">Next try</th>
          </tr>
        </thead>
        <tbody>
          {log.data?.deliveries.map((d) => (
            <tr key={d.id}>
              <td>{d.event}</td>
              <td>{d.status}</td>
              <td>{d.attempts}</td>
              <td>{d.lastStatusCode ?? d.lastError ?? '—'}</td>
              <td>{d.nextAttemptAt ? new Date(d.nextAttemptAt).toLocaleString() : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
