import { and, eq, inArray } from 'drizzle-orm';
import { feedback, feedbackRequests } from '../../db/schema';
import { queueWebhookEvent } from '../../integrations/webhooks/events';
import { queueAtsWriteBack } from '../../integrations/write-back';
import type { DeliveryHooks } from '../../jobs/deliver-email';
import { recordAudit } from '../audit';

/**
 * When a feedback email is sent the feedback is sent, and the audit trail keeps the exact text that went out. When it
 * fails for good the feedback is failed, with the server's answer, until someone sends it again.
 */
export const feedbackDelivery: DeliveryHooks = {
  async sent(tx, email) {
    if (!email.subjectId) return;
    const [row] = await tx
      .update(feedback)
      .set({ status: 'sent', sentAt: email.sentAt ?? new Date(), updatedAt: new Date() })
      .where(
        and(
          eq(feedback.id, email.subjectId),
          eq(feedback.emailId, email.id),
          inArray(feedback.status, ['approved', 'scheduled']),
        ),
      )
      .returning();
    if (!row) return;
    // A candidate who asked for feedback has it now.
    await tx
      .update(feedbackRequests)
      .set({ status: 'fulfilled', closedAt: new Date() })
      .where(and(eq(feedbackRequests.applicationId, row.applicationId), eq(feedbackRequests.status, 'open')));
    await recordAudit(tx, {
      organizationId: row.organizationId,
      actor: { type: 'system', name: 'Debrief mailer' },
      action: 'feedback.sent',
      subjectType: 'feedback',
      subjectId: row.id,
      applicationId: row.applicationId,
      data: { to: email.to, subject: email.subject, text: email.text, messageId: email.messageId },
    });
    await queueWebhookEvent(tx, {
      organizationId: row.organizationId,
      event: 'feedback.sent',
      data: {
        feedbackId: row.id,
        applicationId: row.applicationId,
        sentAt: row.sentAt?.toISOString() ?? null,
      },
    });
    // An application from a connected ATS: the feedback is noted there too.
    await queueAtsWriteBack(tx, row);
  },
  async failed(tx, email) {
    if (!email.subjectId) return;
    const [row] = await tx
      .update(feedback)
      .set({ status: 'failed', updatedAt: new Date() })
      // Only the feedback's current message: a message it has since replaced (sent again) says nothing about it.
      .where(
        and(
          eq(feedback.id, email.subjectId),
          eq(feedback.emailId, email.id),
          inArray(feedback.status, ['approved', 'scheduled']),
        ),
      )
      .returning();
    if (!row) return;
    await recordAudit(tx, {
      organizationId: row.organizationId,
      actor: { type: 'system', name: 'Debrief mailer' },
      action: 'feedback.failed',
      subjectType: 'feedback',
      subjectId: row.id,
      applicationId: row.applicationId,
      data: { to: email.to, error: email.lastError, attempts: email.attempts },
    });
  },
};
