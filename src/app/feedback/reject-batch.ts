import { and, asc, eq, sql } from 'drizzle-orm';
import { anyOf } from '../../db/any-of';
import type { Database, Db, Executor } from '../../db/client';
import { insertJsonRows } from '../../db/json-rows';
import { preparedQuery } from '../../db/prepared';
import {
  applications,
  candidates,
  criteria,
  feedback,
  jobs,
  organizations,
  scorecardRatings,
  scorecards,
} from '../../db/schema';
import {
  type ComposedFeedback,
  type ComposeInput,
  ComposeMemo,
  composeFeedback,
} from '../../domain/compose-feedback';
import { rejectionRefusal } from '../../domain/pipeline';
import type { RejectionReason } from '../../domain/rejection-reasons';
import { type AuditEntry, recordAudits } from '../audit';
import type { Actor } from '../context';
import { draftedAuditData, rejectedAuditData, rejectionInput } from './reject-application';

/**
 * How many applications one transaction of a bulk rejection takes. On the embedded database a transaction holds the
 * whole database, so a batch is short enough that other requests wait little; on PostgreSQL it locks only its own
 * applications, and a larger batch makes fewer round trips a draft.
 */
export function rejectionBatch(engine: Database['engine']): number {
  return engine === 'postgres' ? 50 : 20;
}

/** What became of one application of a batch. */
export type BatchOutcome =
  | { applicationId: string; rejected: true; feedbackId: string }
  | {
      applicationId: string;
      rejected: false;
      code: string;
      message: string;
      candidateName: string | null;
      feedbackId: string | null;
      rejectionReason: string | null;
      rejectedAt: Date | null;
    };

/** The list of ids a batch's read is run with, as one array parameter (`anyOf`). */
const batchIds = sql.placeholder('ids');

