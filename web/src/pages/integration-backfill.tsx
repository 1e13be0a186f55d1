import { api, formatDate } from '../api';
import type { components } from '../api/schema.generated';
import { ErrorNote } from '../components';
import { useApi } from '../query';
import { Field, SubmitButton, useSubmit } from '../ui';

type Backfill = components['schemas']['Backfill'];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Import past rejections: the last N days from the ATS, in the background, with their progress. Its element ids carry
 * the connection's, so two connected ATSs' cards never share one.
 */
export function BackfillCard({ connectionId, label }: { connectionId: string; label: string }) {
  const path = `/integrations/${connectionId}/backfills`;
  const { data, error, reload } = useApi<{ items: Backfill[] }>(path, {
    // Polled while the listing runs or what it queued is still being imported.
    refetchInterval: (q) => {
      const b = q.state.data?.items[0];
      return b && (b.status === 'running' || b.progress.waiting > 0) ? 2000 : false;
    },
  });
  const latest = data?.items[0];
  const running = latest?.status === 'running';
  const submit = useSubmit(async (v) => {
    const jobId = String(v.jobId ?? '').trim();
    await api('POST', path, { days: Number(v.days), ...(jobId ? { jobId } : {}) });
    await reload();
  });
  return (
    <section className="card" aria-labelledby={`backfill-head-${connectionId}`}>
      <h2 id={`backfill-head-${connectionId}`}>Past rejections</h2>
      <p className="muted">
        Rejections made in {label} before you connected it arrive here only if you import them. Each becomes a
        checked draft, once: rejections already in Debrief are skipped.
      </p>
      <form onSubmit={submit.onSubmit} className="inline-form">
        <Field
          id={`backfill-days-${connectionId}`}
          name="days"
          label="Days to look back"
          type="number"
          min={1}
          max={90}
          defaultValue={30}
          required
          hint="Up to 90 days."
        />
        <Field
          id={`backfill-job-${connectionId}`}
          name="jobId"
          label="ATS job id (optional)"
          pattern="[A-Za-z0-9_\-]{1,64}"
          maxLength={64}
          hint={`Only this job's rejections, by its id in ${label}. Leave empty for every job.`}
        />
        <SubmitButton submit={submit} disabled={running}>
          {running ? 'Importing…' : 'Import past rejections'}
        </SubmitButton>
      </form>
      <ErrorNote error={error} />
      {latest && <Progress b={latest} />}
    </section>
  );
}

function Progress({ b }: { b: Backfill }) {
  const settled = b.progress.imported + b.progress.needsReason + b.progress.failed;
  const parts = [
    `${b.progress.imported} imported`,
    b.progress.waiting ? `${b.progress.waiting} waiting` : '',
    b.progress.needsReason ? `${plural(b.progress.needsReason, 'reason')} to map` : '',
    b.progress.failed ? `${b.progress.failed} failed` : '',
  ].filter(Boolean);
  const forJob = b.jobId ? ` for job ${b.jobId}` : '';
  return (
    <div role="status" aria-live="polite" data-testid="backfill-progress">
      <p>
        {b.status === 'running'
          ? `Looking through ${b.days} days in the ATS${forJob}: ${plural(b.found, 'rejection')} found so far.`
          : b.status === 'done'
            ? `${plural(b.found, 'rejection')}${forJob} since ${formatDate(b.since)}; ${plural(b.queued, 'new one')} queued.`
            : `The import stopped: ${b.error ?? 'the ATS did not answer'}.`}
      </p>
      {b.queued > 0 && (
        <>
          <progress max={b.queued} value={Math.min(settled, b.queued)} aria-label="Imported so far" />
          <p className="small muted">{parts.join(' · ')}</p>
        </>
      )}
      {b.status === 'running' && b.error && <p className="small warn-note">Retrying: {b.error}</p>}
    </div>
  );
}
