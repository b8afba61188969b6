import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectPrisma } from '../database/database.tokens';
import { JobQueue } from '../jobs/job-queue.service';
import { REMINDER_CHANNEL, REMINDER_SWEEP_QUEUE } from './reminder-job';
import { ReminderScheduler } from './reminder-scheduler.service';

/** Every 15 minutes (UTC), and once when a worker process starts. */
export const REMINDER_SWEEP_CRON = '*/15 * * * *';

/**
 * How far beyond the lead time the sweep looks. Larger than the sweep interval, so every appointment is in the window
 * at least one sweep before its reminder is due (its job then waits in the queue until then).
 */
const MARGIN_HOURS = 1;

/** Appointments queued per transaction: keeps each one short when many appointments arrive at once (an import). */
const BATCH_SIZE = 100;

/**
 * Queues the reminders that booking and moving through the API never queued: appointments written straight to the
 * database (the demo seed, imports), a patient who gave email-reminder consent after booking, jobs lost when the
 * queue's tables were restored from an older backup. It looks for booked appointments starting within the lead time
 * (plus a margin) whose patient may be reminded and whose current version has no appointment_reminder row, and hands
 * them to the ReminderScheduler. The scheduler derives each job's id from appointmentId:version, so queueing one that
 * is already queued is a no-op; the sender's insert-first row stays what guarantees one email per version.
 */
@Injectable()
export class ReminderSweep implements OnModuleInit {
  private readonly logger = new Logger(ReminderSweep.name);

  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly scheduler: ReminderScheduler,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define(REMINDER_SWEEP_QUEUE);
    this.jobs.handle(REMINDER_SWEEP_QUEUE.name, async () => {
      const found = await this.sweep();
      if (found > 0) this.logger.log(`reminder sweep: ${found} upcoming appointments without a reminder handed to the scheduler`);
    });
    this.jobs.schedule(REMINDER_SWEEP_QUEUE.name, REMINDER_SWEEP_CRON);
  }

  /** Runs one sweep now; returns how many appointments it handed to the scheduler (queued, or already queued). */
  async sweep(now = new Date()): Promise<number> {
    const horizon = new Date(now.getTime() + (this.config.REMINDER_LEAD_HOURS + MARGIN_HOURS) * 3_600_000);
    const ids = await this.findUnreminded(now, horizon);
    for (let start = 0; start < ids.length; start += BATCH_SIZE) {
      const batch = ids.slice(start, start + BATCH_SIZE);
      // The scheduler re-reads each appointment in this transaction and re-checks who may be reminded.
      await this.prisma.$transaction((tx) => this.scheduler.reschedule(batch, tx));
    }
    return ids.length;
  }

  /**
   * One query. The range test on tstzrange(starts_at, ends_at) together with the status test matches the partial
   * GiST indexes behind the no-overlap exclusion constraints, so PostgreSQL can read only the window's active
   * appointments instead of scanning the table; the starts_at bounds then keep exactly the ones starting in it.
   */
  private async findUnreminded(now: Date, horizon: Date): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<Array<{ id: string }>>`
      SELECT a.id
      FROM appointment a
      JOIN patient p ON p.id = a.patient_id
      WHERE a.status = 'booked'
        AND a.status NOT IN ('cancelled', 'no_show')
        AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(${now}::timestamptz, ${horizon}::timestamptz, '[)')
        AND a.starts_at > ${now}::timestamptz AND a.starts_at <= ${horizon}::timestamptz
        AND p.reminder_consent_email AND p.email IS NOT NULL AND p.archived_at IS NULL AND p.anonymised_at IS NULL
        AND NOT EXISTS (
          SELECT FROM appointment_reminder r
          WHERE r.appointment_id = a.id AND r.appointment_version = a.version AND r.channel = ${REMINDER_CHANNEL}
        )
      ORDER BY a.starts_at`;
    return rows.map((row) => row.id);
  }
}
