import { eq, inArray } from 'drizzle-orm';
import { feedback, loggedFeedback, planActions, trackerApplications } from '../../db/schema';
import { gapsOfFeedback, type PlanSource, planThemes, remindersFor } from '../../domain/themes';
import type { AppContext, CandidateActor } from '../context';
import { listInbox } from './list-inbox';

/**
 * The improvement plan: every piece of feedback (from Debrief, if the address is confirmed, logged by hand, and the
 * reasons noted in the tracker) read as gaps, each with one theme from what fell short (never the employer's advice);
 * themes merged across sources and ranked by how many rejections name them, recurring ones first, each quoting what
 * was observed; the actions; and, for each application still in progress, the open actions on the themes that role
 * needs.
 */
export async function getImprovementPlan(ctx: AppContext, who: CandidateActor) {
  const db = ctx.db;
  const apps = await db
    .select()
    .from(trackerApplications)
    .where(eq(trackerApplications.accountId, who.accountId));
  const companyOf = new Map(apps.map((a) => [a.id, a.company]));
  const sources: PlanSource[] = [];
  if (who.verified) {
    const inbox = await listInbox(ctx, who);
    const linked = inbox.length
      ? await db
          .select({ id: feedback.id, sentences: feedback.sentences })
          .from(feedback)
          .where(
            inArray(
              feedback.id,
              inbox.map((i) => i.id),
            ),
          )
      : [];
    const sentencesOf = new Map(linked.map((l) => [l.id, l.sentences]));
    for (const item of inbox)
      sources.push({
        id: item.id,
        kind: 'debrief',
        applicationId: item.applicationId,
        company: item.organization,
        gaps: gapsOfFeedback(item.body, sentencesOf.get(item.id) ?? []),
      });
  }
  for (const l of await db.select().from(loggedFeedback).where(eq(loggedFeedback.accountId, who.accountId))) {
    sources.push({
      id: l.id,
      kind: 'logged',
      applicationId: l.applicationId,
      company: l.applicationId ? (companyOf.get(l.applicationId) ?? null) : null,
      gaps: gapsOfFeedback(l.text),
    });
  }
  for (const a of apps)
    if (a.reason && a.status === 'rejected')
      sources.push({
        id: a.id,
        kind: 'reason',
        applicationId: a.id,
        company: a.company,
        gaps: gapsOfFeedback(a.reason),
      });

  const themes = planThemes(sources);

  const actions = await db.select().from(planActions).where(eq(planActions.accountId, who.accountId));
  const open = actions.map((a) => ({
    id: a.id,
    theme: a.theme,
    title: a.title,
    due: a.dueOn,
    done: Boolean(a.doneAt),
  }));
  const upcoming = apps
    .filter((a) => a.status === 'applied' || a.status === 'interviewing')
    .map((a) => ({
      applicationId: a.id,
      company: a.company,
      role: a.role,
      reminders: remindersFor(a.role, a.notes ?? undefined, open),
    }))
    .filter((u) => u.reminders.length);
  return { themes, actions, upcoming };
}
