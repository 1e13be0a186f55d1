import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../app/audit';
import { blocking, checkFeedbackText } from '../../app/check-text';
import type { AppContext, IntegrationActor } from '../../app/context';
import { rejectApplication } from '../../app/feedback/reject-application';
import type { Db, Tx } from '../../db/client';
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
} from '../../db/schema';
import {
  greenhouseRating,
  greenhouseRecommendation,
  mapRejectionReason,
  scorecardStage,
  stageFromAts,
} from '../../domain/ats-mapping';
import { APPLICATION_STAGES } from '../../domain/vocabulary';
import { type JobDefinition, PermanentJobError } from '../../jobs/runner';
import { AppError } from '../../lib/errors';
import { errorMessage } from '../../lib/logger';
import { knownReasonCodes, sealContext } from '../connections';
import {
  AtsRefusedError,
  type GhApplication,
  type GhCandidate,
  type GhJob,
  type GhJobStage,
  type GhScorecard,
  greenhouseClient,
} from './client';

/** What the webhook lacks, pulled from Harvest before anything is written. */
interface Pulled {
  application: GhApplication;
  candidate: GhCandidate;
  job: GhJob;
  stages: GhJobStage[];
  scorecards: GhScorecard[];
}

const ORDER = (s: ApplicationStage) => APPLICATION_STAGES.indexOf(s);
const furthest = (a: ApplicationStage, b: ApplicationStage) => (ORDER(b) > ORDER(a) ? b : a);

/**
 * The job behind each webhook event: pulls the application, candidate, job, its stages and the scorecards from
 * Harvest, then in one transaction creates or updates Debrief's job, candidate, application (the stage reached) and
 * scorecards, and for a rejection rejects the application so the usual draft is written and checked. An event older
 * than one already applied to the application changes nothing (events may arrive out of order).
 */
