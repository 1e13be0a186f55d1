import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import type { Role } from '../db/schema';
import type { JobDefinition } from '../jobs/runner';
import type { Logger } from '../lib/logger';
import type { SecretBox } from '../lib/secret-box';

/** What every use case may touch: the database, settings, logs and the job outbox. */
export interface AppContext {
  db: Db;
  /** Which database: on the embedded one (PGlite) a transaction holds the whole database while it runs. */
  engine: Database['engine'];
  config: Config;
  logger: Logger;
  /** Seals and opens the secrets Debrief must read back (never passwords or tokens: those are hashed). */
  secrets: SecretBox;
  jobs: {
    deliverEmail: JobDefinition<{ emailId: string }>;
    bulkReject: JobDefinition<{ operationId: string }>;
    /** Rejects applications chosen on the list (one by one, or every one matching a filter). */
    rejectSelected: JobDefinition<{ operationId: string }>;
    /** Approves and sends every draft of a job (or the organization) that the checker finds nothing in. */
    approveDrafts: JobDefinition<{ operationId: string }>;
    /** Finds the account behind a request for a password reset link and emails the link. */
    passwordReset: JobDefinition<{ kind: 'staff' | 'candidate'; email: string }>;
    /** A day after an interviewer is assigned: a reminder, if their scorecard is not in. */
    scorecardReminder: JobDefinition<{ organizationId: string; applicationId: string; userId: string }>;
    /** The daily retention run: warns admins, then erases rejected candidates' data past the period. */
    retention: JobDefinition<{ day: string }>;
    /** The daily digest to reviewers: drafts waiting over a day, candidates' requests near their deadline. */
    reviewDigest: JobDefinition<{ day: string }>;
    /** Imports a confirmed CSV file in batches, with progress (src/integrations/csv-import). */
    csvImport: JobDefinition<{ importId: string }>;
    /** Sends one outbound webhook delivery (src/integrations/webhooks). */
    webhookDelivery: JobDefinition<{ deliveryId: string }>;
    /** Imports one event an ATS sent (src/integrations). */
    atsImport: JobDefinition<{ eventId: string }>;
    /** Writes a note back to the ATS when feedback was sent (src/integrations). */
    atsWriteBack: JobDefinition<{ writeBackId: string }>;
    /** Erases an organization when its scheduled deletion falls due. */
    eraseOrganization: JobDefinition<{ organizationId: string }>;
    /** Wakes the runner after a commit that enqueued work. */
    poke(): void;
  };
}

interface Person {
  userId: string;
  organizationId: string;
  role: Role;
  name: string;
  email: string;
}

/**
 * Who is acting: a signed-in user (with the session, when there is one), or an integration holding an API token on a
 * user's behalf. Every use case takes `(ctx, actor, input)`.
 */
export type Actor =
  | (Person & { type: 'user'; sessionId?: string })
  | (Person & { type: 'token'; tokenId: string });

/** An organization's connected ATS acting in Debrief (an imported rejection): named in the audit trail as itself. */
export interface IntegrationActor {
  type: 'system';
  name: string;
  organizationId: string;
}

/** Someone the audit trail names who is not a team member: Debrief itself, or a candidate on the portal. */
export type OtherActor = { type: 'system'; name: string } | { type: 'candidate'; name?: string };

/**
 * A candidate signed in to their own workspace (a `dbc_…` token or the candidate cookie): not a member of any
 * organization. Every workspace use case takes `(ctx, who, input)`.
 */
export interface CandidateActor {
  accountId: string;
  name: string;
  email: string;
  verified: boolean;
}

/** Whoever holds an emailed link to one application's candidate page: the token is their only key. */
export interface PortalVisitor {
  token: string;
}

/** Nobody is signed in yet: signing up, confirming an address, signing in. */
export interface Anonymous {
  type: 'anonymous';
}
export const anonymous: Anonymous = { type: 'anonymous' };

/**
 * Someone signing in: anonymous, with what the HTTP layer can tell about them (for the sign-in limits, see
 * checkCredentials).
 */
export interface SignInClient extends Anonymous {
  /** The client's address: the socket's, or the last X-Forwarded-For hop when TRUST_PROXY is set. */
  address?: string;
  /** The `debrief_device` cookie the browser sent, if any. */
  device?: string;
  /** Called with a fresh device token after a correct password from a browser not yet known for the account. */
  remember(token: string): void;
}

/** A user acting in person (signed in, or in a job they started). */
export function actorOf(user: {
  id: string;
  organizationId: string;
  role: Role;
  name: string;
  email: string;
}): Actor {
  return {
    type: 'user',
    userId: user.id,
    organizationId: user.organizationId,
    role: user.role,
    name: user.name,
    email: user.email,
  };
}
