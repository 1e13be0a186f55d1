import type { AppContext } from '../app/context';
import type { AtsProvider, Rating, Recommendation } from '../db/schema';

/**
 * What one ATS must provide for Debrief to act as its feedback layer. Everything else (the inbox, idempotency, stale
 * events, the import into Debrief's rows, the checker on imported notes, the reason mapping and its review queue, the
 * write-back's retries, the status page) is shared and lives beside this file. Register an adapter in `adapters.ts`.
 */
export interface AtsAdapter {
  provider: AtsProvider;
  /** The name users read ("Greenhouse"). */
  label: string;
  /**
   * Rejection reasons the ATS commonly names and the Debrief reason each maps onto, keyed by `reasonKey`; read after
   * the connection's own mapping and before the names every ATS ships with.
   */
  reasonNames?: Readonly<Record<string, string>>;
  /**
   * Who makes the webhook secret: `debrief` (the default) generates one for the admin to paste into the ATS;
   * `provider` means the ATS issues it (Lever's signature token) and the admin gives it to Debrief on connecting.
   */
  webhookSecretFrom?: 'debrief' | 'provider';
  /** The ATS user notes are written as: the shape of its id (checked when an admin gives one), in words. */
  noteUser?: { pattern: RegExp; describe: string };
  /** Whether a delivery's signature matches its raw body under the connection's webhook secret (constant time). */
  verify(delivery: WebhookDelivery, secret: string): boolean;
  /** What a verified delivery is; throws `AppError` 400 for an event Debrief acts on that lacks what it needs. */
  parse(delivery: WebhookDelivery, body: unknown): ParsedEvent;
  /** Everything about the application behind an event, pulled through the ATS's REST API. */
  pull(ctx: AppContext, apiKey: string, stored: StoredEvent): Promise<PulledApplication>;
  /** Asks for the smallest thing the key must be able to read; throws an `AtsRefusedError`/`AtsUnavailableError`. */
  ping(ctx: AppContext, apiKey: string): Promise<void>;
  /** Adds a note to the candidate's activity in the ATS; returns the note's id there. */
  writeNote(ctx: AppContext, target: NoteTarget): Promise<{ id: string }>;
  /**
   * The rejections of the last days, oldest first, as events the import can pull (for a backfill); absent when the
   * provider has no way to list them.
   */
  listRejections?(
    ctx: AppContext,
    apiKey: string,
    since: Date,
    /** Only this job's, when the ATS's list can ask for that; the caller keeps that job's items either way. */
    jobId?: string | null,
  ): AsyncIterable<BackfillItem>;
}

/** A webhook delivery as it arrived: the raw body (its signature is over these bytes) and its headers. */
export interface WebhookDelivery {
  rawBody: string;
  /** A header by its name, case-insensitive. */
  header(name: string): string | undefined;
}

export type ParsedEvent =
  | { kind: 'ping' }
  | {
      kind: 'event';
      /** The provider's name for it (`reject_candidate`, `candidateStageChange`, …). */
      action: string;
      /** Whether Debrief imports it; any other event is acknowledged and kept as ignored. */
      imported: boolean;
      /** Whether the event says the candidate was rejected (a draft follows). */
      rejection: boolean;
      /** When it happened in the ATS; orders events about one application and refuses stale ones. */
      occurredAt: Date | null;
      /** The provider's event id; a body digest is used when it sends none. */
      eventId: string | null;
      /** What the inbox keeps: the ids the import pulls by, never more personal data than the status page shows. */
      kept: Record<string, unknown>;
    };

/** An inbox row as the import job reads it. */
export interface StoredEvent {
  action: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** One application as the ATS describes it, in Debrief's terms (ratings and recommendations already mapped). */
export interface PulledApplication {
  application: {
    externalId: string;
    /** Whether the ATS has it rejected now (an event may say "rejected" about an application since reopened). */
    rejected: boolean;
    /** The ATS's reason, by its name, mapped through the connection's reason map. */
    rejectionReason: string | null;
    currentStage?: { id?: string; name?: string } | null;
  };
  candidate: { externalId: string; firstName: string | null; lastName: string | null; email: string | null };
  job: { externalId: string; name: string };
  /** The job's stages in the ATS's order (the stage reached is read from its position and name). */
  stages: { id: string; name: string; interviews?: { id: string; name: string }[] }[];
  scorecards: PulledScorecard[];
}

export interface PulledScorecard {
  externalId: string;
  /** When it was last edited in the ATS: a newer edit of a scorecard already imported is read again. */
  updatedAt?: Date | null;
  interviewer: string;
  /** The stage (or interview within a stage) it was written for, when the ATS says. */
  stage?: { id?: string; name?: string; interviewId?: string; interviewName?: string } | null;
  /** Mapped; null when the ATS gave none (the ratings' leaning is used). */
  recommendation: Recommendation | null;
  ratings: { criterion: string; description?: string | null; rating: Rating; note: string }[];
  /** Free-text notes (key take-aways), kept as the scorecard's notes. */
  notes: string;
}

/** Where a note goes: the connection's key and note author, and the ATS ids the application was imported from. */
export interface NoteTarget {
  apiKey: string;
  /** The ATS user notes are written as, when the provider needs one. */
  noteUserId: string | null;
  /** The ATS's application (or opportunity) id. */
  applicationExternalId: string;
  /** The ATS's candidate id (Greenhouse writes notes on the candidate). */
  candidateExternalId: string | null;
  text: string;
}

export interface BackfillItem {
  /** The ATS's application id: one already imported is skipped. */
  applicationExternalId: string;
  /** The ATS's id of the job it was for (null when the ATS names none): a backfill for one job keeps only its own. */
  jobExternalId: string | null;
  action: string;
  eventId: string;
  occurredAt: Date;
  kept: Record<string, unknown>;
}