export function greenhouseImportJob(getCtx: () => AppContext): JobDefinition<{ eventId: string }> {
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
        const ghApplication = (event.payload as { payload?: { application?: { id: number } } }).payload
          ?.application;
        if (!ghApplication) throw new PermanentJobError('The event names no application');
        const client = greenhouseClient({
          baseUrl: ctx.config.GREENHOUSE_API_URL,
          apiKey: ctx.secrets.open(connection.apiKeySealed, sealContext(connection.id)),
        });
        const application = await client.application(ghApplication.id);
        const jobRef = application.jobs[0];
        if (!jobRef) throw new PermanentJobError('A prospect with no job: nothing to give feedback on');
        const [candidate, ghJob, stages, cards] = [
          await client.candidate(application.candidate_id),
          await client.job(jobRef.id),
          await client.jobStages(jobRef.id),
          await client.scorecards(application.id),
        ];
        const pulled: Pulled = { application, candidate, job: ghJob, stages, scorecards: cards };
        const outcome = await ctx.db.transaction((tx) => applyEvent(ctx, tx, connection, event, pulled));
        job.logger.info('ATS event imported', { eventId, outcome: outcome.status });
      } catch (e) {
        // Trying again cannot help a refusal by Greenhouse (a bad key, a missing permission) or by Debrief (an
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
  extra: { externalParentId?: string } = {},
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

async function applyEvent(ctx: AppContext, tx: Tx, connection: Connection, event: Event, pulled: Pulled) {
  const orgId = connection.organizationId;
  const actor: IntegrationActor = { type: 'system', name: 'Greenhouse', organizationId: orgId };
  const { application: ghApp, candidate: ghCandidate, job: ghJob, stages, scorecards: ghCards } = pulled;
  // One import per application at a time: a lock on its key, held to the end of the transaction.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`ats:${connection.id}:application:${ghApp.id}`}))`,
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

  const appLink = await link(tx, connection, 'application', ghApp.id);
  if (appLink?.lastEventAt && appLink.lastEventAt > event.occurredAt)
    return finish('superseded', { applicationId: appLink.localId });

  // The job.
  let jobLink = await link(tx, connection, 'job', ghJob.id);
  if (!jobLink) {
    const [created] = await tx.insert(jobs).values({ organizationId: orgId, title: ghJob.name }).returning();
    await remember(tx, connection, 'job', ghJob.id, created.id);
    jobLink = await link(tx, connection, 'job', ghJob.id);
  } else {
    await tx
      .update(jobs)
      .set({ title: ghJob.name })
      .where(and(eq(jobs.id, jobLink.localId), eq(jobs.organizationId, orgId)));
  }
  const jobId = jobLink!.localId;

  // The candidate: found by address within the organization, as a candidate added by hand is.
  const email = ghCandidate.email_addresses?.find((e) => e.value)?.value?.trim();
  if (!email)
    throw new PermanentJobError(
      'The candidate has no email address in Greenhouse: feedback could not reach them',
    );
  const name = [ghCandidate.first_name, ghCandidate.last_name].filter(Boolean).join(' ').trim() || email;
  await tx.insert(candidates).values({ organizationId: orgId, name, email }).onConflictDoNothing();
  const [candidate] = await tx
    .select()
    .from(candidates)
    .where(and(eq(candidates.organizationId, orgId), sql`lower(${candidates.email}) = lower(${email})`));
  await remember(tx, connection, 'candidate', ghCandidate.id, candidate.id);

  // The stage reached, from the job's stages in Greenhouse's order.
  const ordered = [...stages].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
  const stageOf = (stageId: number | undefined, stageName: string | undefined): ApplicationStage => {
    const i = ordered.findIndex((s) => s.id === stageId || s.name === stageName);
    return stageFromAts(stageName ?? ordered[i]?.name ?? '', i, ordered.length);
  };
  const interviewStage = (card: GhScorecard): ApplicationStage => {
    const stepId = card.interview_step?.id;
    const owner = ordered.find((s) =>
      s.interviews?.some((i) => i.id === stepId || i.name === card.interview),
    );
    return owner ? stageOf(owner.id, owner.name) : 'interview';
  };
  let reached = stageOf(ghApp.current_stage?.id, ghApp.current_stage?.name);
  for (const card of ghCards) reached = furthest(reached, scorecardStage(interviewStage(card)));

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
    await remember(tx, connection, 'application', ghApp.id, applicationId, {
      externalParentId: String(ghCandidate.id),
    });
    await recordAudit(tx, {
      organizationId: orgId,
      actor,
      action: 'application.created',
      subjectType: 'application',
      subjectId: applicationId,
      applicationId,
      data: { jobId, candidate: { name, email }, source: 'greenhouse', greenhouseApplicationId: ghApp.id },
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
        eq(atsLinks.externalId, String(ghApp.id)),
      ),
    );

  // Scorecards not seen before, with their ratings; the checker reads imported evidence as it reads native evidence.
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
  const jobCriteria = await tx.select().from(criteria).where(eq(criteria.jobId, jobId));
  let imported = 0;
  const open = current.stage !== 'rejected' && current.stage !== 'withdrawn' && current.stage !== 'hired';
  for (const card of open ? ghCards : []) {
    if (await link(tx, connection, 'scorecard', card.id)) continue;
    const rated: { criterionId: string; rating: Rating; evidence: string; flagged?: FlaggedRule[] }[] = [];
    for (const attr of card.attributes ?? []) {
      const rating = greenhouseRating(attr.rating);
      if (!rating) continue;
      let criterion = jobCriteria.find((c) => c.name.toLowerCase() === attr.name.toLowerCase());
      if (!criterion) {
        [criterion] = await tx
          .insert(criteria)
          .values({
            organizationId: orgId,
            jobId,
            name: attr.name,
            description: attr.type ?? null,
            position: jobCriteria.length,
          })
          .returning();
        jobCriteria.push(criterion);
      }
      if (rated.some((r) => r.criterionId === criterion.id)) continue;
      const evidence = (attr.note ?? '').trim();
      const rules = blocking(checkFeedbackText(evidence, org.jurisdictions)).map((f) => ({
        ruleId: f.ruleId,
        category: f.category,
      }));
      rated.push({
        criterionId: criterion.id,
        rating,
        evidence,
        ...(rules.length ? { flagged: rules } : {}),
      });
    }
    const notes = (card.questions ?? [])
      .filter((q) => q.answer && /key take-aways|private notes/i.test(q.question))
      .map((q) => `${q.question}: ${stripHtml(q.answer ?? '')}`)
      .join('\n');
    const interviewer = card.interviewer?.name ?? card.submitted_by?.name ?? 'Greenhouse interviewer';
    const [row] = await tx
      .insert(scorecards)
      .values({
        organizationId: orgId,
        applicationId,
        stage: scorecardStage(interviewStage(card)),
        interviewerId: null,
        interviewerName: interviewer,
        interviewerEmail: '',
        recommendation: greenhouseRecommendation(
          card.overall_recommendation,
          rated.map((r) => r.rating),
        ),
        notes: notes || null,
        submittedBy: null,
      })
      .returning();
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
                flagReason: 'Imported from Greenhouse with a blocking finding: kept out of feedback',
                flaggedAt: new Date(),
              }
            : {}),
        })),
      );
    await remember(tx, connection, 'scorecard', card.id, row.id);
    await recordAudit(tx, {
      organizationId: orgId,
      actor,
      action: 'scorecard.submitted',
      subjectType: 'scorecard',
      subjectId: row.id,
      applicationId,
      data: {
        stage: row.stage,
        recommendation: row.recommendation,
        source: 'greenhouse',
        greenhouseScorecardId: card.id,
        flagged: rated.filter((r) => r.flagged).length,
      },
    });
    imported++;
  }

  // The stage reached moves forward only, and never out of an ending.
  if (open && ORDER(reached) > ORDER(current.stage) && ORDER(reached) <= ORDER('final')) {
    await tx.update(applications).set({ stage: reached }).where(eq(applications.id, applicationId));
  }

  if (event.action === 'reject_candidate' && ghApp.status === 'rejected' && open) {
    const reasonName = ghApp.rejection_reason?.name ?? null;
    const known = await knownReasonCodes(tx, orgId);
    const code = mapRejectionReason(reasonName, connection.reasonMap, known);
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
      data: { provider: 'greenhouse', greenhouseReason: reasonName, reason: code, scorecards: imported },
    });
  }
  return finish('imported', { applicationId });
}

function stripHtml(text: string) {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
