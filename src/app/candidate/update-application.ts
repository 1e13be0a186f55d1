import { eq } from 'drizzle-orm';
import { trackerApplications } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';
import type { ApplicationFields } from './log-application';
import {
  closeRoundReminders,
  FINAL_STATUSES,
  isoDay,
  loadTrackerApplication,
  remindToAskForFeedback,
} from './workspace';

/**
 * Changes a tracked application. The first move to rejected dates it and adds a reminder to ask for feedback; any
 * final outcome (rejected, offer, withdrawn) closes the open follow-up and thank-you reminders. A salary range stays
 * low to high when only one end of it changes.
 */
export async function updateApplication(
  ctx: AppContext,
  who: CandidateActor,
  input: { id: string } & Partial<ApplicationFields>,
) {
  const { id, ...patch } = input;
  return ctx.db.transaction(async (tx) => {
    const current = await loadTrackerApplication(tx, who, id);
    const low = patch.salaryMin === undefined ? current.salaryMin : patch.salaryMin;
    const high = patch.salaryMax === undefined ? current.salaryMax : patch.salaryMax;
    if (low != null && high != null && low > high)
      throw new AppError(400, 'invalid-request', `body.salaryMax: must not be below salaryMin (${low})`);
    const becomesRejected = patch.status === 'rejected' && current.status !== 'rejected';
    const [row] = await tx
      .update(trackerApplications)
      .set({ ...patch, ...(becomesRejected && !patch.rejectedOn ? { rejectedOn: isoDay(new Date()) } : {}) })
      .where(eq(trackerApplications.id, id))
      .returning();
    if (becomesRejected) await remindToAskForFeedback(tx, who, row);
    if (patch.status && FINAL_STATUSES.includes(patch.status) && !FINAL_STATUSES.includes(current.status))
      await closeRoundReminders(tx, id);
    return row;
  });
}
