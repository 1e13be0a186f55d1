import { and, eq } from 'drizzle-orm';
import { trackerApplications } from '../../db/schema';
import { conflict } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';
import { loadTrackerApplication } from './workspace';

/**
 * Deletes a tracked application with its rounds and reminders; feedback logged against it stays in the inbox,
 * unlinked. One that holds feedback sent through Debrief stays as long as that feedback does (the inbox would only
 * bring it back): its rounds, notes and reminders can still be edited or deleted.
 */
export async function deleteApplication(ctx: AppContext, who: CandidateActor, input: { id: string }) {
  return ctx.db.transaction(async (tx) => {
    const app = await loadTrackerApplication(tx, who, input.id);
    if (app.feedbackId)
      throw conflict(
        'holds-debrief-feedback',
        'This application holds feedback sent to you through Debrief, so it stays; edit or delete its rounds and reminders instead',
      );
    await tx
      .delete(trackerApplications)
      .where(and(eq(trackerApplications.id, input.id), eq(trackerApplications.accountId, who.accountId)));
  });
}
