import { and, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { conflict } from '../../lib/errors';

/**
 * One Debrief account per address, whatever its case (409 email-taken). Only said to someone who has shown they hold
 * the address (they opened a link sent to it), never in answer to a sign-up or an invitation.
 */
export async function assertEmailFree(tx: Executor, email: string): Promise<void> {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, isNotNull(users.passwordHash)));
  if (taken)
    throw conflict(
      'email-taken',
      `${email} already has a Debrief account, in another organization; sign in with it, or use another address`,
    );
}
