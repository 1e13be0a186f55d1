import { serve } from '@hono/node-server';
import { scheduleReviewDigest } from './app/feedback/send-review-digest';
import { housekeepingJob, scheduleHousekeeping } from './app/housekeeping';
import { scheduleRetention } from './app/privacy/retention';
import { assemble } from './boot';
import { ConfigError, loadConfig } from './config';
import { writeSnapshot } from './db/backup';
import { openDatabase } from './db/client';
import { DataDirLockedError } from './db/lock';
import { createLogger } from './lib/logger';
import { SEND_TIMEOUT_MS } from './mail/mailer';

/** The server process: settings, database (locked, migrated), job runner, HTTP, and a clean shutdown. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`debrief: ${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      process.stderr.write(`debrief: ${e.message}\n`);
      process.exit(73);
    }
    throw e;
  }
  await database.migrate();
  const { ctx, http, runner, mailer } = assemble(config, database, logger);
  // Expired links, sessions and counts are swept hourly; every instance queues the current hour's run, once.
  await scheduleHousekeeping(database.db, housekeepingJob);
  // Rejected candidates' data past the organization's retention period is erased daily (src/app/privacy/retention.ts).
  await scheduleRetention(database.db, ctx.jobs.retention);
  // Reviewers get a daily summary of drafts waiting and requests due (src/app/feedback/send-review-digest.ts).
  await scheduleReviewDigest(database.db, ctx.jobs.reviewDigest);
  runner.start();
  // `npm run backup` asks the running server for an online snapshot of the embedded database.
  if (database.snapshot) {
    process.on('SIGUSR2', () => {
      writeSnapshot(database, config.dataDir).then(
        (file) => logger.info('snapshot written', { file }),
        (err) => logger.error('snapshot failed', { err }),
      );
    });
  }

  const server = serve({ fetch: http.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info('Debrief is serving', {
      url: config.publicUrl,
      port: info.port,
      database:
        database.engine === 'pglite'
          ? `embedded PostgreSQL in ${config.dataDir}`
          : 'PostgreSQL (DATABASE_URL)',
      mail: mailer.kind === 'smtp' ? 'SMTP_URL' : `files in ${config.dataDir}/mail`,
    });
  });
  server.on('error', async (e: NodeJS.ErrnoException) => {
    logger.error(
      e.code === 'EADDRINUSE' ? `Port ${config.PORT} is in use; set PORT to another port` : 'server error',
      { err: e },
    );
    await runner.stop();
    await database.close();
    process.exit(1);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    // An email being sent is finished, not abandoned: wait out the SMTP timeout, with a margin for the commit.
    const graceMs = SEND_TIMEOUT_MS + 5_000;
    const force = setTimeout(() => {
      logger.error(`shutdown took longer than ${graceMs / 1000} s; exiting`);
      process.exit(1);
    }, graceMs);
    force.unref();
    // Stop accepting connections and let in-flight requests finish, then stop workers, then close the database.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    });
    await runner.stop();
    mailer.close();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e) => {
  process.stderr.write(
    `debrief: failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
