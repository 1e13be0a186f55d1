import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  applications,
  auditEvents,
  candidates,
  criteria,
  emails,
  feedback,
  feedbackRequests,
  feedbackResponses,
  jobs,
  portalLinks,
  scorecardRatings,
  scorecards,
} from '../../db/schema';
import { AppError, notFound } from '../../lib/errors';

/** Whom a privacy request is about: a candidate of the organization, by address or by id. */
export type CandidateRef = { email: string } | { candidateId: string };

/** The organization's candidate with this address or id, locked when asked; another organization's is not found. */
export async function findCandidate(tx: Executor, organizationId: string, ref: CandidateRef, lock = false) {
  const which =
    'email' in ref
      ? sql`lower(${candidates.email}) = lower(${ref.email.trim()})`
      : eq(candidates.id, ref.candidateId);
  const q = tx
    .select()
    .from(candidates)
    .where(and(eq(candidates.organizationId, organizationId), which));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Candidate');
  return row;
}

const EMAIL_IN_TEXT = /[^\s"'<>(),;:]+@[^\s"'<>(),;:]+\.[a-z]{2,}/gi;

/** Every address found in a value (a nested event's data): a corrected address leaves the old one in the trail. */
function addressesIn(value: unknown, into: Set<string>) {
  if (typeof value === 'string') for (const m of value.match(EMAIL_IN_TEXT) ?? []) into.add(m.toLowerCase());
  else if (Array.isArray(value)) for (const v of value) addressesIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) addressesIn(v, into);
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const whenAny = <T>(list: T[], cond: (l: T[]) => SQL) => (list.length ? cond(list) : sql`false`);

/**
 * Everything one organization holds about one of its candidates, read in the caller's transaction: the candidate,
 * their applications (with the job), the scorecards with ratings, evidence and private notes, the feedback (drafts
 * and sent), the candidate's responses, ratings and questions, their requests for feedback, their page's links (when
 * made and until when; the links themselves are only ever stored hashed), the emails sent about them and every audit
 * event that concerns them. Both the subject access export and the erasure start from it, so they cover the same
 * records.
 */
export async function candidateRecords(tx: Executor, organizationId: string, candidateId: string) {
  const org = organizationId;
  const [candidate] = await tx
    .select()
    .from(candidates)
    .where(and(eq(candidates.id, candidateId), eq(candidates.organizationId, org)));
  if (!candidate) throw notFound('Candidate');

  const apps = await tx
    .select({ application: applications, job: { id: jobs.id, title: jobs.title, status: jobs.status } })
    .from(applications)
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .where(and(eq(applications.organizationId, org), eq(applications.candidateId, candidateId)))
    .orderBy(asc(applications.createdAt));
  const appIds = apps.map((a) => a.application.id);

  const cards = await tx
    .select()
    .from(scorecards)
    .where(
      and(
        eq(scorecards.organizationId, org),
        whenAny(appIds, (l) => inArray(scorecards.applicationId, l)),
      ),
    )
    .orderBy(asc(scorecards.createdAt));
  const cardIds = ids(cards);
  const ratings = await tx
    .select({ rating: scorecardRatings, criterion: criteria.name })
    .from(scorecardRatings)
    .innerJoin(criteria, eq(criteria.id, scorecardRatings.criterionId))
    .where(
      and(
        eq(scorecardRatings.organizationId, org),
        whenAny(cardIds, (l) => inArray(scorecardRatings.scorecardId, l)),
      ),
    )
    .orderBy(asc(criteria.position));

  const feedbackRows = await tx
    .select()
    .from(feedback)
    .where(
      and(
        eq(feedback.organizationId, org),
        whenAny(appIds, (l) => inArray(feedback.applicationId, l)),
      ),
    )
    .orderBy(asc(feedback.createdAt));
  const feedbackIds = ids(feedbackRows);
  const responses = await tx
    .select()
    .from(feedbackResponses)
    .where(
      and(
        eq(feedbackResponses.organizationId, org),
        whenAny(feedbackIds, (l) => inArray(feedbackResponses.feedbackId, l)),
      ),
    );
  const requests = await tx
    .select()
    .from(feedbackRequests)
    .where(
      and(
        eq(feedbackRequests.organizationId, org),
        whenAny(appIds, (l) => inArray(feedbackRequests.applicationId, l)),
      ),
    )
    .orderBy(asc(feedbackRequests.createdAt));
  const links = await tx
    .select({
      id: portalLinks.id,
      applicationId: portalLinks.applicationId,
      createdAt: portalLinks.createdAt,
      expiresAt: portalLinks.expiresAt,
    })
    .from(portalLinks)
    .where(
      and(
        eq(portalLinks.organizationId, org),
        whenAny(appIds, (l) => inArray(portalLinks.applicationId, l)),
      ),
    )
    .orderBy(asc(portalLinks.createdAt));

  const subjectIds = [candidateId, ...appIds, ...cardIds, ...feedbackIds];
  const audit = await tx
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, org),
        or(
          whenAny(appIds, (l) => inArray(auditEvents.applicationId, l)),
          inArray(auditEvents.subjectId, subjectIds),
        ),
      ),
    )
    .orderBy(asc(auditEvents.id));

  // The addresses the candidate was written to: the one on file, and any corrected one the trail remembers.
  const addresses = new Set([candidate.email.toLowerCase()]);
  const emailIds = new Set(feedbackRows.flatMap((f) => (f.emailId ? [f.emailId] : [])));
  for (const e of audit) {
    if (e.action.startsWith('candidate.') || e.action.startsWith('feedback.')) addressesIn(e.data, addresses);
    for (const k of ['emailId', 'previousEmailId']) {
      const v = e.data[k];
      if (typeof v === 'string') emailIds.add(v);
    }
  }
  const mail = await tx
    .select()
    .from(emails)
    .where(
      and(
        eq(emails.organizationId, org),
        or(
          inArray(sql`lower(${emails.to})`, [...addresses]),
          whenAny([...feedbackIds, ...appIds], (l) => inArray(emails.subjectId, l)),
          whenAny([...emailIds], (l) => inArray(emails.id, l)),
        ),
      ),
    )
    .orderBy(asc(emails.createdAt));

  return {
    candidate,
    applications: apps,
    scorecards: cards,
    ratings,
    feedback: feedbackRows,
    responses,
    requests,
    portalLinks: links,
    emails: mail,
    audit,
    addresses: [...addresses],
  };
}

export type CandidateRecords = Awaited<ReturnType<typeof candidateRecords>>;

/** Refuses a request about a candidate whose data is already erased. */
export function refuseErased(candidate: { erasedAt: Date | null }) {
  if (candidate.erasedAt) {
    throw new AppError(409, 'already-erased', "This candidate's personal data has already been erased");
  }
}
