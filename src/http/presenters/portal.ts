import type { feedback, feedbackRequests, feedbackResponses } from '../../db/schema';

/** What the candidate did on their page; the hiring team sees the same beside the feedback. */
export function presentCandidateResponse(r: typeof feedbackResponses.$inferSelect | null) {
  if (!r) return null;
  return {
    useful: r.useful,
    comment: r.comment,
    thanked: Boolean(r.thankedAt),
    question: r.question,
    answer: r.answer,
    futureRoles: r.futureRoles,
  };
}

export function presentPortalPage(p: {
  organization: { name: string };
  job: { title: string };
  feedback: typeof feedback.$inferSelect | null;
  response: typeof feedbackResponses.$inferSelect | null;
  request: typeof feedbackRequests.$inferSelect | null;
  canRequest: boolean;
}) {
  return {
    organization: { name: p.organization.name },
    job: { title: p.job.title },
    feedback: p.feedback ? { body: p.feedback.body, sentAt: p.feedback.sentAt?.toISOString() ?? null } : null,
    response: presentCandidateResponse(p.response),
    request: p.request
      ? {
          status: p.request.status,
          dueAt: p.request.dueAt.toISOString(),
          createdAt: p.request.createdAt.toISOString(),
        }
      : null,
    canRequest: p.canRequest,
  };
}
