import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  applications,
  atsEvents,
  atsWriteBacks,
  auditEvents,
  candidates,
  csvImports,
  emails,
  feedback,
  feedbackRequests,
  feedbackResponses,
  outbox,
  portalLinks,
  scorecardRatings,
  scorecards,
  trackerApplications,
} from '../../db/schema';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext, OtherActor } from '../context';
import { type CandidateRef, candidateRecords, findCandidate, refuseErased } from './candidate-records';
import { ERASED, personalWords, redactValue } from './redact';

export type EraseCandidateInput = CandidateRef & {
  /** The candidate's email address typed again, so that nobody erases the wrong person by a slip. */
  confirm: string;
};

/** The address an erased candidate keeps: unique in the organization, personal to nobody. */
export const erasedAddress = (candidateId: string) => `erased-${candidateId}@erased.invalid`;
export const ERASED_NAME = 'Erased candidate';

/**
 * Erases a candidate's personal data from the organization (GDPR Art. 17), on an admin's request: the admin types
 * the candidate's address again to confirm. See `eraseCandidateData` for what is removed and what stays.
 */
export async function eraseCandidate(ctx: AppContext, actor: Actor, input: EraseCandidateInput) {
  const result = await ctx.db.transaction(async (tx) => {
    const candidate = await findCandidate(tx, actor.organizationId, input, true);
    refuseErased(candidate);
    if (input.confirm.trim().toLowerCase() !== candidate.email.toLowerCase()) {
      throw new AppError(
        422,
        'confirmation-mismatch',
        "Type the candidate's email address exactly to confirm the erasure; nothing was erased",
      );
    }
    return eraseCandidateData(tx, actor.organizationId, candidate.id, actor, 'request');
  });
  return result;
}

/**
 * Removes, in the caller's transaction, everything personal the organization holds about one candidate, and appends
 * `candidate.erased` (naming no personal data):
 * - the candidate's name and address become placeholders (`erasedAt` is set);
 * - free text about them goes: the rejection note, scorecards' private notes, ratings' evidence and the reasons given
 *   for flags and redactions, the feedback's text, findings and evidence links, the justification of an override,
 *   the candidate's comment, question and the answer, the message of their request for feedback;
 * - the candidate page's links are deleted; open requests are declined;
 * - the emails sent to them, or naming them, lose their addresses and content; those not yet sent are cancelled and
 *   their jobs removed, as are other finished or waiting jobs that mention them;
 * - the audit events about them keep who did what and when, with their data's personal values replaced (an UPDATE
 *   the append-only trigger allows only inside this transaction, see migration 0011);
 * - a candidate workspace's link to the erased feedback is removed (the workspace belongs to its owner and stays).
 * What stays is what the dashboard counts: the applications with their stage, dates and rejection reason code, the
 * ratings as numbers, the feedback's status and dates, the candidate's usefulness rating and thanks.
 */
