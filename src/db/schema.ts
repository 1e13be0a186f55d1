import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FeedbackSections } from '../domain/compose/types';
import type { FeedbackVoice } from '../domain/compose/voice';
import type {
  ApplicationStage,
  ApplicationStatus,
  EmailStatus,
  FeedbackStatus,
  JobOpeningStatus,
  Jurisdiction,
  OutboxStatus,
  Rating,
  Recommendation,
  Role,
  Stage,
  TrackerStatus,
} from '../domain/vocabulary';

export type {
  ApplicationStage,
  ApplicationStatus,
  FeedbackStatus,
  JobOpeningStatus,
  Jurisdiction,
  Rating,
  Recommendation,
  Role,
  Stage,
  TrackerStatus,
};

/** The one schema of Debrief. Every table that holds an organization's data carries organization_id. */

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const orgRef = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  /** Which law the checker applies to this organization's text. */
  jurisdictions: text('jurisdictions').array().$type<Jurisdiction[]>().notNull().default(sql`'{us,uk,eu}'`),
  /** How its letters greet, introduce, close and sign (src/domain/compose/voice.ts); {} is the default voice. */
  feedbackVoice: jsonb('feedback_voice').$type<Partial<FeedbackVoice>>().notNull().default({}),
  /** Months after the final decision that a rejected candidate's personal data is kept (src/app/privacy/retention.ts). */
  retentionMonths: integer('retention_months').notNull().default(12),
  /** Every member must sign in with a second factor (an authenticator app's code); set by an admin. */
  requireTwoFactor: boolean('require_two_factor').notNull().default(false),
  createdAt: createdAt(),
  /**
   * An admin asked for the organization to be deleted: every row of it is erased at this time unless an admin
   * cancels before (src/app/organization/).
   */
  deletionDueAt: timestamp('deletion_due_at', { withTimezone: true }),
  deletionRequestedAt: timestamp('deletion_requested_at', { withTimezone: true }),
  /** The admin who asked, by name (the member may be removed meanwhile). */
  deletionRequestedBy: text('deletion_requested_by'),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    organizationId: orgRef(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    /** argon2id; null until an invited user chooses a password. */
    passwordHash: text('password_hash'),
    createdAt: createdAt(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /** Removed from the organization: personal data scrubbed, kept only so history still points somewhere. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    /** The identity provider's subject (`sub`) for a member who signs in with single sign-on. */
    ssoSubject: text('sso_subject'),
    /** Emailed the daily summary of drafts waiting and requests due (members who review feedback); they may turn it off. */
    reviewDigest: boolean('review_digest').notNull().default(true),
  },
  (t) => [
    /**
     * One account per address: an address signs in to one organization. An invitation to an address that already
     * has an account elsewhere is stored like any other (so inviting answers the same either way) and is refused,
     * to the address's owner, only when accepted.
     */
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`).where(sql`${t.passwordHash} is not null`),
    uniqueIndex('users_organization_email_unique').on(t.organizationId, sql`lower(${t.email})`),
    index('users_organization_idx').on(t.organizationId),
    check('users_role_check', sql`${t.role} in ('admin', 'recruiter', 'hiring-manager', 'interviewer')`),
  ],
);

/** Web sessions. Only the SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    organizationId: orgRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash_unique').on(t.tokenHash)],
);

/** Bearer tokens for integrations. Only the SHA-256 is stored; the prefix lets a person recognise a token. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    organizationId: orgRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_unique').on(t.tokenHash),
    index('api_tokens_org_idx').on(t.organizationId),
  ],
);

/** An emailed link that lets an invited user choose a password. Stored hashed; expires. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    organizationId: orgRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** The admin who sent this link (null once they are removed, or for links sent before it was recorded). */
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    /** An admin withdrew the invitation; the link no longer works. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** The invitation was sent again: a new link replaces this one, which no longer works. */
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_unique').on(t.tokenHash),
    index('invitations_user_idx').on(t.userId),
  ],
);

/** Every message Debrief sends, written in the same transaction as the change that caused it. */
export const emails = pgTable(
  'emails',
  {
    id: id(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** The sender's display name ("Kinetix hiring team via Debrief"); the address stays the configured one. */
    fromName: text('from_name'),
    /** Where a reply goes: a person at the organization (the approving reviewer), never Debrief's own address. */
    replyTo: text('reply_to'),
    status: text('status').$type<EmailStatus>().notNull().default('queued'),
    messageId: text('message_id'),
    attempts: integer('attempts').notNull().default(0),
    /** The mail server's last refusal as it answered it ("550 5.1.1 mailbox unavailable"), or why it could not be reached. */
    lastError: text('last_error'),
    /** The SMTP reply code of that refusal (451, 550), when the server answered one. */
    lastCode: integer('last_code'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    /** What the message is for (e.g. 'feedback'), so delivery can update it. */
    purpose: text('purpose'),
    subjectId: uuid('subject_id'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('emails_organization_idx').on(t.organizationId, t.createdAt),
    index('emails_to_idx').on(sql`lower(${t.to})`, t.createdAt),
  ],
);

export type JobStatus = OutboxStatus;

/**
 * The transactional outbox: a job is a row written in the same transaction as the state change that starts it,
 * claimed by a worker with FOR UPDATE SKIP LOCKED, retried with exponential backoff.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** At most one job per key: enqueueing the same key twice is a no-op. */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_claim_idx').on(t.status, t.runAt),
    uniqueIndex('outbox_dedupe_key_unique').on(t.dedupeKey),
  ],
);

/**
 * Append-only: a trigger in the migrations rejects UPDATE and DELETE, except the deletion of an organization's
 * events while that organization is being erased (see src/app/organization/erase-organization.ts).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: uuid('organization_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type').$type<'user' | 'token' | 'system' | 'candidate'>().notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** Set on every event about an application, its scorecards or its feedback. */
    applicationId: uuid('application_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_org_subject_idx').on(t.organizationId, t.subjectType, t.subjectId),
    index('audit_events_application_idx').on(t.organizationId, t.applicationId),
    // The organization's audit search: newest first, by member, by action (exact or a prefix such as `feedback.`),
    // by time.
    index('audit_events_org_id_idx').on(t.organizationId, t.id),
    index('audit_events_org_actor_idx').on(t.organizationId, t.actorId, t.id),
    index('audit_events_org_action_idx').on(t.organizationId, t.action.op('text_pattern_ops'), t.id),
    index('audit_events_org_at_idx').on(t.organizationId, t.at),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Hiring: jobs and their criteria, candidates and applications, scorecards, rejection reasons, feedback.

export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    organizationId: orgRef(),
    title: text('title').notNull(),
    status: text('status').$type<JobOpeningStatus>().notNull().default('open'),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_org_created_idx').on(t.organizationId, t.createdAt),
    check('jobs_status_check', sql`${t.status} in ('open', 'filled', 'cancelled')`),
  ],
);

/** Knowledge, skills and abilities a job requires. */
export const criteria = pgTable(
  'criteria',
  {
    id: id(),
    organizationId: orgRef(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    /** The organization's own pointer for a gap in this criterion: used in feedback instead of the library's. */
    practise: text('practise'),
    position: integer('position').notNull(),
  },
  (t) => [index('criteria_job_idx').on(t.jobId)],
);

export const candidates = pgTable(
  'candidates',
  {
    id: id(),
    organizationId: orgRef(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    createdAt: createdAt(),
    /** Personal data erased (on request or by retention): name and address are placeholders, free text is gone. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /** When the organization's admins were told this candidate's data is due for erasure (once). */
    retentionWarnedAt: timestamp('retention_warned_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('candidates_org_email_unique').on(t.organizationId, sql`lower(${t.email})`)],
);

export const applications = pgTable(
  'applications',
  {
    id: id(),
    organizationId: orgRef(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    /** Where it is in the pipeline; its coarse status (active, rejected, hired, withdrawn) follows from it. */
    stage: text('stage').$type<ApplicationStage>().notNull().default('applied'),
    rejectionReason: text('rejection_reason'),
    /** Internal: never shown to the candidate. */
    rejectionNote: text('rejection_note'),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    /** The stage it was rejected at: how far the candidate got (the stage itself is then `rejected`). */
    rejectedAtStage: text('rejected_at_stage').$type<ApplicationStage>(),
    createdAt: createdAt(),
    /** The last change to the application itself (its stage, a rejection); set on every update. */
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index('applications_org_job_idx').on(t.organizationId, t.jobId, t.createdAt),
    // The list's default order, newest applied first: the applied time to the millisecond (what a cursor carries),
    // in UTC so that it can be indexed, then the id (src/app/hiring/list-applications.ts).
    index('applications_org_applied_idx').on(
      t.organizationId,
      sql`date_trunc('milliseconds', (${t.createdAt} at time zone 'UTC'))`,
      t.id,
    ),
    uniqueIndex('applications_job_candidate_unique').on(t.jobId, t.candidateId),
    check(
      'applications_stage_check',
      sql`${t.stage} in ('applied', 'screen', 'interview', 'final', 'offer', 'hired', 'rejected', 'withdrawn')`,
    ),
  ],
);

/** The application a row belongs to; removed with it. */
const applicationRef = () =>
  uuid('application_id')
    .notNull()
    .references(() => applications.id, { onDelete: 'cascade' });

/**
 * The interviewers assigned to an application. A member whose role may read only assigned applications (see
 * `applications.read-all` in src/domain/policy.ts) sees these and no others.
 */
export const applicationInterviewers = pgTable(
  'application_interviewers',
  {
    applicationId: applicationRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: orgRef(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.userId] }),
    index('application_interviewers_user_idx').on(t.userId),
  ],
);

export const scorecards = pgTable(
  'scorecards',
  {
    id: id(),
    organizationId: orgRef(),
    applicationId: applicationRef(),
    stage: text('stage').$type<Stage>().notNull(),
    /** The member whose scorecard it is: who signed in, or whom an admin recorded it for (`submittedBy`). */
    interviewerId: uuid('interviewer_id').references(() => users.id, { onDelete: 'set null' }),
    /** The interviewer's name and address when it was submitted, kept if the member is removed. */
    interviewerName: text('interviewer_name').notNull(),
    interviewerEmail: text('interviewer_email').notNull(),
    recommendation: text('recommendation').$type<Recommendation>().notNull(),
    /** Private to the hiring team; never in a draft. */
    notes: text('notes'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** The author last changed it (an author may edit their scorecard until the application is decided). */
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [
    index('scorecards_application_idx').on(t.applicationId),
    index('scorecards_interviewer_idx').on(t.applicationId, t.interviewerId),
  ],
);

/** A checker rule a piece of evidence was submitted despite: its id and category, never the text it matched. */
export interface FlaggedRule {
  ruleId: string;
  category: string;
}

export const scorecardRatings = pgTable(
  'scorecard_ratings',
  {
    id: id(),
    organizationId: orgRef(),
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => scorecards.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => criteria.id, { onDelete: 'cascade' }),
    rating: integer('rating').$type<Rating>().notNull(),
    /** Empty once an admin has redacted it. */
    evidence: text('evidence').notNull(),
    /**
     * Set when the interviewer submitted the evidence anyway despite a blocking checker finding: the findings' rules
     * (never the matched text), the reason given and who confirmed. A flagged rating is left out of drafts and of the
     * dashboard's figures.
     */
    flaggedRules: jsonb('flagged_rules').$type<FlaggedRule[]>(),
    flagReason: text('flag_reason'),
    flaggedBy: uuid('flagged_by').references(() => users.id, { onDelete: 'set null' }),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }),
    /** An admin removed the evidence text; who, when and why are kept. Left out like a flagged rating. */
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
    redactedBy: uuid('redacted_by').references(() => users.id, { onDelete: 'set null' }),
    redactionReason: text('redaction_reason'),
  },
  (t) => [
    index('scorecard_ratings_scorecard_idx').on(t.scorecardId),
    check('scorecard_ratings_rating_check', sql`${t.rating} between 1 and 4`),
  ],
);

/** Reasons an organization adds to the default list. */
export const rejectionReasons = pgTable(
  'rejection_reasons',
  {
    id: id(),
    organizationId: orgRef(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    beyondControl: boolean('beyond_control').notNull().default(false),
    candidateText: text('candidate_text').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('rejection_reasons_org_code_unique').on(t.organizationId, t.code)],
);

export interface StoredFinding {
  ruleId: string;
  category: string;
  /** `review`: the checker's second opinion asks for a look; never blocks. */
  severity: 'block' | 'warn' | 'review';
  start: number;
  end: number;
  text: string;
  message: string;
  suggestion: string;
}
export interface StoredSentence {
  text: string;
  start: number;
  end: number;
  evidence: { scorecardId: string; criterionId: string; excerpt: string }[];
}

export const feedback = pgTable(
  'feedback',
  {
    id: id(),
    organizationId: orgRef(),
    applicationId: applicationRef(),
    status: text('status').$type<FeedbackStatus>().notNull().default('draft'),
    body: text('body').notNull(),
    findings: jsonb('findings').$type<StoredFinding[]>().notNull().default([]),
    sentences: jsonb('sentences').$type<StoredSentence[]>().notNull().default([]),
    /**
     * The composer's outline of the draft: its sections (opening, strength, one per gap with the criterion, the
     * evidence used and the pointer, closing), so the review screen can lay the letter out by section; null for
     * feedback drafted before outlines were kept.
     */
    outline: jsonb('outline').$type<FeedbackSections>(),
    /** 'now', 'at' (sendAt) or 'when-filled' (held until the job is closed). */
    sendMode: text('send_mode').$type<'now' | 'at' | 'when-filled'>(),
    sendAt: timestamp('send_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    overrideJustification: text('override_justification'),
    emailId: uuid('email_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_application_unique').on(t.applicationId),
    index('feedback_org_status_idx').on(t.organizationId, t.status),
  ],
);

/** A long action run by the job runner, with progress a person can watch (e.g. reject every remaining application). */
/** The background operations over many applications or drafts at once. */
export type BulkOperationKind = 'reject-remaining' | 'reject-selected' | 'approve-drafts';
/** One application or draft a bulk operation left alone, and why (an error code and its message). */
export interface BulkOperationItem {
  applicationId: string;
  feedbackId?: string | null;
  candidateName: string;
  code: string;
  message: string;
}
export interface BulkOperationResults {
  skipped?: BulkOperationItem[];
  /** Drafts an approval left for a person: the checker found something in them. */
  withFindings?: BulkOperationItem[];
  /** Applications rejected, or drafts approved (and their one email queued), by the operation. */
  succeeded?: number;
  /** Paused by the organization's hourly sending limit until this time (ISO); it carries on by itself. */
  waitingUntil?: string | null;
}

export const bulkOperations = pgTable(
  'bulk_operations',
  {
    id: id(),
    organizationId: orgRef(),
    kind: text('kind').$type<BulkOperationKind>().notNull(),
    jobId: uuid('job_id').references(() => jobs.id, { onDelete: 'cascade' }),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<'running' | 'done' | 'failed'>().notNull().default('running'),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    /** What the run found along the way: applications skipped and why, drafts left with findings, a pause. */
    results: jsonb('results').$type<BulkOperationResults>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('bulk_operations_org_idx').on(t.organizationId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------------------------
// The candidate's page behind an emailed link (no account), and what the candidate does there.

/** An unguessable link to an application's candidate page. Only the SHA-256 of the token is stored; it expires. */
export const portalLinks = pgTable(
  'portal_links',
  {
    id: id(),
    organizationId: orgRef(),
    applicationId: applicationRef(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('portal_links_token_hash_unique').on(t.tokenHash),
    index('portal_links_application_idx').on(t.applicationId),
  ],
);

/** The candidate's answer to a feedback: usefulness, thanks, one follow-up question (answered once), future roles. */
export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    id: id(),
    organizationId: orgRef(),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    useful: integer('useful'),
    comment: text('comment'),
    thankedAt: timestamp('thanked_at', { withTimezone: true }),
    question: text('question'),
    questionAskedAt: timestamp('question_asked_at', { withTimezone: true }),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    futureRoles: boolean('future_roles'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_responses_feedback_unique').on(t.feedbackId),
    check('feedback_responses_useful_check', sql`${t.useful} is null or ${t.useful} between 1 and 5`),
  ],
);

/** A candidate who was rejected without feedback asks for it; it waits in the hiring team's queue until a deadline. */
export const feedbackRequests = pgTable(
  'feedback_requests',
  {
    id: id(),
    organizationId: orgRef(),
    applicationId: applicationRef(),
    message: text('message'),
    status: text('status').$type<'open' | 'fulfilled' | 'declined'>().notNull().default('open'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('feedback_requests_application_unique').on(t.applicationId),
    index('feedback_requests_org_status_idx').on(t.organizationId, t.status),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// The candidate's workspace: an account of their own, not tied to any organization.

export const candidateAccounts = pgTable(
  'candidate_accounts',
  {
    id: id(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Feedback sent through Debrief to this address is shown only once it is verified. */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('candidate_accounts_email_unique').on(sql`lower(${t.email})`)],
);

const accountRef = () =>
  uuid('account_id')
    .notNull()
    .references(() => candidateAccounts.id, { onDelete: 'cascade' });

/** Bearer tokens of candidate sessions (dbc_...), and one-time email verification links: stored hashed, expiring. */
export const candidateTokens = pgTable(
  'candidate_tokens',
  {
    id: id(),
    accountId: accountRef(),
    kind: text('kind').$type<'session' | 'verify-email'>().notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('candidate_tokens_hash_unique').on(t.tokenHash)],
);

export const trackerApplications = pgTable(
  'tracker_applications',
  {
    id: id(),
    accountId: accountRef(),
    company: text('company').notNull(),
    role: text('role').notNull(),
    source: text('source'),
    status: text('status').$type<TrackerStatus>().notNull().default('applied'),
    appliedOn: date('applied_on'),
    rejectedOn: date('rejected_on'),
    decisionFinal: boolean('decision_final'),
    roleFilled: boolean('role_filled'),
    reason: text('reason'),
    recruiter: jsonb('recruiter').$type<{
      name: string;
      email?: string;
      phone?: string;
      agency?: string;
    } | null>(),
    notes: text('notes'),
    /** The job posting, an http or https address. */
    jobUrl: text('job_url'),
    /** The salary range offered or asked, in whole units of its currency (ISO 4217). */
    salaryMin: integer('salary_min'),
    salaryMax: integer('salary_max'),
    salaryCurrency: text('salary_currency'),
    /** Feedback sent through Debrief that belongs to this application. */
    feedbackId: uuid('feedback_id').references(() => feedback.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('tracker_applications_account_idx').on(t.accountId, t.createdAt),
    check('tracker_applications_job_url_check', sql`${t.jobUrl} is null or ${t.jobUrl} ~* '^https?://'`),
    check(
      'tracker_applications_salary_check',
      sql`(${t.salaryMin} is null or ${t.salaryMin} >= 0) and (${t.salaryMax} is null or ${t.salaryMax} >= 0) and (${t.salaryMin} is null or ${t.salaryMax} is null or ${t.salaryMin} <= ${t.salaryMax})`,
    ),
    check(
      'tracker_applications_currency_check',
      sql`${t.salaryCurrency} is null or ${t.salaryCurrency} ~ '^[A-Z]{3}$'`,
    ),
  ],
);

export const trackerRounds = pgTable(
  'tracker_rounds',
  {
    id: id(),
    accountId: accountRef(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => trackerApplications.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    date: date('date').notNull(),
    interviewers: jsonb('interviewers')
      .$type<{ name: string; role?: string; email?: string; phone?: string }[]>()
      .notNull()
      .default([]),
    rapport: integer('rapport'),
    notes: text('notes'),
    createdAt: createdAt(),
  },
  (t) => [
    index('tracker_rounds_application_idx').on(t.applicationId),
    check('tracker_rounds_rapport_check', sql`${t.rapport} is null or ${t.rapport} between 1 and 5`),
  ],
);

export const reminders = pgTable(
  'reminders',
  {
    id: id(),
    accountId: accountRef(),
    applicationId: uuid('application_id').references(() => trackerApplications.id, { onDelete: 'cascade' }),
    /**
     * The interview round this reminder was made for (the thank-you note): its day follows the round's date. Set to
     * null when the candidate gives the reminder a day of their own, so their day is kept from then on.
     */
    roundId: uuid('round_id').references(() => trackerRounds.id, { onDelete: 'set null' }),
    kind: text('kind').$type<'follow-up' | 'thank-you' | 'reapply' | 'ask-feedback' | 'action'>().notNull(),
    dueOn: date('due_on').notNull(),
    text: text('text').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('reminders_account_due_idx').on(t.accountId, t.dueOn),
    index('reminders_round_idx').on(t.roundId),
  ],
);

/** Feedback received elsewhere (an email, a call), logged by hand. */
export const loggedFeedback = pgTable(
  'logged_feedback',
  {
    id: id(),
    accountId: accountRef(),
    applicationId: uuid('application_id').references(() => trackerApplications.id, { onDelete: 'set null' }),
    channel: text('channel').$type<'email' | 'call' | 'other'>().notNull(),
    receivedOn: date('received_on').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('logged_feedback_account_idx').on(t.accountId)],
);

/** The improvement plan: actions on themes, with due dates and progress. */
export const planActions = pgTable(
  'plan_actions',
  {
    id: id(),
    accountId: accountRef(),
    theme: text('theme').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('plan_actions_account_idx').on(t.accountId)],
);

/**
 * Attempts per bucket in a fixed window: sign-ins per account, known device and client address; a candidate's
 * writes through one link. An attempt is reserved here, atomically, before the work it guards, so concurrent
 * requests cannot overtake the count, and every instance shares it (src/app/rate-limit.ts).
 */
export const rateLimits = pgTable('rate_limits', {
  bucket: text('bucket').primaryKey(),
  attempts: integer('attempts').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Browsers that have signed in to an account before (the `debrief_device` cookie; only its hash is kept). A device
 * the owner used has its own attempt budget, so guesses from elsewhere never lock the owner out.
 */
export const knownDevices = pgTable(
  'known_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    account: text('account').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('known_devices_account_idx').on(t.account)],
);

/**
 * A sign-up waiting for its emailed link: a new organization and its admin, or a candidate's account. Nothing is
 * created until the link is opened, so the address is proven before anything is sent to anyone else, and the answer
 * to a sign-up is the same whether or not the address already has an account. The password is kept hashed; the
 * link's secret only as its SHA-256. Expired requests are deleted by the hourly housekeeping job.
 */
export const signUpRequests = pgTable(
  'sign_up_requests',
  {
    id: id(),
    kind: text('kind').$type<'organization' | 'candidate'>().notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** The organization to create (kind 'organization'). */
    organizationName: text('organization_name'),
    passwordHash: text('password_hash').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sign_up_requests_token_hash_unique').on(t.tokenHash),
    index('sign_up_requests_expires_idx').on(t.expiresAt),
    check('sign_up_requests_kind_check', sql`${t.kind} in ('organization', 'candidate')`),
  ],
);

/**
 * An emailed link that lets the owner of an address choose a new password: a team member's (`staff`, with the user
 * and their organization) or a candidate's (`candidate`, with the account). Only the SHA-256 of the link's secret is
 * kept; it works once, for an hour. Expired links are deleted by the hourly housekeeping job.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: id(),
    kind: text('kind').$type<'staff' | 'candidate'>().notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => candidateAccounts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('password_resets_token_hash_unique').on(t.tokenHash),
    index('password_resets_expires_idx').on(t.expiresAt),
    index('password_resets_user_idx').on(t.userId),
    index('password_resets_account_idx').on(t.accountId),
    check(
      'password_resets_owner_check',
      sql`(${t.kind} = 'staff' and ${t.userId} is not null and ${t.organizationId} is not null and ${t.accountId} is null) or (${t.kind} = 'candidate' and ${t.accountId} is not null and ${t.userId} is null and ${t.organizationId} is null)`,
    ),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Integrations without a native connection: CSV imports from any other ATS, and outbound webhooks.

/** A row the preview refused: its line in the file (the header is row 1), the column and what is wrong. */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

/** What an import did: applications created and updated, scorecards, jobs created, rows skipped and why. */
export interface CsvImportSummary {
  created: number;
  updated: number;
  scorecards: number;
  flaggedRatings: number;
  jobsCreated: number;
  skipped: ImportRowError[];
}

/**
 * A CSV file from another ATS: checked (`preview`) and, once an admin confirms, imported by a background job in
 * batches. `doneRows` counts the data rows already committed; each batch and its count commit together, so a
 * restarted job carries on after the last committed row.
 */
export const csvImports = pgTable(
  'csv_imports',
  {
    id: id(),
    organizationId: orgRef(),
    fileName: text('file_name').notNull(),
    /** The file as uploaded; the job reads it again. */
    content: text('content').notNull(),
    status: text('status')
      .$type<'preview' | 'running' | 'done' | 'failed' | 'discarded'>()
      .notNull()
      .default('preview'),
    totalRows: integer('total_rows').notNull(),
    doneRows: integer('done_rows').notNull().default(0),
    /** Every row error the preview found (an import with any is never started). */
    errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
    /** Rows whose evidence has a blocking checker finding: imported flagged, with this reason, when confirmed. */
    flaggedRows: integer('flagged_rows').notNull().default(0),
    flagReason: text('flag_reason'),
    summary: jsonb('summary')
      .$type<CsvImportSummary>()
      .notNull()
      .default({ created: 0, updated: 0, scorecards: 0, flaggedRatings: 0, jobsCreated: 0, skipped: [] }),
    lastError: text('last_error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('csv_imports_org_idx').on(t.organizationId, t.createdAt),
    check(
      'csv_imports_status_check',
      sql`${t.status} in ('preview', 'running', 'done', 'failed', 'discarded')`,
    ),
  ],
);

/** Events an outbound webhook endpoint may subscribe to. */
export const WEBHOOK_EVENTS = [
  'feedback.approved',
  'feedback.sent',
  'response.received',
  'request.created',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** An organization's receiver of outbound webhooks. The signing secret is sealed with `webhook:<id>`. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    organizationId: orgRef(),
    url: text('url').notNull(),
    events: text('events').array().$type<WebhookEvent[]>().notNull(),
    secretSealed: text('secret_sealed').notNull(),
    description: text('description'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.organizationId)],
);

/**
 * One event for one endpoint: written with the change that caused it, sent by the job runner, retried with
 * exponential back-off until a 2xx answer. Once delivered it is never sent again.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    organizationId: orgRef(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status')
      .$type<'queued' | 'retrying' | 'delivered' | 'failed'>()
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------------------------
// Applicant tracking systems: Debrief as the feedback layer on top of an organization's ATS (src/integrations/).

export type AtsProvider = 'greenhouse' | 'lever' | 'ashby';

/**
 * An organization's connection to its ATS: the API key and the webhook secret (both sealed with ctx.secrets under
 * `ats:<id>`), how the ATS's rejection reasons map onto Debrief's, and what the status page shows.
 */
export const atsConnections = pgTable(
  'ats_connections',
  {
    id: id(),
    organizationId: orgRef(),
    provider: text('provider').$type<AtsProvider>().notNull(),
    apiKeySealed: text('api_key_sealed').notNull(),
    webhookSecretSealed: text('webhook_secret_sealed').notNull(),
    /** The ATS user notes written back are posted as (Greenhouse: On-Behalf-Of and user_id). */
    noteUserId: text('note_user_id'),
    /** The ATS's rejection reason (by name, lower case) → a Debrief reason code. */
    reasonMap: jsonb('reason_map').$type<Record<string, string>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastEventAt: timestamp('last_event_at', { withTimezone: true }),
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    lastTestedAt: timestamp('last_tested_at', { withTimezone: true }),
    lastTestOk: boolean('last_test_ok'),
    eventsReceived: integer('events_received').notNull().default(0),
    eventsImported: integer('events_imported').notNull().default(0),
    eventsFailed: integer('events_failed').notNull().default(0),
    notesWritten: integer('notes_written').notNull().default(0),
  },
  (t) => [
    uniqueIndex('ats_connections_org_provider_unique').on(t.organizationId, t.provider),
    check('ats_connections_provider_check', sql`${t.provider} in ('greenhouse', 'lever', 'ashby')`),
  ],
);

/**
 * The inbox of webhook deliveries: written with the job that imports it, in the one transaction that answers the
 * ATS. The provider's event id is unique per connection, so a delivery sent twice is imported once.
 */
export const atsEvents = pgTable(
  'ats_events',
  {
    id: id(),
    organizationId: orgRef(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => atsConnections.id, { onDelete: 'cascade' }),
    providerEventId: text('provider_event_id').notNull(),
    action: text('action').notNull(),
    /** When it happened in the ATS (the application's last activity); orders events about one application. */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status')
      .$type<'queued' | 'retrying' | 'imported' | 'ignored' | 'superseded' | 'needs-reason' | 'failed'>()
      .notNull()
      .default('queued'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    /** The ATS's rejection reason when it maps onto none of Debrief's (the review queue). */
    unmappedReason: text('unmapped_reason'),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'set null' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ats_events_connection_event_unique').on(t.connectionId, t.providerEventId),
    index('ats_events_connection_status_idx').on(t.connectionId, t.status, t.receivedAt),
  ],
);

/** Which Debrief row an ATS record became (a job, a candidate, an application, a scorecard, a criterion). */
export const atsLinks = pgTable(
  'ats_links',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => atsConnections.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'job' | 'candidate' | 'application' | 'scorecard'>().notNull(),
    externalId: text('external_id').notNull(),
    localId: uuid('local_id').notNull(),
    organizationId: orgRef(),
    /** Applications: the ATS candidate's id (where notes are written back). */
    externalParentId: text('external_parent_id'),
    /** Applications: the time of the newest event applied, so an older one arriving late changes nothing. */
    lastEventAt: timestamp('last_event_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.connectionId, t.kind, t.externalId] }),
    index('ats_links_local_idx').on(t.kind, t.localId),
  ],
);

/**
 * An import of the rejections of the last days from a connected ATS, run in the background. Each rejection found
 * becomes an inbox event keyed `backfill:<application id>`, so a run that restarts (or a second run over the same days)
 * imports nothing twice; the counts are the progress the web app shows.
 */
export const atsBackfills = pgTable(
  'ats_backfills',
  {
    id: id(),
    organizationId: orgRef(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => atsConnections.id, { onDelete: 'cascade' }),
    days: integer('days').notNull(),
    since: timestamp('since', { withTimezone: true }).notNull(),
    /** The ATS's id of the one job it imports for; null for every job. */
    jobExternalId: text('job_external_id'),
    status: text('status').$type<'running' | 'done' | 'failed'>().notNull().default('running'),
    /** Rejections the ATS listed so far; of them, new to Debrief (queued for import). */
    found: integer('found').notNull().default(0),
    queued: integer('queued').notNull().default(0),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('ats_backfills_connection_idx').on(t.connectionId, t.createdAt),
    uniqueIndex('ats_backfills_one_running').on(t.connectionId).where(sql`${t.status} = 'running'`),
  ],
);

/** A note written back to the ATS when feedback is sent: its attempts and the ATS's last answer. */
export const atsWriteBacks = pgTable(
  'ats_write_backs',
  {
    id: id(),
    organizationId: orgRef(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => atsConnections.id, { onDelete: 'cascade' }),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    applicationId: applicationRef(),
    status: text('status').$type<'queued' | 'retrying' | 'written' | 'failed'>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    externalNoteId: text('external_note_id'),
    createdAt: createdAt(),
    writtenAt: timestamp('written_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ats_write_backs_feedback_unique').on(t.connectionId, t.feedbackId),
    index('ats_write_backs_connection_idx').on(t.connectionId, t.createdAt),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Enterprise identity: two-factor sign-in and single sign-on (src/app/identity/two-factor.ts, sso/).

/**
 * A member's authenticator app: the TOTP secret, sealed with ctx.secrets (context `totp:<userId>`). Pending until
 * confirmed with a first code. `lastStep` is the time step of the last code accepted: a code is never taken twice.
 */
export const totpFactors = pgTable('totp_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  organizationId: orgRef(),
  secret: text('secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** Single-use recovery codes for a member's second factor; only their SHA-256 is kept. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    organizationId: orgRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_code_unique').on(t.userId, t.codeHash)],
);

/**
 * Between a correct password and a session: a short-lived, single-use token (only its SHA-256 kept) that lets its
 * holder give the second factor (`code`) or, where the organization requires one, set it up (`enrol`).
 */
export const signInChallenges = pgTable(
  'sign_in_challenges',
  {
    id: id(),
    organizationId: orgRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<'code' | 'enrol'>().notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sign_in_challenges_token_hash_unique').on(t.tokenHash),
    index('sign_in_challenges_expires_idx').on(t.expiresAt),
    check('sign_in_challenges_purpose_check', sql`${t.purpose} in ('code', 'enrol')`),
  ],
);

/**
 * An organization's OpenID Connect provider for single sign-on. The client secret is sealed with ctx.secrets
 * (context `oidc:<organizationId>`). New members signing in through it join with `defaultRole`; `emailDomain`, when
 * set, is the only domain accepted.
 */
export const ssoConnections = pgTable(
  'sso_connections',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    clientSecret: text('client_secret').notNull(),
    emailDomain: text('email_domain'),
    defaultRole: text('default_role').$type<Role>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sso_connections_email_domain_unique').on(sql`lower(${t.emailDomain})`),
    check(
      'sso_connections_role_check',
      sql`${t.defaultRole} in ('admin', 'recruiter', 'hiring-manager', 'interviewer')`,
    ),
  ],
);
