import type { AppContext } from './app/context';
import { approveDraftsJob } from './app/feedback/approve-drafts';
import { feedbackDelivery } from './app/feedback/feedback-delivery';
import { reviewDigestJob } from './app/feedback/send-review-digest';
import { rejectApplicationsJob } from './app/hiring/reject-applications';
import { rejectRemainingJob } from './app/hiring/reject-remaining';
import { scorecardReminderJob } from './app/hiring/scorecard-requests';
import { housekeepingJob } from './app/housekeeping';
import { eraseOrganizationJob } from './app/organization/erase-organization';
import { passwordResetJob } from './app/password-reset-job';
import { retentionJob } from './app/privacy/retention';
import type { Config } from './config';
import type { Database } from './db/client';
import { createHttpApp } from './http/app';
import { atsBackfillJob } from './integrations/backfill';
import { csvImportJob } from './integrations/csv-import/import-job';
import { atsImportJob } from './integrations/import-event';
import { webhookDeliveryJob } from './integrations/webhooks/deliver-webhook';
import { atsWriteBackJob } from './integrations/write-back';
import { deliverEmailJob } from './jobs/deliver-email';
import { JobRunner } from './jobs/runner';
import type { Logger } from './lib/logger';
import { createSecretBox, loadSecretKeys } from './lib/secret-box';
import { createMailer, type Mailer } from './mail/mailer';

export interface Debrief {
  ctx: AppContext;
  http: ReturnType<typeof createHttpApp>;
  runner: JobRunner;
  mailer: Mailer;
}

/** Wires Debrief's parts around an open, migrated database. Used by the server process and by the tests alike. */
export function assemble(
  config: Config,
  database: Database,
  logger: Logger,
  opts: { mailer?: Mailer } = {},
): Debrief {
  const mailer =
    opts.mailer ??
    createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, dataDir: config.dataDir });
  const messageDomain = new URL(config.publicUrl).hostname || 'debrief.localhost';
  const deliverEmail = deliverEmailJob(mailer, messageDomain, { feedback: feedbackDelivery });
  const { keys, fromFile } = loadSecretKeys(config.SECRETS_KEY, config.dataDir);
  if (fromFile && config.DATABASE_URL && config.NODE_ENV === 'production') {
    logger.warn(
      'SECRETS_KEY is not set: stored secrets are sealed with a key file in DATA_DIR, which every instance must share',
    );
  }
  const ctx: AppContext = {
    db: database.db,
    engine: database.engine,
    config,
    logger,
    secrets: createSecretBox(keys),
    jobs: {
      deliverEmail: { ...deliverEmail, maxAttempts: config.JOB_MAX_ATTEMPTS },
      bulkReject: rejectRemainingJob(() => ctx),
      rejectSelected: rejectApplicationsJob(() => ctx),
      approveDrafts: approveDraftsJob(() => ctx),
      passwordReset: passwordResetJob(() => ctx),
      scorecardReminder: scorecardReminderJob(() => ctx),
      retention: retentionJob(() => ctx),
      reviewDigest: reviewDigestJob(() => ctx),
      csvImport: csvImportJob(() => ctx),
      webhookDelivery: webhookDeliveryJob(() => ctx),
      atsImport: atsImportJob(() => ctx),
      atsWriteBack: atsWriteBackJob(() => ctx),
      eraseOrganization: eraseOrganizationJob,
      poke: () => runner.poke(),
    },
  };
  const runner = new JobRunner(
    database.db,
    [
      ctx.jobs.deliverEmail,
      ctx.jobs.bulkReject,
      ctx.jobs.rejectSelected,
      ctx.jobs.approveDrafts,
      ctx.jobs.passwordReset,
      ctx.jobs.scorecardReminder,
      ctx.jobs.retention,
      ctx.jobs.reviewDigest,
      ctx.jobs.csvImport,
      ctx.jobs.webhookDelivery,
      ctx.jobs.atsImport,
      ctx.jobs.atsWriteBack,
      atsBackfillJob(() => ctx),
      housekeepingJob,
      eraseOrganizationJob,
    ],
    {
      pollMs: config.JOB_POLL_MS,
      retryBaseMs: config.JOB_RETRY_BASE_MS,
      leaseMs: config.JOB_LEASE_MS,
      concurrency: config.JOB_CONCURRENCY,
      logger: logger.child({ component: 'jobs' }),
    },
  );
  return { ctx, http: createHttpApp(ctx), runner, mailer };
}
