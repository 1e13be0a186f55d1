import type { atsEvents, atsWriteBacks } from '../../db/schema';
import type { AtsConnection } from '../../integrations/connections';
import { iso } from './shared';

/** A connection as an admin sees it: the webhook secret to paste into the ATS, never the API key. */
export function presentIntegration(d: {
  connection: AtsConnection;
  webhookUrl: string;
  webhookSecretFrom: 'debrief' | 'provider';
  webhookSecret: string;
  apiKeyHint: string;
}) {
  const c = d.connection;
  return {
    id: c.id,
    provider: c.provider,
    webhookUrl: d.webhookUrl,
    webhookSecretFrom: d.webhookSecretFrom,
    webhookSecret: d.webhookSecret,
    apiKeyHint: d.apiKeyHint,
    noteUserId: c.noteUserId,
    reasonMap: c.reasonMap,
    createdAt: c.createdAt.toISOString(),
    lastEventAt: iso(c.lastEventAt),
    lastError: c.lastError,
    lastErrorAt: iso(c.lastErrorAt),
    lastTestedAt: iso(c.lastTestedAt),
    lastTestOk: c.lastTestOk,
    counts: {
      received: c.eventsReceived,
      imported: c.eventsImported,
      failed: c.eventsFailed,
      notesWritten: c.notesWritten,
    },
  };
}

/** An event as the status page lists it: what happened to it, never its payload (beyond the candidate's name). */
export function presentAtsEvent(e: typeof atsEvents.$inferSelect & { importedName?: string | null }) {
  const stored = e.payload as {
    candidateName?: string;
    payload?: { application?: { candidate?: { first_name?: string; last_name?: string } } };
  };
  const candidate = stored.payload?.application?.candidate;
  // The candidate Debrief made of it, else the name the event carried (adapters keep `candidateName`).
  const candidateName =
    e.importedName ??
    stored.candidateName ??
    (candidate ? [candidate.first_name, candidate.last_name].filter(Boolean).join(' ') || null : null);
  return {
    id: e.id,
    action: e.action,
    status: e.status,
    occurredAt: e.occurredAt.toISOString(),
    receivedAt: e.receivedAt.toISOString(),
    processedAt: iso(e.processedAt),
    attempts: e.attempts,
    error: e.error,
    unmappedReason: e.unmappedReason,
    applicationId: e.applicationId,
    candidateName,
  };
}

export function presentWriteBack(w: typeof atsWriteBacks.$inferSelect) {
  return {
    id: w.id,
    applicationId: w.applicationId,
    status: w.status,
    attempts: w.attempts,
    lastError: w.lastError,
    createdAt: w.createdAt.toISOString(),
    writtenAt: iso(w.writtenAt),
  };
}
