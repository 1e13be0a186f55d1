import { eq } from 'drizzle-orm';
import { organizations } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { RETENTION_WARNING_DAYS } from './retention';

/** The organization's retention period: months after the final decision that a rejected candidate's data is kept. */
export async function getRetentionSettings(ctx: AppContext, actor: Actor) {
  const [org] = await ctx.db
    .select({ retentionMonths: organizations.retentionMonths })
    .from(organizations)
    .where(eq(organizations.id, actor.organizationId));
  if (!org) throw notFound('Organization');
  return { retentionMonths: org.retentionMonths, warningDays: RETENTION_WARNING_DAYS };
}

/** An admin changes the retention period; audited with the old and the new value. */
export async function changeRetentionPeriod(
  ctx: AppContext,
  actor: Actor,
  input: { retentionMonths: number },
) {
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx
      .select({ retentionMonths: organizations.retentionMonths })
      .from(organizations)
      .where(eq(organizations.id, actor.organizationId))
      .for('update');
    if (!org) throw notFound('Organization');
    if (org.retentionMonths !== input.retentionMonths) {
      await tx
        .update(organizations)
        .set({ retentionMonths: input.retentionMonths })
        .where(eq(organizations.id, actor.organizationId));
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor,
        action: 'privacy.retention-changed',
        subjectType: 'organization',
        subjectId: actor.organizationId,
        data: { from: org.retentionMonths, to: input.retentionMonths },
      });
    }
    return { retentionMonths: input.retentionMonths, warningDays: RETENTION_WARNING_DAYS };
  });
}
