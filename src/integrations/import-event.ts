import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../app/audit';
import { blocking, checkFeedbackText } from '../app/check-text';
import type { AppContext, IntegrationActor } from '../app/context';
import { rejectApplication } from '../app/feedback/reject-application';
import type { Db, Tx } from '../db/client';
import {
  type ApplicationStage,
  applications,
  atsConnections,
  atsEvents,
  atsLinks,
  candidates,
  criteria,
  type FlaggedRule,
  jobs,
  organizations,
  type Rating,
  scorecardRatings,
  scorecards,
} from '../db/schema';
import {
  leaningRecommendation,
  mapRejectionReason,
  scorecardStage,
  stageFromAts,
} from '../domain/ats-mapping';
import { APPLICATION_STAGES } from '../domain/vocabulary';
import { type JobDefinition, PermanentJobError } from '../jobs/runner';
import { AppError } from '../lib/errors';
import { errorMessage } from '../lib/logger';
import { adapterFor } from './adapters';
import { AtsRefusedError } from './ats-http';
import { knownReasonCodes, sealContext } from './connections';
import type { AtsAdapter, PulledApplication, PulledScorecard } from './provider';

const ORDER = (s: ApplicationStage) => APPLICATION_STAGES.indexOf(s);
const furthest = (a: ApplicationStage, b: ApplicationStage) => (ORDER(b) > ORDER(a) ? b : a);

/**
 * The job behind each webhook event: pulls the application, candidate, job, its stages and the scorecards through
 * the ATS's API (its adapter), then in one transaction creates or updates Debrief's job, candidate, application (the stage reached) and
 * scorecards, and for a rejection rejects the application so the usual draft is written and checked. An event older
 * than one already applied to the application changes nothing (events may arrive out of order).
 */
export function atsImportJob(getCtx: () => AppContext): JobDefinition<{ eventId: string }> {
  return {
    kind: 'ats.import-event',
    maxAttempts: 8,
    async handle({ eventId }, job) {
      const ctx = getCtx();
      const [event] = await ctx.db.select().from(atsEvents).where(eq(atsEvents.id, eventId));
      if (!event || !['queued', 'retrying'].includes(event.status)) return;
      const [connection] = await ctx.db
        .select()
        .from(atsConnections)
        .where(eq(atsConnections.id, event.connectionId));
      if (!connection) return;
      await ctx.db
        .update(atsEvents)
        .set({ attempts: sql`${atsEvents.attempts} + 1` })
        .where(eq(atsEvents.id, eventId));
      try {
        const adapter = adapterFor(connection.provider);
        const pulled = await adapter.pull(
          ctx,
          ctx.secrets.open(connection.apiKeySealed, sealContext(connection.id)),
          event,
        );
        const outcome = await ctx.db.transaction((tx) =>
          applyEvent(ctx, tx, adapter, connection, event, pulled),
        );
        job.logger.info('ATS event imported', { eventId, outcome: outcome.status });
      } catch (e) {
        // Trying again cannot help a refusal by the ATS (a bad key, a missing permission) or by Debrief (an
        // application with an offer is never rejected).
        const permanent =
          e instanceof PermanentJobError ||
          e instanceof AppError ||
          (e instanceof AtsRefusedError && e.status !== 408);
        const message = errorMessage(e);
        const last = permanent || job.attempt >= job.maxAttempts;
        await ctx.db
          .update(atsEvents)
          .set({
            status: last ? 'failed' : 'retrying',
            error: message,
            processedAt: last ? new Date() : null,
          })
          .where(eq(atsEvents.id, eventId));
        await ctx.db
          .update(atsConnections)
          .set({
            lastError: message,
            lastErrorAt: new Date(),
            ...(last ? { eventsFailed: sql`${atsConnections.eventsFailed} + 1` } : {}),
          })
          .where(eq(atsConnections.id, connection.id));
        if (permanent && !(e instanceof PermanentJobError))
          throw new PermanentJobError(message, { cause: e });
        throw e;
      }
    },
  };
}

type Connection = typeof atsConnections.$inferSelect;
type Event = typeof atsEvents.$inferSelect;

async function link(
  tx: Tx,
  connection: Connection,
  kind: 'job' | 'candidate' | 'application' | 'scorecard',
  externalId: number | string,
) {
  const [row] = await tx
    .select()
    .from(atsLinks)
    .where(
      and(
        eq(atsLinks.connectionId, connection.id),
        eq(atsLinks.kind, kind),
        eq(atsLinks.externalId, String(externalId)),
      ),
    );
  return row;
}

async function remember(
  tx: Tx,
  connection: Connection,
  kind: 'job' | 'candidate' | 'application' | 'scorecard',
  externalId: number | string,
  localId: string,
  extra: { externalParentId?: string; lastEventAt?: Date | null } = {},
) {
  await tx
    .insert(atsLinks)
    .values({
      connectionId: connection.id,
      organizationId: connection.organizationId,
      kind,
      externalId: String(externalId),
      localId,
      ...extra,
    })
    .onConflictDoNothing();
}

