import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { emails } from '../db/schema';
import type { Mailer } from '../mail/mailer';
import { enqueue, type JobDefinition } from './runner';

export interface EmailInput {
  organizationId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

type Payload = { emailId: string };

/** Records a message and the job that delivers it, in the caller's transaction. */
export async function queueEmail(
  tx: Executor,
  def: JobDefinition<Payload>,
  input: EmailInput,
  opts: { runAt?: Date } = {},
): Promise<string> {
  const [row] = await tx.insert(emails).values(input).returning({ id: emails.id });
  await enqueue(tx, def, { emailId: row.id }, { runAt: opts.runAt, dedupeKey: `email:${row.id}` });
  return row.id;
}

/**
 * Delivers one recorded message. A message already marked sent is never sent again; a failure is recorded and
 * rethrown so that the runner retries with backoff.
 */
export function deliverEmailJob(mailer: Mailer, messageDomain: string): JobDefinition<Payload> {
  return {
    kind: 'deliver-email',
    async handle({ emailId }, { db, logger }) {
      const [email] = await db.select().from(emails).where(eq(emails.id, emailId));
      if (!email || email.status === 'sent') return;
      const messageId = `<${email.id}@${messageDomain}>`;
      try {
        await mailer.send({
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId,
        });
      } catch (e) {
        await db
          .update(emails)
          .set({ attempts: sql`${emails.attempts} + 1`, lastError: (e as Error).message })
          .where(eq(emails.id, emailId));
        throw e;
      }
      await db
        .update(emails)
        .set({
          status: 'sent',
          sentAt: new Date(),
          messageId,
          attempts: sql`${emails.attempts} + 1`,
          lastError: null,
        })
        .where(eq(emails.id, emailId));
      logger.info('email sent', { emailId, via: mailer.kind });
    },
    async onFailed({ emailId }, _err, { db }) {
      await db.update(emails).set({ status: 'failed' }).where(eq(emails.id, emailId));
    },
  };
}
