import type { reminders, trackerApplications, trackerRounds } from '../../db/schema';
import type { TrackerStatus } from '../../domain/vocabulary';
import { presentLoggedFeedback } from './inbox';

/** The candidate's tracker as the API shows it: dates as ISO strings, reminders done or not. */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentTrackerApplication(a: typeof trackerApplications.$inferSelect & { rounds?: number }) {
  return {
    id: a.id,
    company: a.company,
    role: a.role,
    source: a.source,
    status: a.status,
    appliedOn: a.appliedOn,
    rejectedOn: a.rejectedOn,
    decisionFinal: a.decisionFinal,
    roleFilled: a.roleFilled,
    reason: a.reason,
    recruiter: a.recruiter ?? null,
    notes: a.notes,
    jobUrl: a.jobUrl,
    salaryMin: a.salaryMin,
    salaryMax: a.salaryMax,
    salaryCurrency: a.salaryCurrency,
    feedbackId: a.feedbackId,
    ...(a.rounds !== undefined ? { rounds: a.rounds } : {}),
    createdAt: a.createdAt.toISOString(),
  };
}

export function presentRound(r: typeof trackerRounds.$inferSelect) {
  return {
    id: r.id,
    stage: r.stage,
    date: r.date,
    interviewers: r.interviewers,
    rapport: r.rapport,
    notes: r.notes,
  };
}

export function presentReminder(r: typeof reminders.$inferSelect) {
  return {
    id: r.id,
    applicationId: r.applicationId,
    kind: r.kind,
    dueOn: r.dueOn,
    text: r.text,
    done: Boolean(r.doneAt),
  };
}

/** A reminder with the company and role of its application (on Home and in the list of every reminder). */
export function presentReminderWithApplication(r: {
  reminder: typeof reminders.$inferSelect;
  application: { id: string; company: string; role: string } | null;
}) {
  return { ...presentReminder(r.reminder), application: r.application };
}

/** One application with everything on its page (see getApplication). */
export function presentApplicationDetail(d: {
  app: typeof trackerApplications.$inferSelect;
  rounds: (typeof trackerRounds.$inferSelect)[];
  reminders: (typeof reminders.$inferSelect)[];
  logged: Parameters<typeof presentLoggedFeedback>[0][];
  debriefFeedback: { id: string; body: string; sentAt: Date | null } | null;
  prep: { actionId: string; theme: string; title: string; why: string }[];
}) {
  return {
    ...presentTrackerApplication(d.app),
    roundList: d.rounds.map(presentRound),
    reminders: d.reminders.map(presentReminder),
    loggedFeedback: d.logged.map(presentLoggedFeedback),
    debriefFeedback: d.debriefFeedback
      ? { ...d.debriefFeedback, sentAt: iso(d.debriefFeedback.sentAt) }
      : null,
    prep: d.prep,
  };
}

/** What the candidate's Home shows (see getHome). */
export function presentHome(h: {
  total: number;
  byStatus: Record<TrackerStatus, number>;
  newest: Parameters<typeof presentTrackerApplication>[0][];
  reminders: {
    reminder: typeof reminders.$inferSelect;
    application: { id: string; company: string; role: string } | null;
  }[];
  remindersOpen: number;
}) {
  return {
    total: h.total,
    byStatus: h.byStatus,
    newest: h.newest.map(presentTrackerApplication),
    reminders: h.reminders.map(presentReminderWithApplication),
    remindersOpen: h.remindersOpen,
  };
}
