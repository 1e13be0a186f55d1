import type { BulkOperationItem, bulkOperations, criteria, jobs } from '../../db/schema';
import { iso } from './shared';

export const presentCriterion = (c: typeof criteria.$inferSelect) => ({
  id: c.id,
  name: c.name,
  description: c.description,
  practise: c.practise,
});

export function presentJob(
  j: typeof jobs.$inferSelect,
  crit: (typeof criteria.$inferSelect)[],
  counts?: Record<string, number>,
  heldUntilFilled?: number,
) {
  return {
    id: j.id,
    title: j.title,
    status: j.status,
    criteria: crit.map(presentCriterion),
    ...(counts
      ? {
          applications: {
            active: counts.active ?? 0,
            rejected: counts.rejected ?? 0,
            hired: counts.hired ?? 0,
            offer: counts.offer ?? 0,
            withdrawn: counts.withdrawn ?? 0,
          },
        }
      : {}),
    ...(heldUntilFilled === undefined ? {} : { heldUntilFilled }),
    createdAt: j.createdAt.toISOString(),
    closedAt: iso(j.closedAt),
  };
}

export function presentOperation(op: typeof bulkOperations.$inferSelect) {
  return {
    id: op.id,
    kind: op.kind,
    jobId: op.jobId,
    status: op.status,
    total: op.total,
    done: op.done,
    skipped: (op.results.skipped ?? []).map(presentItem),
    withFindings: (op.results.withFindings ?? []).map(presentItem),
    succeeded: op.results.succeeded ?? 0,
    waitingUntil: op.results.waitingUntil ?? null,
    createdAt: op.createdAt.toISOString(),
    finishedAt: op.finishedAt?.toISOString() ?? null,
  };
}

const presentItem = (i: BulkOperationItem) => ({
  applicationId: i.applicationId,
  feedbackId: i.feedbackId ?? null,
  candidateName: i.candidateName,
  code: i.code,
  message: i.message,
});
