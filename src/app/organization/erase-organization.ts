import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  bulkOperations,
  emails,
  knownDevices,
  organizations,
  outbox,
  rateLimits,
  users,
} from '../../db/schema';
import type { JobDefinition } from '../../jobs/runner';

type Payload = { organizationId: string };

/**
 * Erases an organization whose deletion has fallen due (at `now`): every row of every table that has an
 * organization_id, and the outbox jobs that point at its messages and bulk operations, in one transaction. The audit
 * trail lets go of the organization's events only here: the transaction names the organization in a
 * transaction-local setting that the append-only trigger accepts. Returns false, and touches nothing, when the
 * deletion was cancelled, moved, or is not yet due.
 */
export async function eraseOrganizationIfDue(db: Db, organizationId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organizations.id, dueAt: organizations.deletionDueAt })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for('update');
    if (!org?.dueAt || org.dueAt > now) return false;
    await tx.execute(sql`select set_config('debrief.erasing_organization', ${org.id}, true)`);
    // Jobs are not the organization's rows, but some point at them: the messages still to send, the bulk operations.
    const emailIds = tx
      .select({ id: sql`${emails.id}::text` })
      .from(emails)
      .where(eq(emails.organizationId, org.id));
    const operationIds = tx
      .select({ id: sql`${bulkOperations.id}::text` })
      .from(bulkOperations)
      .where(eq(bulkOperations.organizationId, org.id));
    await tx
      .delete(outbox)
      .where(
        and(
          inArray(outbox.kind, ['deliver-email', 'reject-remaining']),
          sql`(${outbox.payload}->>'emailId' in (${emailIds}) or ${outbox.payload}->>'operationId' in (${operationIds}))`,
        ),
      );
    // The members' sign-in history is keyed by their address, not the organization: only accounts with a password
    // (an address signs in to one organization), so another organization's account at the same address keeps its own.
    const members = await tx
      .select({ id: users.id, email: sql<string>`lower(${users.email})` })
      .from(users)
      .where(and(eq(users.organizationId, org.id), isNotNull(users.passwordHash)));
    if (members.length) {
      const accounts = members.map((m) => `staff:${m.email}`);
      await tx.delete(knownDevices).where(inArray(knownDevices.account, accounts));
      await tx
        .delete(rateLimits)
        .where(
          inArray(rateLimits.bucket, [
            ...accounts.map((a) => `account:${a}`),
            ...members.map((m) => `password-change:staff:${m.id}`),
          ]),
        );
    }
    // The organization row takes every table that references it with it; then any table that carries
    // organization_id without a reference (the audit trail, and any table added later) is swept by name.
    await tx.delete(organizations).where(eq(organizations.id, org.id));
    const tables = await tx.execute<{ table_name: string }>(sql`
      select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.column_name = 'organization_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by c.table_name`);
    for (const { table_name } of rowsOf<{ table_name: string }>(tables)) {
      await tx.execute(sql`delete from ${sql.identifier(table_name)} where organization_id = ${org.id}`);
    }
    return true;
  });
}

/** drizzle's execute answers with `rows` on pg and PGlite alike; some drivers answer the array itself. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** The job queued for the day the deletion falls due; a cancelled deletion leaves it nothing to do. */
export const eraseOrganizationJob: JobDefinition<Payload> = {
  kind: 'erase-organization',
  maxAttempts: 5,
  async handle({ organizationId }, { db, logger }) {
    if (await eraseOrganizationIfDue(db, organizationId))
      logger.info('organization erased', { organizationId });
  },
};
