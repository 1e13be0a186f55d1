import type { AppContext } from './app/context';
import { feedbackDelivery } from './app/feedback/feedback-delivery';
import { rejectRemainingJob } from './app/hiring/reject-remaining';
import { housekeepingJob } from './app/housekeeping';
import { eraseOrganizationJob } from './app/organization/erase-organization';
import { passwordResetJob } from './app/password-reset-job';
import type { Config } from './config';
import type { Database } from './db/client';
import { createHttpApp } from './http/app';
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
    config,
    logger,
    secrets: createSecretBox(keys),
    jobs: {
      deliverEmail: { ...deliverEmail, maxAttempts: config.JOB_MAX_ATTEMPTS },
      bulkReject: rejectRemainingJob(() => ctx),
      passwordReset: passwordResetJob(() => ctx),
      eraseOrganization: eraseOrganizationJob,
      poke: () => runner.poke(),
    },
  };
  const runner = new JobRunner(
    database.db,
    [
      ctx.jobs.deliverEmail,
      ctx.jobs.bulkReject,
      ctx.jobs.passwordReset,
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
