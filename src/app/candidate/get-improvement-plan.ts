import { eq } from 'drizzle-orm';
import { loggedFeedback, planActions, trackerApplications } from '../../db/schema';
import { findTheme, remindersFor, summarizeThemes } from '../../domain/themes';
import type { AppContext, CandidateActor } from '../context';
import { listInbox } from './list-inbox';

/**
 * The improvement plan: every piece of feedback (from Debrief, if the address is confirmed, and logged by hand,
 * and the reasons noted in the tracker) mapped to themes and counted; the actions; and, for each application still
 * in progress, the open actions on the themes that role needs.
 */
export async function getImprovementPlan(ctx: AppContext, who: CandidateActor) {
  const db = ctx.db;
  const texts: {
    id: string;
    text: string;
    kind: 'debrief' | 'logged' | 'reason';
    applicationId: string | null;
  }[] = [];
  if (who.verified) {
    for (const item of await listInbox(ctx, who))
      texts.push({ id: item.id, text: item.body, kind: 'debrief', applicationId: item.applicationId });
  }
  for (const l of await db.select().from(loggedFeedback).where(eq(loggedFeedback.accountId, who.accountId))) {
    texts.push({ id: l.id, text: l.text, kind: 'logged', applicationId: l.applicationId });
  }
  const apps = await db
    .select()
    .from(trackerApplications)
    .where(eq(trackerApplications.accountId, who.accountId));
  for (const a of apps)
    if (a.reason && a.status === 'rejected')
      texts.push({ id: a.id, text: a.reason, kind: 'reason', applicationId: a.id });

  const byId = new Map(texts.map((t) => [t.id, t]));
  const themes = summarizeThemes(texts.map(({ id, text }) => ({ id, text }))).map((t) => ({
    ...t,
    suggestedActions: findTheme(t.theme)?.suggestedActions ?? [],
    sources: t.sources.map((s) => ({
      ...s,
      kind: byId.get(s.id)?.kind,
      applicationId: byId.get(s.id)?.applicationId ?? null,
    })),
  }));

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
