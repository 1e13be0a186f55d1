import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { candidates, feedback, type jobs, type organizations, users } from '../../db/schema';
import { normalizeVoice } from '../../domain/compose/voice';
import { feedbackHtml } from '../../domain/feedback-html';
import { queueEmail } from '../../jobs/deliver-email';
import type { AppContext } from '../context';
import { createPortalLink } from '../portal-links';

/** Why the message comes through Debrief, at the end of both parts of the email. */
export function viaDebriefFooter(organizationName: string, jobTitle: string): string[] {
  return [
    `You are receiving this because you applied to ${organizationName} for the ${jobTitle} role.`,
    `${organizationName} uses Debrief to send every candidate honest feedback; a person on the hiring team read and approved this message before it was sent.`,
  ];
}

export function feedbackSubject(jobTitle: string, organizationName: string) {
  return `Feedback on your application for ${jobTitle} at ${organizationName}`;
}

/** The sender's name on a feedback email: the organization's hiring team, through Debrief. */
export function feedbackSenderName(organizationName: string): string {
  return `${organizationName} hiring team via Debrief`;
}

/**
 * Queues the one email that carries a feedback to its candidate, with a fresh unguessable link to the candidate's
 * page (only its hash is kept; it expires). It comes from "<Organization> hiring team via Debrief", and a reply goes
 * to the person who approved it. Runs in the caller's transaction; `runAt` schedules the send.
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
  const [approver] = args.feedback.approvedBy
    ? await tx.select({ email: users.email }).from(users).where(eq(users.id, args.feedback.approvedBy))
    : [];
  // A reply goes to the address the organization set, or else to the reviewer who approved the letter.
  const replyTo = normalizeVoice(args.organization.feedbackVoice).replyTo ?? approver?.email;
  const link = await createPortalLink(tx, ctx, {
    organizationId: args.organization.id,
    applicationId: args.feedback.applicationId,
  });
  const subject = feedbackSubject(args.job.title, args.organization.name);
  const until = `The link works until ${link.expiresAt.toUTCString().slice(0, 16)}.`;
  const footer = viaDebriefFooter(args.organization.name, args.job.title);
  const text = [
    args.feedback.body.trim(),
    '',
    '—',
    `You can read this feedback online, rate how useful it was, or reply with a question: ${link.url}`,
    until,
    '',
    ...footer,
  ].join('\n');
  // The same letter as HTML (headings for the strength and each gap), sent with the text as a multipart message.
  const html = feedbackHtml(args.feedback.body, {
    title: subject,
    link: {
      url: link.url,
      text: 'Read this feedback online, rate how useful it was, or reply with a question',
      note: until,
    },
    footer,
  });
  const emailId = await queueEmail(
    tx,
    ctx.jobs.deliverEmail,
    {
      organizationId: args.organization.id,
      to: candidate.email,
      subject,
      text,
      html,
      fromName: feedbackSenderName(args.organization.name),
      ...(replyTo ? { replyTo } : {}),
      purpose: 'feedback',
      subjectId: args.feedback.id,
    },
    { runAt: args.runAt },
  );
  await tx.update(feedback).set({ emailId, updatedAt: new Date() }).where(eq(feedback.id, args.feedback.id));
  return { emailId };
}