async function applyEvent(
  ctx: AppContext,
  tx: Tx,
  adapter: AtsAdapter,
  connection: Connection,
  event: Event,
  pulled: PulledApplication,
) {
  const orgId = connection.organizationId;
  const provider = adapter.provider;
  const actor: IntegrationActor = { type: 'system', name: adapter.label, organizationId: orgId };
  const { application: atsApp, candidate: atsCandidate, job: atsJob, stages, scorecards: atsCards } = pulled;
  // One import per application at a time: a lock on its key, held to the end of the transaction.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`ats:${connection.id}:application:${atsApp.externalId}`}))`,
  );
  const finish = async (status: 'imported' | 'superseded' | 'needs-reason', extra: Partial<Event> = {}) => {
    await tx
      .update(atsEvents)
      .set({ status, error: null, processedAt: new Date(), ...extra })
      .where(eq(atsEvents.id, event.id));
    if (status === 'imported')
      await tx
        .update(atsConnections)
        .set({ eventsImported: sql`${atsConnections.eventsImported} + 1` })
        .where(eq(atsConnections.id, connection.id));
    return { status };
  };

  const appLink = await link(tx, connection, 'application', atsApp.externalId);
  if (appLink?.lastEventAt && appLink.lastEventAt > event.occurredAt)
    return finish('superseded', { applicationId: appLink.localId });

  // The job.
  let jobLink = await link(tx, connection, 'job', atsJob.externalId);
  if (!jobLink) {
    const [created] = await tx.insert(jobs).values({ organizationId: orgId, title: atsJob.name }).returning();
    await remember(tx, connection, 'job', atsJob.externalId, created.id);
    jobLink = await link(tx, connection, 'job', atsJob.externalId);
  } else {
    await tx
      .update(jobs)
      .set({ title: atsJob.name })
      .where(and(eq(jobs.id, jobLink.localId), eq(jobs.organizationId, orgId)));
  }
  const jobId = jobLink!.localId;

  // The candidate: found by address within the organization, as a candidate added by hand is.
  const email = atsCandidate.email?.trim();
  if (!email)
    throw new PermanentJobError(
      `The candidate has no email address in ${adapter.label}: feedback could not reach them`,
    );
  const name = [atsCandidate.firstName, atsCandidate.lastName].filter(Boolean).join(' ').trim() || email;
  await tx.insert(candidates).values({ organizationId: orgId, name, email }).onConflictDoNothing();
  const [candidate] = await tx
    .select()
    .from(candidates)
    .where(and(eq(candidates.organizationId, orgId), sql`lower(${candidates.email}) = lower(${email})`));
  await remember(tx, connection, 'candidate', atsCandidate.externalId, candidate.id);

  // The stage reached, from the job's stages in the ATS's order.
  const stageOf = (ref: { id?: string; name?: string } | null | undefined): ApplicationStage => {
    const i = stages.findIndex((s) => (ref?.id && s.id === ref.id) || (ref?.name && s.name === ref.name));
    return stageFromAts(ref?.name ?? stages[i]?.name ?? '', i, stages.length);
  };
  const interviewStage = (card: PulledScorecard): ApplicationStage => {
    const ref = card.stage;
    const owner = stages.find(
      (s) =>
        (ref?.id && s.id === ref.id) ||
        s.interviews?.some(
          (i) =>
            (ref?.interviewId && i.id === ref.interviewId) ||
            (ref?.interviewName && i.name === ref.interviewName),
        ),
    );
    if (owner) return stageOf(owner);
    return ref?.name ? stageOf({ name: ref.name }) : 'interview';
  };
  let reached = stageOf(atsApp.currentStage);
  for (const card of atsCards) reached = furthest(reached, scorecardStage(interviewStage(card)));

  // The application.
  let applicationId = appLink?.localId;
  if (!applicationId) {
    await tx
      .insert(applications)
      .values({ organizationId: orgId, jobId, candidateId: candidate.id, stage: 'applied' })
      .onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.jobId, jobId), eq(applications.candidateId, candidate.id)));
    applicationId = row.id;
    await remember(tx, connection, 'application', atsApp.externalId, applicationId, {
      externalParentId: String(atsCandidate.externalId),
    });
    await recordAudit(tx, {
      organizationId: orgId,
      actor,
      action: 'application.created',
      subjectType: 'application',
      subjectId: applicationId,
      applicationId,
      data: { jobId, candidate: { name, email }, source: provider, externalApplicationId: atsApp.externalId },
    });
  }
  const [current] = await tx.select().from(applications).where(eq(applications.id, applicationId));
  await tx
    .update(atsLinks)
    .set({ lastEventAt: event.occurredAt })
    .where(
      and(
        eq(atsLinks.connectionId, connection.id),
        eq(atsLinks.kind, 'application'),
        eq(atsLinks.externalId, String(atsApp.externalId)),
      ),
    );

  // Scorecards not seen before, with their ratings; the checker reads imported evidence as it reads native evidence.
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
  const jobCriteria = await tx.select().from(criteria).where(eq(criteria.jobId, jobId));
  let imported = 0;
  const open = current.stage !== 'rejected' && current.stage !== 'withdrawn' && current.stage !== 'hired';
  let updated = 0;
  for (const card of open ? atsCards : []) {
    // A scorecard seen before is read again only when the ATS says it was edited since (while the application is
    // open: after the rejection, the feedback is written from what was there).
    const seen = await link(tx, connection, 'scorecard', card.externalId);
    const edited = seen && card.updatedAt && seen.lastEventAt && card.updatedAt > seen.lastEventAt;
    if (seen && !edited) continue;
    const rated: { criterionId: string; rating: Rating; evidence: string; flagged?: FlaggedRule[] }[] = [];
    for (const given of card.ratings) {
      let criterion = jobCriteria.find((c) => c.name.toLowerCase() === given.criterion.toLowerCase());
      if (!criterion) {
        [criterion] = await tx
          .insert(criteria)
          .values({
            organizationId: orgId,
            jobId,
            name: given.criterion,
            description: given.description ?? null,
            position: jobCriteria.length,
          })
          .returning();
        jobCriteria.push(criterion);
      }
      if (rated.some((r) => r.criterionId === criterion.id)) continue;
      const evidence = given.note.trim();
      const rules = blocking(checkFeedbackText(evidence, org.jurisdictions)).map((f) => ({
        ruleId: f.ruleId,
        category: f.category,
      }));
      rated.push({
        criterionId: criterion.id,
        rating: given.rating,
        evidence,
        ...(rules.length ? { flagged: rules } : {}),
      });
    }
    const notes = card.notes.trim();
    const values = {
      stage: scorecardStage(interviewStage(card)),
      interviewerName: card.interviewer,
      recommendation: card.recommendation ?? leaningRecommendation(rated.map((r) => r.rating)),
      notes: notes || null,
    };
    const [row] = seen
      ? await tx
          .update(scorecards)
          .set(values)
          .where(and(eq(scorecards.id, seen.localId), eq(scorecards.organizationId, orgId)))
          .returning()
      : await tx
          .insert(scorecards)
          .values({
            organizationId: orgId,
            applicationId,
            interviewerId: null,
            interviewerEmail: '',
            submittedBy: null,
            ...values,
          })
          .returning();
    if (!row) continue;
    if (seen) await tx.delete(scorecardRatings).where(eq(scorecardRatings.scorecardId, row.id));
    if (rated.length)
      await tx.insert(scorecardRatings).values(
        rated.map((r) => ({
          organizationId: orgId,
          scorecardId: row.id,
          criterionId: r.criterionId,
          rating: r.rating,
          evidence: r.evidence,
          ...(r.flagged
            ? {
                flaggedRules: r.flagged,
                flagReason: `Imported from ${adapter.label} with a blocking finding: kept out of feedback`,
                flaggedAt: new Date(),
              }
            : {}),
        })),
      );
    if (seen)
      await tx
        .update(atsLinks)
        .set({ lastEventAt: card.updatedAt })
        .where(
          and(
            eq(atsLinks.connectionId, connection.id),
            eq(atsLinks.kind, 'scorecard'),
            eq(atsLinks.externalId, card.externalId),
          ),
        );
    else
      await remember(tx, connection, 'scorecard', card.externalId, row.id, {
        lastEventAt: card.updatedAt ?? null,
      });
    await recordAudit(tx, {
      organizationId: orgId,
      actor,
      action: seen ? 'scorecard.updated' : 'scorecard.submitted',
      subjectType: 'scorecard',
      subjectId: row.id,
      applicationId,
      data: {
        stage: row.stage,
        recommendation: row.recommendation,
        source: provider,
        externalScorecardId: card.externalId,
        flagged: rated.filter((r) => r.flagged).length,
        ...(seen ? { reimported: true } : {}),
      },
    });
    if (seen) {
      updated++;
      continue;
    }
    imported++;
  }

  // The stage reached moves forward only, and never out of an ending.
  if (open && ORDER(reached) > ORDER(current.stage) && ORDER(reached) <= ORDER('final')) {
    await tx.update(applications).set({ stage: reached }).where(eq(applications.id, applicationId));
  }

  if (isRejection(event) && atsApp.rejected && open) {
    const reasonName = atsApp.rejectionReason;
    const known = await knownReasonCodes(tx, orgId);
    const code = mapRejectionReason(reasonName, { ...adapter.reasonNames, ...connection.reasonMap }, known);
    if (!code)
      return finish('needs-reason', { applicationId, unmappedReason: reasonName ?? '(no reason given)' });
    await rejectApplication({ ...ctx, db: tx as unknown as Db }, actor, { applicationId, reason: code });
    await recordAudit(tx, {
      organizationId: orgId,
      actor,
      action: 'integration.rejection-imported',
      subjectType: 'application',
      subjectId: applicationId,
      applicationId,
      data: {
        provider,
        atsReason: reasonName,
        reason: code,
        scorecards: imported,
        scorecardsUpdated: updated,
      },
    });
  }
  return finish('imported', { applicationId });
}

/** Whether the stored event said the candidate was rejected (the parse step recorded it). */
function isRejection(event: Event): boolean {
  return (event.payload as { rejection?: unknown }).rejection === true || event.action === 'reject_candidate';
}