// The batch's four reads, built once for the process and prepared on each handle (`preparedQuery`): a batch reads
// twice, the second time in its own transaction. Only the columns the drafts and the outcomes are made of.
const buildBatchApplications = (ex: Executor) =>
  ex
    .select({
      application: {
        id: applications.id,
        stage: applications.stage,
        rejectionReason: applications.rejectionReason,
        rejectedAt: applications.rejectedAt,
      },
      candidate: { name: candidates.name },
      job: { id: jobs.id, title: jobs.title },
      organizationName: organizations.name,
      organizationJurisdictions: organizations.jurisdictions,
      organizationVoice: organizations.feedbackVoice,
      feedbackId: feedback.id,
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(feedback, eq(feedback.applicationId, applications.id))
    .where(
      and(
        eq(applications.organizationId, sql.placeholder('organizationId')),
        anyOf(applications.id, batchIds),
      ),
    )
    .orderBy(asc(applications.id));
const batchApplications = preparedQuery(buildBatchApplications);
const lockedBatchApplications = preparedQuery((ex) =>
  buildBatchApplications(ex).for('update', { of: applications }),
);
const batchScorecards = preparedQuery((ex) =>
  ex
    .select({
      id: scorecards.id,
      applicationId: scorecards.applicationId,
      stage: scorecards.stage,
      interviewerName: scorecards.interviewerName,
      notes: scorecards.notes,
    })
    .from(scorecards)
    .where(anyOf(scorecards.applicationId, batchIds))
    .orderBy(asc(scorecards.createdAt)),
);
const batchRatings = preparedQuery((ex) =>
  ex
    .select({
      scorecardId: scorecardRatings.scorecardId,
      criterionId: scorecardRatings.criterionId,
      rating: scorecardRatings.rating,
      evidence: scorecardRatings.evidence,
      redactedAt: scorecardRatings.redactedAt,
      flaggedRules: scorecardRatings.flaggedRules,
    })
    .from(scorecardRatings)
    .where(anyOf(scorecardRatings.scorecardId, batchIds)),
);
const batchCriteria = preparedQuery((ex) =>
  ex
    .select({
      id: criteria.id,
      jobId: criteria.jobId,
      name: criteria.name,
      description: criteria.description,
      practise: criteria.practise,
    })
    .from(criteria)
    .where(anyOf(criteria.jobId, batchIds))
    .orderBy(asc(criteria.position)),
);

/** A batch's applications with everything their drafts are composed from; locked when asked, in a transaction. */
async function loadBatch(ex: Executor, actor: Actor, ids: string[], reason: RejectionReason, lock: boolean) {
  const rows = await (lock ? lockedBatchApplications : batchApplications)(ex).execute({
    organizationId: actor.organizationId,
    ids,
  });
  const takeIds = rows.filter((r) => !rejectionRefusal(r.application.stage)).map((r) => r.application.id);
  const cards = takeIds.length ? await batchScorecards(ex).execute({ ids: takeIds }) : [];
  const ratings = cards.length ? await batchRatings(ex).execute({ ids: cards.map((c) => c.id) }) : [];
  const jobIds = [...new Set(rows.map((r) => r.job.id))];
  const jobCriteria = jobIds.length ? await batchCriteria(ex).execute({ ids: jobIds }) : [];
  // Grouped once, in the order read, rather than searched for each application.
  const cardsOf = groupBy(cards, (c) => c.applicationId);
  const ratingsOf = groupBy(ratings, (x) => x.scorecardId);
  const criteriaOf = groupBy(jobCriteria, (c) => c.jobId);
  return rows.map((r) => ({
    ...r,
    input: rejectionInput({
      organizationName: r.organizationName,
      organizationJurisdictions: r.organizationJurisdictions,
      organizationVoice: r.organizationVoice,
      job: r.job,
      candidate: r.candidate,
      reason,
      cards: (cardsOf.get(r.application.id) ?? []).map((c) => ({ ...c, ratings: ratingsOf.get(c.id) ?? [] })),
      criteria: criteriaOf.get(r.job.id) ?? [],
    }),
  }));
}

/**
 * Whether two readings of a draft's facts (plain data: strings, numbers, booleans, null, arrays and objects) are the
 * same: a draft is a function of its facts alone, so the same facts need no second composing. Compares in place what
 * comparing the two as JSON did, without writing either out.
 */
function sameFacts(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameFacts(a[i], b[i])) return false;
    return true;
  }
  // Anything but plain data (a Date, say) is taken as changed: composed again, never wrongly kept.
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype)
    return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!Object.hasOwn(y, k) || !sameFacts(x[k], y[k])) return false;
  return true;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Rejects a batch of applications for one reason, exactly as `rejectApplication` does one (the same composer,
 * checker, rows and audit events), with a handful of statements for the whole batch. The drafts are composed first,
 * outside any transaction and handing the event loop back between drafts; then one transaction locks the
 * applications, reads their scorecards, ratings and criteria again (three statements), composes again only a draft
 * whose facts changed meanwhile, and writes the rejections, the drafts and the audit events with one statement each,
 * then whatever `andThen` adds (the operation's progress). So the transaction, which on the embedded database holds
 * the whole database, is only statements. An application refused by the pipeline (an offer, a hire, a withdrawal, or
 * already rejected), or not found in the organization, is left as it is and its outcome says why.
 */
export async function rejectBatch(
  db: Db,
  actor: Actor,
  input: { applicationIds: string[]; reason: RejectionReason },
  andThen: (tx: Executor, outcomes: BatchOutcome[]) => Promise<void>,
): Promise<BatchOutcome[]> {
  const { reason, applicationIds } = input;
  // The batch's drafts share what the checker said of a note and how a note reads (the same note in two scorecards
  // is checked once); each letter is still its own facts' alone.
  const memo = new ComposeMemo();
  // Each draft composed outside the transaction, by application, with the facts it was composed from.
  const ready = new Map<string, { input: ComposeInput; composed: ComposedFeedback }>();
  for (const r of await loadBatch(db, actor, applicationIds, reason, false)) {
    if (rejectionRefusal(r.application.stage)) continue;
    ready.set(r.application.id, { input: r.input, composed: composeFeedback(r.input, memo) });
    await yieldToOthers();
  }
  return db.transaction(async (tx) => {
    const rows = await loadBatch(tx, actor, applicationIds, reason, true);
    const byId = new Map(rows.map((r) => [r.application.id, r]));
    const outcomes = new Map<string, BatchOutcome>();
    const take: typeof rows = [];
    for (const id of applicationIds) {
      const row = byId.get(id);
      const refusal = row ? rejectionRefusal(row.application.stage) : null;
      if (row && !refusal) {
        take.push(row);
        continue;
      }
      outcomes.set(id, {
        applicationId: id,
        rejected: false,
        code: refusal?.code ?? 'not-found',
        message: refusal?.message ?? 'Application not found',
        candidateName: row?.candidate.name ?? null,
        feedbackId: row?.feedbackId ?? null,
        rejectionReason: row?.application.rejectionReason ?? null,
        rejectedAt: row?.application.rejectedAt ?? null,
      });
    }
    if (take.length) {
      // A scorecard edited or a rating redacted since: that draft is composed again from what is there now.
      const composed = take.map((r) => {
        const first = ready.get(r.application.id);
        return first && sameFacts(first.input, r.input) ? first.composed : composeFeedback(r.input, memo);
      });
      const ids = take.map((r) => r.application.id);
      // Each keeps the stage it was rejected at: SET reads the row as it was.
      await tx
        .update(applications)
        .set({
          stage: 'rejected',
          rejectedAtStage: sql`${applications.stage}`,
          rejectionReason: reason.code,
          rejectionNote: null,
          rejectedAt: new Date(),
        })
        .where(anyOf(applications.id, ids));
      const drafts = await insertJsonRows(
        tx,
        feedback,
        take.map((r, i) => ({
          organizationId: actor.organizationId,
          applicationId: r.application.id,
          body: composed[i].body,
          findings: composed[i].findings,
          sentences: composed[i].sentences,
          outline: composed[i].sections,
        })),
        { id: feedback.id, applicationId: feedback.applicationId },
      );
      const draftOf = new Map(drafts.map((d) => [d.applicationId, d]));
      const events: AuditEntry[] = [];
      take.forEach((r, i) => {
        const applicationId = r.application.id;
        const draft = draftOf.get(applicationId);
        if (!draft) throw new Error('a draft of the batch was not written');
        events.push(
          {
            organizationId: actor.organizationId,
            actor,
            action: 'application.rejected',
            subjectType: 'application',
            subjectId: applicationId,
            applicationId,
            data: rejectedAuditData(reason.code, null, r.application.stage),
          },
          {
            organizationId: actor.organizationId,
            actor,
            action: 'feedback.drafted',
            subjectType: 'feedback',
            subjectId: draft.id,
            applicationId,
            // The body is the draft's, just written: the statement reads it from there (`draftBodies`).
            data: draftedAuditData(undefined, composed[i]),
          },
        );
        outcomes.set(applicationId, { applicationId, rejected: true, feedbackId: draft.id });
      });
      await recordAudits(tx, events, { draftBodies: true });
    }
    const all = applicationIds.map((id) => outcomes.get(id)!);
    await andThen(tx, all);
    return all;
  });
}

/** Lets the event loop serve what is waiting (requests, other jobs) between two batches. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
