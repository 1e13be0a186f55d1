import type { TrackerStatus } from '../../db/schema';
import { reminders, trackerApplications } from '../../db/schema';
import type { AppContext, CandidateActor } from '../context';
import { addDays, isAhead, isoDay, remindToAskForFeedback } from './workspace';

export interface ApplicationFields {
  company: string;
  role: string;
  source?: string | null;
  status?: TrackerStatus;
  appliedOn?: string | null;
  rejectedOn?: string | null;
  decisionFinal?: boolean | null;
  roleFilled?: boolean | null;
  reason?: string | null;
  recruiter?: { name: string; email?: string; phone?: string; agency?: string } | null;
  notes?: string | null;
  jobUrl?: string | null;
  salaryMin?: number | null;
  salaryMax?: number | null;
  salaryCurrency?: string | null;
}

/**
 * Tracks an application. A new one (applied today unless told) gets a reminder to follow up a week after applying,
 * unless that week has passed; one logged as already rejected gets a reminder to ask for feedback.
 */
export async function logApplication(ctx: AppContext, who: CandidateActor, input: ApplicationFields) {
  return ctx.db.transaction(async (tx) => {
    const status = input.status ?? 'applied';
    const [row] = await tx
      .insert(trackerApplications)
      .values({
        accountId: who.accountId,
        ...input,
        status,
        appliedOn: input.appliedOn ?? isoDay(new Date()),
        rejectedOn:
          status === 'rejected' ? (input.rejectedOn ?? isoDay(new Date())) : (input.rejectedOn ?? null),
      })
      .returning();
    if (status === 'applied' && isAhead(addDays(row.appliedOn!, 7))) {
      await tx.insert(reminders).values({
        accountId: who.accountId,
        applicationId: row.id,
        kind: 'follow-up',
        dueOn: addDays(row.appliedOn!, 7),
        text: `Follow up on your application to ${row.company} if you have not heard back.`,
      });
    }
    if (status === 'rejected') await remindToAskForFeedback(tx, who, row);
    return row;
  });
}
