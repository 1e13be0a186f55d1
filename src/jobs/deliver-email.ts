import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client';
import { emails } from '../db/schema';
import { OUTBOUND_EMAIL_LIMITS } from '../domain/policy';
import { AppError } from '../lib/errors';
import { type Mailer, sendFailure } from '../mail/mailer';
import { enqueue, type JobDefinition, PermanentJobError } from './runner';

export interface EmailInput {
  organizationId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The sender's display name; the address is the configured one. */
  fromName?: string;
  /** Where a reply goes. */
  replyTo?: string;
  /** What the message is for; a hook of that purpose runs when it is sent or fails for good. */
  purpose?: string;
  subjectId?: string;
}

type Payload = { emailId: string };
export type Email = typeof emails.$inferSelect;

/** What happens to the thing an email is about once the email is sent, or has failed for good. */
export interface DeliveryHooks {
  sent?(tx: Tx, email: Email): Promise<void>;
  failed?(tx: Tx, email: Email): Promise<void>;
}

async function withinLimits(tx: Executor, input: EmailInput) {
  const to = input.to.toLowerCase();
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`email-to:${to}`}))`);
  const [toAddress] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(emails)
    .where(and(sql`lower(${emails.to}) = ${to}`, gt(emails.createdAt, sql`now() - interval '1 day'`)));
  if ((toAddress?.n ?? 0) >= OUTBOUND_EMAIL_LIMITS.perAddressPerDay)
    throw new AppError(
      429,
      'email-limit',
      `${input.to} has been sent ${OUTBOUND_EMAIL_LIMITS.perAddressPerDay} emails by Debrief in the last day; try again tomorrow`,
    );
  if (!input.organizationId) return;
  const [fromOrganization] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(emails)
    .where(
      and(
        eq(emails.organizationId, input.organizationId),
        gt(emails.createdAt, sql`now() - interval '1 hour'`),
      ),
    );
  if ((fromOrganization?.n ?? 0) >= OUTBOUND_EMAIL_LIMITS.perOrganizationPerHour)
    throw new AppError(
      429,
      'email-limit',
      `Your organization has sent ${OUTBOUND_EMAIL_LIMITS.perOrganizationPerHour} emails in the last hour; try again later`,
    );
}

/**
 * Records a message and the job that delivers it, in the caller's transaction. Refuses (429, rolling the caller's
 * change back) a message over the outbound limits: per recipient a day, per organization an hour. The count is taken
 * under a transaction lock on the recipient, so concurrent requests cannot both slip under it.
 */
export async function queueEmail(
  tx: Executor,
  def: JobDefinition<Payload>,
  input: EmailInput,
  opts: { runAt?: Date } = {},
): Promise<string> {
  await withinLimits(tx, input);
  const [row] = await tx.insert(emails).values(input).returning({ id: emails.id });
  await enqueue(tx, def, { emailId: row.id }, { runAt: opts.runAt, dedupeKey: `email:${row.id}` });
  return row.id;
}

/**
 * Delivers one recorded message. A message already marked sent is never sent again. Each attempt's outcome is
 * recorded on the message (its status, the server's answer, the attempt count) for the people waiting on it. A
 * temporary failure is rethrown so that the runner retries with backoff; a permanent one (the server refused the
 * message or its address for good) fails the job at once.
 */
export function deliverEmailJob(
  mailer: Mailer,
  messageDomain: string,
  hooks: Record<string, DeliveryHooks> = {},
): JobDefinition<Payload> {
  return {
    kind: 'deliver-email',
    async handle({ emailId }, { db, logger, attempt, maxAttempts }) {
      const [email] = await db.select().from(emails).where(eq(emails.id, emailId));
      if (!email || email.status === 'sent') return;
      const messageId = `<${email.id}@${messageDomain}>`;
      // Accepted by the SMTP server on an earlier attempt that stopped before it finished (a crash): only finish.
      let file: string | undefined;
      if (!email.sentAt) {
        try {
          ({ file } = await mailer.send({
            to: email.to,
            subject: email.subject,
            text: email.text,
            html: email.html,
            fromName: email.fromName,
            replyTo: email.replyTo,
            messageId,
          }));
        } catch (e) {
          const failure = sendFailure(e);
          // The last attempt's status is left to onFailed, which marks the message failed with its hooks.
          const retrying = !failure.permanent && attempt < maxAttempts;
          await db
            .update(emails)
            .set({
              attempts: sql`${emails.attempts} + 1`,
              lastError: failure.answer,
              lastCode: failure.code,
              lastAttemptAt: new Date(),
              ...(retrying ? { status: 'retrying' as const } : {}),
            })
            .where(eq(emails.id, emailId));
          if (failure.permanent) throw new PermanentJobError(failure.answer, { cause: e });
          throw failure;
        }
        // The server's acceptance is recorded in its own commit at once: the window in which a crash could lead to
        // a second copy is this one statement. A receiver that sees the same Message-ID twice can drop the copy.
        await db
          .update(emails)
          .set({
            sentAt: new Date(),
            messageId,
            attempts: sql`${emails.attempts} + 1`,
            lastError: null,
            lastCode: null,
            lastAttemptAt: new Date(),
          })
          .where(eq(emails.id, emailId));
      }
      // The message is marked sent, and what it was about updated, in one transaction.
      await db.transaction(async (tx) => {
        const [sent] = await tx
          .update(emails)
          .set({ status: 'sent' })
          .where(eq(emails.id, emailId))
          .returning();
        if (sent.purpose) await hooks[sent.purpose]?.sent?.(tx, sent);
      });
      // Without SMTP the message is a file: its path (never its links) tells a newcomer where to open it.
      logger.info('email sent', { emailId, via: mailer.kind, ...(file ? { file } : {}) });
    },
    async onFailed({ emailId }, _err, { db }) {
      await db.transaction(async (tx) => {
        const [failed] = await tx
          .update(emails)
          .set({ status: 'failed' })
          .where(and(eq(emails.id, emailId), ne(emails.status, 'sent')))
          .returning();
        if (failed?.purpose) await hooks[failed.purpose]?.failed?.(tx, failed);
      });
    },
  };
}