export async function eraseCandidateData(
  tx: Executor,
  organizationId: string,
  candidateId: string,
  by: Actor | OtherActor,
  why: 'request' | 'retention',
) {
  const org = organizationId;
  await tx.execute(sql`select set_config('debrief.erasure', 'on', true)`);
  const r = await candidateRecords(tx, org, candidateId);
  const appIds = r.applications.map((a) => a.application.id);
  const cardIds = r.scorecards.map((s) => s.id);
  const feedbackIds = r.feedback.map((f) => f.id);
  const words = personalWords(r.candidate.name, r.addresses);
  const wholeNeedles = [r.candidate.name.toLowerCase(), ...r.addresses].filter((n) => n.length >= 3);
  const now = new Date();
  const any = <T>(list: T[]) => list.length > 0;

  await tx
    .update(candidates)
    .set({ name: ERASED_NAME, email: erasedAddress(candidateId), erasedAt: now, retentionWarnedAt: null })
    .where(eq(candidates.id, candidateId));
  if (any(appIds)) {
    await tx.update(applications).set({ rejectionNote: null }).where(inArray(applications.id, appIds));
    await tx.delete(portalLinks).where(inArray(portalLinks.applicationId, appIds));
    await tx
      .update(feedbackRequests)
      .set({ message: null })
      .where(inArray(feedbackRequests.applicationId, appIds));
    await tx
      .update(feedbackRequests)
      .set({ status: 'declined', closedAt: now })
      .where(and(inArray(feedbackRequests.applicationId, appIds), eq(feedbackRequests.status, 'open')));
  }
  if (any(appIds)) {
    // What a connected ATS sent about them (its payload holds their name), and notes not yet written back to it.
    await tx
      .update(atsEvents)
      .set({ payload: {}, unmappedReason: null, error: null })
      .where(inArray(atsEvents.applicationId, appIds));
    await tx
      .update(atsWriteBacks)
      .set({ status: 'failed', lastError: 'The candidate was erased before the note was written' })
      .where(
        and(
          inArray(atsWriteBacks.applicationId, appIds),
          inArray(atsWriteBacks.status, ['queued', 'retrying']),
        ),
      );
  }
  if (any(cardIds)) {
    await tx.update(scorecards).set({ notes: null }).where(inArray(scorecards.id, cardIds));
    await tx
      .update(scorecardRatings)
      .set({ evidence: '', flagReason: null, redactionReason: null })
      .where(inArray(scorecardRatings.scorecardId, cardIds));
  }
  if (any(feedbackIds)) {
    await tx
      .update(feedback)
      .set({ body: '', findings: [], sentences: [], outline: null, overrideJustification: null })
      .where(inArray(feedback.id, feedbackIds));
    await tx
      .update(feedbackResponses)
      .set({ comment: null, question: null, answer: null })
      .where(inArray(feedbackResponses.feedbackId, feedbackIds));
    await tx
      .update(trackerApplications)
      .set({ feedbackId: null })
      .where(inArray(trackerApplications.feedbackId, feedbackIds));
  }

  // Emails: those to the candidate lose everything personal; others (to the team) that name them lose their content.
  const naming = or(
    ...wholeNeedles.map(
      (n) =>
        sql`(strpos(lower(${emails.subject}), ${n}) > 0 or strpos(lower(${emails.text}), ${n}) > 0 or strpos(lower(coalesce(${emails.html}, '')), ${n}) > 0)`,
    ),
  );
  const naming_ = await tx
    .select({ id: emails.id })
    .from(emails)
    .where(and(eq(emails.organizationId, org), naming));
  const toCandidate = new Set(r.emails.map((e) => e.id));
  const teamMail = naming_.map((e) => e.id).filter((id) => !toCandidate.has(id));
  const mailIds = [...toCandidate, ...teamMail];
  if (any(mailIds)) {
    const blank = { subject: ERASED, text: '', html: null, lastError: null, lastCode: null };
    if (toCandidate.size) {
      await tx
        .update(emails)
        .set({ ...blank, to: '', replyTo: null })
        .where(inArray(emails.id, [...toCandidate]));
    }
    if (teamMail.length) await tx.update(emails).set(blank).where(inArray(emails.id, teamMail));
    await tx
      .update(emails)
      .set({ status: 'failed', lastError: 'Erased before it was sent' })
      .where(and(inArray(emails.id, mailIds), inArray(emails.status, ['queued', 'retrying'])));
  }
  // A CSV file waiting in preview that holds their address: discarded, its content with it (a running import clears
  // its file when it finishes).
  if (any(r.addresses))
    await tx
      .update(csvImports)
      .set({ status: 'discarded', content: '', errors: [] })
      .where(
        and(
          eq(csvImports.organizationId, org),
          eq(csvImports.status, 'preview'),
          or(...r.addresses.map((a) => sql`strpos(lower(${csvImports.content}), ${a.toLowerCase()}) > 0`)),
        ),
      );
  // Jobs that carry those emails, or mention the candidate: gone, unless one is running this very moment.
  const mentions = [...mailIds, candidateId, ...appIds, ...feedbackIds, ...r.addresses];
  const jobs = await tx
    .delete(outbox)
    .where(
      and(
        ne(outbox.status, 'running'),
        or(
          any(mailIds) ? inArray(sql`${outbox.payload}->>'emailId'`, mailIds) : sql`false`,
          ...mentions.map((m) => sql`strpos(lower(${outbox.payload}::text), ${m.toLowerCase()}) > 0`),
          ...mentions.map(
            (m) => sql`strpos(lower(coalesce(${outbox.lastError}, '')), ${m.toLowerCase()}) > 0`,
          ),
        ),
      ),
    )
    .returning({ id: outbox.id });

  // The audit trail: events about the candidate, and any other event of the organization that names them.
  const named = await tx
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, org),
        or(
          ...wholeNeedles.map(
            (n) =>
              sql`(strpos(lower(${auditEvents.data}::text), ${n}) > 0 or strpos(lower(coalesce(${auditEvents.actorName}, '')), ${n}) > 0)`,
          ),
        ),
      ),
    );
  const eventIds = new Set([...r.audit.map((e) => e.id), ...named.map((e) => e.id)]);
  const events = eventIds.size
    ? await tx
        .select()
        .from(auditEvents)
        .where(inArray(auditEvents.id, [...eventIds]))
    : [];
  let redacted = 0;
  for (const e of events) {
    const data = redactValue(e.data, words) as Record<string, unknown>;
    const actorName =
      e.actorType === 'candidate' || wholeNeedles.some((n) => e.actorName?.toLowerCase().includes(n))
        ? null
        : e.actorName;
    if (JSON.stringify(data) === JSON.stringify(e.data) && actorName === e.actorName) continue;
    await tx.update(auditEvents).set({ data, actorName }).where(eq(auditEvents.id, e.id));
    redacted++;
  }
  await tx.execute(sql`select set_config('debrief.erasure', 'off', true)`);

  const summary = {
    applications: appIds.length,
    scorecards: cardIds.length,
    feedback: feedbackIds.length,
    emails: mailIds.length,
    jobsRemoved: jobs.length,
    auditEventsRedacted: redacted,
  };
  await recordAudit(tx, {
    organizationId: org,
    actor: by,
    action: 'candidate.erased',
    subjectType: 'candidate',
    subjectId: candidateId,
    data: { why, ...summary },
  });
  return { candidateId, erasedAt: now, ...summary };
}
