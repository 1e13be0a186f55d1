import type { loggedFeedback } from '../../db/schema';

export function presentInboxItem(i: {
  id: string;
  organization: string;
  job: string;
  body: string;
  sentAt: Date | null;
  applicationId: string;
}) {
  return { ...i, sentAt: i.sentAt ? i.sentAt.toISOString() : null };
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
