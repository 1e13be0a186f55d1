import { eq } from 'drizzle-orm';
import { reminders, trackerApplications, trackerRounds } from '../../db/schema';
import type { AppContext, CandidateActor } from '../context';
import { addDays, FINAL_STATUSES, isAhead, loadTrackerApplication } from './workspace';

export interface AddRoundInput {
  applicationId: string;
  stage: string;
  date: string;
  interviewers: { name: string; role?: string; email?: string; phone?: string }[];
  rapport?: number | null;
  notes?: string | null;
}

/**
 * An interview round on a tracked application: it moves to interviewing, and a thank-you note is due the next day,
 * unless that day has passed (a round logged late) or the application already has its outcome. The reminder is
 * linked to the round, so a corrected date moves it (updateRound).
 */
export async function addRound(ctx: AppContext, who: CandidateActor, input: AddRoundInput) {
  const { applicationId, ...round } = input;
  return ctx.db.transaction(async (tx) => {
    const app = await loadTrackerApplication(tx, who, applicationId);
    const [row] = await tx
      .insert(trackerRounds)
      .values({ accountId: who.accountId, applicationId, ...round, rapport: round.rapport ?? null })
      .returning();
    if (app.status === 'applied')
      await tx
        .update(trackerApplications)
        .set({ status: 'interviewing' })
        .where(eq(trackerApplications.id, applicationId));
    const due = addDays(round.date, 1);
    if (!isAhead(due) || FINAL_STATUSES.includes(app.status)) return row;
    const names = round.interviewers.map((i) => i.name).join(', ');
    await tx.insert(reminders).values({
      accountId: who.accountId,
      applicationId,
      roundId: row.id,
      kind: 'thank-you',
      dueOn: due,
      text: `Send a short thank-you note${names ? ` to ${names}` : ''} after your ${round.stage} at ${app.company}.`,
    });
    return row;
  });
}
