import type { organizations } from '../../db/schema';

export function presentOrganization(o: typeof organizations.$inferSelect) {
  return {
    id: o.id,
    name: o.name,
    deletion:
      o.deletionDueAt && o.deletionRequestedAt
        ? {
            dueAt: o.deletionDueAt.toISOString(),
            requestedAt: o.deletionRequestedAt.toISOString(),
            requestedBy: o.deletionRequestedBy,
          }
        : null,
  };
}
