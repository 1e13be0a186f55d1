import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { outbox } from '../db/schema';
import { errorMessage, type Logger } from '../lib/logger';

export interface JobContext {
  db: Db;
  logger: Logger;
  jobId: number;
  attempt: number;
  /** The attempts this job gets: when `attempt` reaches it, a failure is final. */
  maxAttempts: number;
}

/** Thrown by a handler when trying again cannot help: the job fails at once, with no further attempts. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** A job is a definition (its kind and retry policy) plus a handler. */
export interface JobDefinition<P extends Record<string, unknown> = Record<string, unknown>> {
  kind: string;
  maxAttempts?: number;
  handle(payload: P, ctx: JobContext): Promise<void>;
  /** Called once when the last attempt has failed, or an attempt failed for good (PermanentJobError). */
  onFailed?(payload: P, error: Error, ctx: JobContext): Promise<void>;
}

export interface EnqueueOptions {
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * Writes a job into the outbox. Call it with the transaction that makes the state change, so that the change and the
 * job commit together or not at all. A job with a dedupe key that already exists is not added again.
 */
export async function enqueue<P extends Record<string, unknown>>(
  tx: Executor,
  def: JobDefinition<P>,
  payload: P,
  opts: EnqueueOptions & { defaultMaxAttempts?: number } = {},
): Promise<void> {
  await tx
    .insert(outbox)
    .values({
      kind: def.kind,
      payload,
      runAt: opts.runAt ?? new Date(),
      dedupeKey: opts.dedupeKey ?? null,
      maxAttempts: opts.maxAttempts ?? def.maxAttempts ?? opts.defaultMaxAttempts ?? 8,
    })
    .onConflictDoNothing();
}

interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export interface RunnerOptions {
  pollMs: number;
  retryBaseMs: number;
  /**
   * How long a claim lasts without renewal. The worker renews it every third of this while the job runs, so a live
   * worker keeps its job however slow the job is, and a crashed worker's job is taken over within one lease.
   */
  leaseMs?: number;
  /** How many jobs run at once: a slow mail server for one message does not hold up the others. */
  concurrency?: number;
  logger: Logger;
}

/**
 * Runs due jobs inside the server process. Claims jobs one at a time with FOR UPDATE SKIP LOCKED (so several
 * processes on one PostgreSQL never take the same job) and runs up to `concurrency` of them at once, retries
 * failures with exponential backoff, and takes over jobs whose lease expired (a crashed worker).
 */
export class JobRunner {
  private readonly defs = new Map<string, JobDefinition>();
  private timer: NodeJS.Timeout | undefined;
  /** Jobs being run now, by the background loop and by `runDue` alike; `stop` waits for them. */
  private readonly inFlight = new Set<Promise<unknown>>();
  /**
   * The ids of the jobs this runner holds. A claim never takes one of them back, even when its lease has lapsed (a
   * renewal held up behind a long transaction on the embedded database): the lease is for other processes.
   */
  private readonly held = new Set<number>();
  /** The background loop's claiming, while it fills free slots. */
  private filling: Promise<void> | undefined;
  private stopped = true;
  private closing = false;
  private again = false;

  constructor(
    private readonly db: Db,
    definitions: JobDefinition<never>[],
    private readonly opts: RunnerOptions,
  ) {
    for (const d of definitions) this.defs.set(d.kind, d as unknown as JobDefinition);
  }

  private get concurrency(): number {
    return Math.max(1, this.opts.concurrency ?? 1);
  }

  start(): void {
    this.stopped = false;
    clearInterval(this.timer);
    this.timer = setInterval(() => this.fill(), this.opts.pollMs);
    this.timer.unref?.();
    this.fill();
  }

  /** Ask for a run now (after a transaction that enqueued work). */
  poke(): void {
    this.fill();
  }

  /** Stops claiming and waits for every job in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    clearInterval(this.timer);
    await this.filling;
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * The background loop: claims due jobs while a slot is free, and starts each at once. A finished job frees its slot
   * and looks for more; so does a poke, and the poll timer.
   */
  private fill(): void {
    if (this.stopped) return;
    if (this.filling) {
      this.again = true;
      return;
    }
    this.filling = (async () => {
      do {
        this.again = false;
        while (!this.stopped && this.inFlight.size < this.concurrency) {
          const job = await this.claim();
          if (!job) break;
          this.track(this.execute(job)).finally(() => this.fill());
        }
      } while (this.again && !this.stopped && this.inFlight.size < this.concurrency);
    })()
      .catch((e) => this.opts.logger.error('job runner failed', { err: e }))
      .finally(() => {
        this.filling = undefined;
      });
  }

