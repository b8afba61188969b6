import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Database, Prisma } from '@ims/prisma';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectDatabase } from '../database/database.tokens';
import { rawDatabaseExecutor, transactionExecutor } from './boss-executors';
import { installJobSchema, JOB_SCHEMA, type QueueDefinition } from './job-schema';

export type JobHandler<T> = (job: PgBoss.Job<T>) => Promise<void>;

/** How often an idle worker looks for due jobs. Reminders are due hours ahead, so seconds of delay do not matter. */
const POLLING_INTERVAL_SECONDS = 5;

/**
 * The queue pg-boss's scheduler (its "timekeeper") sends cron ticks through. It creates it on start, but that is DDL
 * (a partition) a runtime role may not run, so the installer creates it with the app's queues.
 */
const PG_BOSS_CRON_QUEUE = '__pgboss__send-it';

/**
 * The app's job queue: pg-boss on the app's own database (PostgreSQL, or PGlite in demo mode), so jobs are rows that
 * survive restarts and need no other infrastructure. Features declare their queues and handlers in onModuleInit; the
 * queue starts once every module is initialised (onApplicationBootstrap) and stops before the database closes.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobQueue.name);
  private readonly queues = new Map<string, QueueDefinition>();
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly schedules = new Map<string, string>();
  private boss?: PgBoss;

  constructor(
    @InjectDatabase() private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  define(queue: QueueDefinition): void {
    this.queues.set(queue.name, queue);
  }

  /** The function that runs a queue's jobs; workers in this process call it when JOB_WORKERS is on. */
  handle<T>(name: string, handler: JobHandler<T>): void {
    this.handlers.set(name, handler as JobHandler<unknown>);
  }

  /**
   * Runs a queue's job on a cron schedule (UTC) through pg-boss's scheduler: the schedule is a row in its `schedule`
   * table, and whichever worker process holds the tick sends the job, so replicas do not multiply it. A worker process
   * also sends one at start. Give the queue a 'stately' policy so runs never pile up.
   */
  schedule(name: string, cron: string): void {
    this.schedules.set(name, cron);
  }

  async onApplicationBootstrap(): Promise<void> {
    const onError = (error: Error) => this.logger.error(`job queue error: ${error.message}`, error.stack);
    const appDb = rawDatabaseExecutor(this.database.raw);
    const ownerUrl = this.database.kind === 'postgresql' ? this.config.MIGRATION_DATABASE_URL : undefined;
    const queues = [...this.queues.values(), ...(this.schedules.size > 0 ? [{ name: PG_BOSS_CRON_QUEUE, options: {} }] : [])];
    await installJobSchema({ connection: ownerUrl ? { connectionString: ownerUrl } : { db: appDb }, queues, onError });

    const workers = this.config.JOB_WORKERS === 'on';
    // Only worker processes keep time: a web-only replica neither sends cron ticks nor runs them.
    const boss = new PgBoss({ db: appDb, schema: JOB_SCHEMA, migrate: false, schedule: workers, supervise: workers });
    boss.on('error', onError);
    await boss.start();
    this.boss = boss;
    for (const [name, cron] of this.schedules) await boss.schedule(name, cron, {}, { tz: 'UTC' });
    if (!workers) return;
    for (const [name, handler] of this.handlers) {
      await boss.work(name, { batchSize: 1, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS }, ([job]) => handler(job));
    }
    for (const name of this.schedules.keys()) await boss.send(name, {});
  }

  /** Queues a job in the caller's transaction: it exists only if that transaction commits. Null when `id` exists. */
  send(name: string, data: object, options: Omit<PgBoss.SendOptions, 'db'>, tx: Prisma.TransactionClient): Promise<string | null> {
    return this.started().send(name, data, { ...options, db: transactionExecutor(tx) });
  }

  /** Cancels queued jobs (unknown or finished ids are ignored) in the caller's transaction. */
  async cancel(name: string, ids: string[], tx: Prisma.TransactionClient): Promise<void> {
    if (ids.length > 0) await this.started().cancel(name, ids, { db: transactionExecutor(tx) });
  }

  async getJob(name: string, id: string): Promise<PgBoss.JobWithMetadata | null> {
    return this.started().getJobById(name, id);
  }

  /**
   * Runs a queue's due jobs now, here, the way a worker would on its next poll (completing, or failing into a
   * retry): for tests and for operators draining a queue. Returns how many jobs it ran.
   */
  async runDue(name: string): Promise<number> {
    const boss = this.started();
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for queue ${name}`);
    let ran = 0;
    for (;;) {
      const jobs = await boss.fetch<unknown>(name, { batchSize: 10 });
      if (jobs.length === 0) return ran;
      for (const job of jobs) {
        ran += 1;
        try {
          await handler(job);
          await boss.complete(name, job.id);
        } catch (error) {
          await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    // Workers finish the job in hand; the pool is the app's and is closed by DatabaseModule afterwards.
    await this.boss?.stop({ graceful: true, close: false, wait: true, timeout: this.config.SHUTDOWN_TIMEOUT_MS });
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('The job queue has not started yet');
    return this.boss;
  }
}
