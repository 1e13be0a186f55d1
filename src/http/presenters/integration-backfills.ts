import type { BackfillWithProgress } from '../../integrations/backfill';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentBackfill(b: BackfillWithProgress) {
  return {
    id: b.id,
    days: b.days,
    since: b.since.toISOString(),
    jobId: b.jobExternalId,
    status: b.status,
    found: b.found,
    queued: b.queued,
    progress: b.progress,
    error: b.error,
    createdAt: b.createdAt.toISOString(),
    finishedAt: iso(b.finishedAt),
  };
}
