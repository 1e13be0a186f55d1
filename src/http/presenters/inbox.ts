import type { ThreadEntry } from '../../app/candidate/list-inbox';
import type { loggedFeedback } from '../../db/schema';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentInboxItem(i: {
  id: string;
  organization: string;
  job: string;
  body: string;
  sentAt: Date | null;
  applicationId: string;
  thread: ThreadEntry[];
}) {
  return { ...i, sentAt: iso(i.sentAt), thread: i.thread.map((e) => ({ ...e, at: iso(e.at) })) };
}

export function presentInboxRequest(r: {
  id: string;
  organization: string;
  job: string;
  status: string;
  askedAt: Date;
  dueAt: Date;
}) {
  return { ...r, askedAt: r.askedAt.toISOString(), dueAt: r.dueAt.toISOString() };
}

export function presentLoggedFeedback(l: typeof loggedFeedback.$inferSelect) {
  return {
    id: l.id,
    applicationId: l.applicationId,
    channel: l.channel,
    receivedOn: l.receivedOn,
    text: l.text,
  };
}
