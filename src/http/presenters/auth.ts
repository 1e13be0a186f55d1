import type { organizations } from '../../db/schema';

export function presentOrganization(o: typeof organizations.$inferSelect) {
  return { id: o.id, name: o.name };
}
