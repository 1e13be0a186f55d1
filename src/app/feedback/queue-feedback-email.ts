import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { candidates, feedback, type jobs, type organizations } from '../../db/schema';
import { queueEmail } from '../../jobs/deliver-email';
import type { AppContext } from '../context';
import { createPortalLink } from '../portal-links';

export function feedbackSubject(jobTitle: string, organizationName: string) {
  return `Feedback on your application for ${jobTitle} at ${organizationName}`;
}

/**
 * Queues the one email that carries a feedback to its candidate, with a fresh unguessable link to the candidate's
 * page (only its hash is kept; it expires). Runs in the caller's transaction; `runAt` schedules the send.
 */
export async function queueFeedbackEmail(
  tx: Tx,
  ctx: AppContext,
  args: {
    feedback: typeof feedback.$inferSelect;
    job: typeof jobs.$inferSelect;
    organization: typeof organizations.$inferSelect;
    candidateId: string;
    runAt?: Date;
  },
) {
  const [candidate] = await tx.select().from(candidates).where(eq(candidates.id, args.candidateId));
  const link = await createPortalLink(tx, ctx, {
    organizationId: args.organization.id,
    applicationId: args.feedback.applicationId,
  });
  const text = [
    args.feedback.body.trim(),
    '',
    '—',
    `You can read this feedback online, rate how useful it was, or reply with a question: ${link.url}`,
    `The link works until ${link.expiresAt.toUTCString().slice(0, 16)}.`,
  ].join('\n');
  const emailId = await queueEmail(
    tx,
    ctx.jobs.deliverEmail,
    {
      organizationId: args.organization.id,
      to: candidate.email,
      subject: feedbackSubject(args.job.title, args.organization.name),
      text,
      purpose: 'feedback',
      subjectId: args.feedback.id,
    },
    { runAt: args.runAt },
  );
  await tx.update(feedback).set({ emailId, updatedAt: new Date() }).where(eq(feedback.id, args.feedback.id));
  return { emailId };
}
