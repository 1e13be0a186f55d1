import type { feedback } from '../../db/schema';
import { iso } from './shared';

/** The reviewer's view of feedback: the body, its findings, and the evidence behind each sentence. */
export function presentFeedback(f: typeof feedback.$inferSelect) {
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
    sendMode: f.sendMode,
    sendAt: iso(f.sendAt),
    sentAt: iso(f.sentAt),
    approvedAt: iso(f.approvedAt),
    overrideJustification: f.overrideJustification,
  };
}
