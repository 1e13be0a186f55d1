import type { emails, feedback } from '../../db/schema';
import { iso } from './shared';

/**
 * An email's delivery as the hiring team sees it: its state, the address, the attempts so far and the mail server's
 * last answer when it refused ("550 5.1.1 mailbox unavailable"). Never the message's text or links.
 */
export function presentDelivery(e: typeof emails.$inferSelect | null) {
  if (!e) return null;
  return {
    status: e.status,
    to: e.to,
    attempts: e.attempts,
    lastAnswer: e.lastError,
    lastCode: e.lastCode,
    lastAttemptAt: iso(e.lastAttemptAt),
    sentAt: iso(e.sentAt),
  };
}

/**
 * The reviewer's view of feedback: the body, its findings, the evidence behind each sentence, and the delivery of its
 * email once one is queued.
 */
export function presentFeedback(
  f: typeof feedback.$inferSelect,
  email: typeof emails.$inferSelect | null = null,
) {
  const seen = new Set<string>();
  const evidence = f.sentences
    .flatMap((s) => s.evidence)
    .filter((e) => {
      const key = `${e.scorecardId}:${e.criterionId}:${e.excerpt}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return {
    id: f.id,
    applicationId: f.applicationId,
    status: f.status,
    body: f.body,
    findings: f.findings,
    evidence,
    sentences: f.sentences,
    outline: f.outline ?? null,
    sendMode: f.sendMode,
    sendAt: iso(f.sendAt),
    sentAt: iso(f.sentAt),
    approvedAt: iso(f.approvedAt),
    overrideJustification: f.overrideJustification,
    delivery: presentDelivery(email),
  };
}