  private track(p: Promise<void>): Promise<void> {
    const tracked = p.catch((e) => this.opts.logger.error('job runner failed', { err: e }));
    this.inFlight.add(tracked);
    return tracked.finally(() => this.inFlight.delete(tracked));
  }

  /** Runs every job that is due now, up to `concurrency` at once, until none is left; returns how many ran. */
  async runDue(limit = 1000): Promise<number> {
    let n = 0;
    const worker = async () => {
      while (n < limit && !this.closing) {
        const job = await this.claim();
        if (!job) return;
        n++;
        await this.track(this.execute(job));
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    return n;
  }

  private async claim(): Promise<ClaimedJob | undefined> {
    const leaseMs = this.leaseMs;
    const kinds = [...this.defs.keys()];
    const held = this.held.size
      ? sql`and id not in (${sql.join(
          [...this.held].map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``;
    const res = await this.db.execute(sql`
      update ${outbox} set status = 'running', attempts = attempts + 1,
        locked_until = now() + make_interval(secs => ${leaseMs / 1000})
      where id = (
        select id from ${outbox}
        where kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
          and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
          ${held}
        order by run_at, id
        for update skip locked
        limit 1)
      returning id, kind, payload, attempts, max_attempts`);
    const job = (res as unknown as { rows: ClaimedJob[] }).rows[0];
    if (job) this.held.add(job.id);
    return job;
  }

  private get leaseMs(): number {
    return this.opts.leaseMs ?? 10_000;
  }

  /** Renews the claim on a running job while this worker holds it. */
  private heartbeat(job: ClaimedJob): () => void {
    const timer = setInterval(() => {
      this.db
        .execute(
          sql`update ${outbox} set locked_until = now() + make_interval(secs => ${this.leaseMs / 1000})
              where id = ${job.id} and status = 'running' and attempts = ${job.attempts}`,
        )
        .catch((e) =>
          this.opts.logger.warn('job lease renewal failed', { jobId: job.id, err: errorMessage(e) }),
        );
    }, this.leaseMs / 3);
    timer.unref?.();
    return () => clearInterval(timer);
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const def = this.defs.get(job.kind)!;
    const stopHeartbeat = this.heartbeat(job);
    try {
      await this.attempt(def, job);
    } finally {
      stopHeartbeat();
      this.held.delete(job.id);
    }
  }

  private async attempt(def: JobDefinition, job: ClaimedJob): Promise<void> {
    const logger = this.opts.logger.child({ jobId: job.id, job: job.kind, attempt: job.attempts });
    const ctx: JobContext = {
      db: this.db,
      logger,
      jobId: job.id,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
    };
    const started = Date.now();
    try {
      await def.handle(job.payload as never, ctx);
      await this.db.execute(
        sql`update ${outbox} set status = 'done', finished_at = now(), locked_until = null, last_error = null where id = ${job.id}`,
      );
      logger.info('job done', { ms: Date.now() - started });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const message = errorMessage(err);
      const permanent = err instanceof PermanentJobError;
      if (permanent || job.attempts >= job.max_attempts) {
        await this.db.execute(
          sql`update ${outbox} set status = 'failed', finished_at = now(), locked_until = null, last_error = ${message} where id = ${job.id}`,
        );
        logger.error(permanent ? 'job failed for good: no retry can help' : 'job failed for good', {
          err: message,
        });
        await def
          .onFailed?.(job.payload as never, err, ctx)
          .catch((x) => logger.error('onFailed failed', { err: x }));
      } else {
        const delay = backoffMs(job.attempts, this.opts.retryBaseMs);
        await this.db.execute(
          sql`update ${outbox} set status = 'queued', locked_until = null, last_error = ${message},
              run_at = now() + make_interval(secs => ${delay / 1000}) where id = ${job.id}`,
        );
        logger.warn('job will retry', { err: message, retryInMs: delay });
      }
    }
  }
}

/** Exponential backoff: base, 2x base, 4x base, ... capped at six hours. */
export function backoffMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 6 * 3600_000);
}
