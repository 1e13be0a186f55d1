import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { conflict } from '../../lib/errors';

/** One Debrief account per address, whatever its case (409 email-taken). */
export async function assertEmailFree(tx: Executor, email: string): Promise<void> {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  if (taken) throw conflict('email-taken', `A Debrief account already uses ${email}`);
}
