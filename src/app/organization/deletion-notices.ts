import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { queueEmail } from '../../jobs/deliver-email';
import type { AppContext } from '../context';

/** Days between an admin's request to delete the organization and the erasure: any admin may cancel meanwhile. */
export const DELETION_GRACE_DAYS = 7;

/** Every admin who can still sign in: each is told of a deletion scheduled or cancelled. */
export function activeAdmins(tx: Executor, organizationId: string) {
  return tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.role, 'admin'),
        isNull(users.deactivatedAt),
        isNull(users.removedAt),
        isNotNull(users.passwordHash),
      ),
    );
}

export async function tellAdmins(
  tx: Executor,
  ctx: AppContext,
  org: { id: string; name: string },
  message: (admin: { name: string }) => { subject: string; text: string },
) {
  for (const admin of await activeAdmins(tx, org.id)) {
    await queueEmail(tx, ctx.jobs.deliverEmail, {
      organizationId: org.id,
      to: admin.email,
      ...message(admin),
    });
  }
}

export const firstName = (name: string) => name.split(' ')[0];
