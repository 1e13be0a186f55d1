import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadOrganization } from '../load';
import { type CandidateRef, candidateRecords, findCandidate } from './candidate-records';
import { renderExportHtml } from './render-export';

/** Which version of the export's layout this is; it changes when a field's meaning does. */
export const SUBJECT_ACCESS_FORMAT = 'debrief-subject-access/1';

/**
 * A subject access export (GDPR Art. 15): everything the organization holds about one candidate, as JSON and as a
 * self-contained HTML document a person can read. Interviewers are named (the candidate met them) but their
 * addresses are left out. The request is audited (`privacy.exported`), naming the candidate by id only.
 */
export async function exportCandidateRecords(ctx: AppContext, actor: Actor, input: CandidateRef) {
  return ctx.db.transaction(async (tx) => {
    const found = await findCandidate(tx, actor.organizationId, input);
    const r = await candidateRecords(tx, actor.organizationId, found.id);
    const org = await loadOrganization(tx, actor.organizationId);

    const ratingsOf = (scorecardId: string) =>
      r.ratings
        .filter((x) => x.rating.scorecardId === scorecardId)
        .map(({ rating: x, criterion }) => ({
          criterion,
          rating: x.rating,
          evidence: x.evidence,
          flaggedRules: x.flaggedRules,
          flagReason: x.flagReason,
          flaggedAt: x.flaggedAt,
          redactedAt: x.redactedAt,
          redactionReason: x.redactionReason,
        }));
    const document = {
      format: SUBJECT_ACCESS_FORMAT,
      exportedAt: new Date(),
      organization: { id: actor.organizationId, name: org?.name ?? '' },
      candidate: {
        id: r.candidate.id,
        name: r.candidate.name,
        email: r.candidate.email,
        createdAt: r.candidate.createdAt,
        erasedAt: r.candidate.erasedAt,
      },
      applications: r.applications.map(({ application: a, job }) => {
        const fb = r.feedback.find((f) => f.applicationId === a.id);
        const response = fb ? r.responses.find((x) => x.feedbackId === fb.id) : undefined;
        const request = r.requests.find((x) => x.applicationId === a.id);
        return {
          id: a.id,
          job: { title: job.title, status: job.status },
          stage: a.stage,
          appliedAt: a.createdAt,
          rejectedAt: a.rejectedAt,
          rejectedAtStage: a.rejectedAtStage,
          rejectionReason: a.rejectionReason,
          rejectionNote: a.rejectionNote,
          scorecards: r.scorecards
            .filter((s) => s.applicationId === a.id)
            .map((s) => ({
              id: s.id,
              stage: s.stage,
              interviewer: s.interviewerName,
              recommendation: s.recommendation,
              notes: s.notes,
              submittedAt: s.createdAt,
              ratings: ratingsOf(s.id),
            })),
          feedback: fb
            ? {
                id: fb.id,
                status: fb.status,
                body: fb.body,
                findings: fb.findings.map((f) => ({ rule: f.ruleId, severity: f.severity, text: f.text })),
                sendMode: fb.sendMode,
                sendAt: fb.sendAt,
                approvedAt: fb.approvedAt,
                sentAt: fb.sentAt,
                overrideJustification: fb.overrideJustification,
                createdAt: fb.createdAt,
                updatedAt: fb.updatedAt,
                response: response
                  ? {
                      useful: response.useful,
                      comment: response.comment,
                      thankedAt: response.thankedAt,
                      question: response.question,
                      questionAskedAt: response.questionAskedAt,
                      answer: response.answer,
                      answeredAt: response.answeredAt,
                      futureRoles: response.futureRoles,
                    }
                  : null,
              }
            : null,
          feedbackRequest: request
            ? {
                message: request.message,
                status: request.status,
                createdAt: request.createdAt,
                dueAt: request.dueAt,
                closedAt: request.closedAt,
              }
            : null,
          candidatePageLinks: r.portalLinks
            .filter((l) => l.applicationId === a.id)
            .map((l) => ({ createdAt: l.createdAt, expiresAt: l.expiresAt })),
        };
      }),
      emails: r.emails.map((e) => ({
        to: e.to,
        subject: e.subject,
        text: e.text,
        purpose: e.purpose,
        status: e.status,
        createdAt: e.createdAt,
        sentAt: e.sentAt,
        attempts: e.attempts,
        lastError: e.lastError,
      })),
      auditEvents: r.audit.map((e) => ({
        at: e.at,
        actor: { type: e.actorType, name: e.actorName },
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        applicationId: e.applicationId,
        data: e.data,
      })),
    };
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'privacy.exported',
      subjectType: 'candidate',
      subjectId: r.candidate.id,
      data: { applications: r.applications.length, emails: r.emails.length, auditEvents: r.audit.length },
    });
    return { document, html: renderExportHtml(document) };
  });
}

export type SubjectAccessExport = Awaited<ReturnType<typeof exportCandidateRecords>>['document'];
