import type { applications, candidates, criteria, jobs, scorecardRatings, scorecards } from '../../db/schema';
import { applicationStatus, mayEditScorecard } from '../../domain/pipeline';
import type { Role } from '../../domain/vocabulary';
import { presentJob } from './jobs';
import { presentRating } from './scorecards';
import { iso } from './shared';

export function presentApplication(
  a: Pick<
    typeof applications.$inferSelect,
    'id' | 'jobId' | 'stage' | 'rejectionReason' | 'rejectedAt' | 'createdAt'
  >,
  c: Pick<typeof candidates.$inferSelect, 'id' | 'name' | 'email'>,
  fb: { id: string | null; status: string | null } | null = null,
) {
  return {
    id: a.id,
    jobId: a.jobId,
    candidate: { id: c.id, name: c.name, email: c.email },
    stage: a.stage,
    status: applicationStatus(a.stage),
    rejectionReason: a.rejectionReason,
    rejectedAt: iso(a.rejectedAt),
    createdAt: a.createdAt.toISOString(),
    feedback: fb?.id ? { id: fb.id, status: fb.status ?? 'draft' } : null,
  };
}

/** The hiring team's private view of one application: its job, and its scorecards with ratings and notes. */
export function presentApplicationDetail(d: {
  application: typeof applications.$inferSelect;
  candidate: typeof candidates.$inferSelect;
  job: typeof jobs.$inferSelect;
  criteria: (typeof criteria.$inferSelect)[];
  feedback: { id: string; status: string } | null;
  scorecards: (typeof scorecards.$inferSelect & { ratings: (typeof scorecardRatings.$inferSelect)[] })[];
  interviewers: { id: string; name: string; email: string; role: Role }[];
  /** Who flagged or redacted evidence, by id. */
  people: { id: string; name: string }[];
  /** Scorecards the reader may not see yet (see `scorecards.read-before-own`). */
  scorecardsHidden: number;
  noticeSentAt: Date | null;
  request: { status: 'open' | 'fulfilled' | 'declined'; askedAt: Date; dueAt: Date } | null;
  /** Who reads it, to say which scorecards they may edit. */
  reader?: { userId: string; role: Role };
}) {
  const names = new Map(d.people.map((p) => [p.id, p.name]));
  return {
    ...presentApplication(d.application, d.candidate, d.feedback),
    job: presentJob(d.job, d.criteria),
    interviewers: d.interviewers,
    scorecards: d.scorecards.map((s) => ({
      id: s.id,
      stage: s.stage,
      interviewer: { id: s.interviewerId, name: s.interviewerName, email: s.interviewerEmail },
      recommendation: s.recommendation,
      notes: s.notes,
      createdAt: s.createdAt.toISOString(),
      editedAt: iso(s.editedAt),
      editable: d.reader ? mayEditScorecard(d.reader, s, d.application.stage) : false,
      ratings: s.ratings.map((r) => presentRating(r, names)),
    })),
    scorecardsHidden: d.scorecardsHidden,
    noticeSentAt: iso(d.noticeSentAt),
    request: d.request && {
      status: d.request.status,
      askedAt: d.request.askedAt.toISOString(),
      dueAt: d.request.dueAt.toISOString(),
    },
  };
}
