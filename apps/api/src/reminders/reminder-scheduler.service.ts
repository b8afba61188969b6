import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Prisma } from '@ims/prisma';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppointmentEvents } from '../appointments/appointment-events';
import { JobQueue } from '../jobs/job-queue.service';
import { earlierReminderJobIds, REMINDER_QUEUE, reminderJobId, reminderSendAt, reminderSingletonKey } from './reminder-job';
import { shouldRemind } from './reminder-eligibility';

/**
 * Keeps one queued reminder per appointment in step with it: booking or moving queues a reminder for the new version
 * (REMINDER_LEAD_HOURS before the start) and withdraws earlier versions' reminders; cancelling or a no-show withdraws
 * them all. It runs in the appointment's own transaction, so the queue never disagrees with a committed change; the
 * sender re-checks everything anyway (a reminder withdrawn too late is skipped as stale).
 */
@Injectable()
export class ReminderScheduler implements OnModuleInit {
  constructor(
    private readonly events: AppointmentEvents,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define(REMINDER_QUEUE);
    this.events.subscribe((appointmentIds, tx) => this.reschedule(appointmentIds, tx));
  }

  async reschedule(appointmentIds: string[], tx: Prisma.TransactionClient): Promise<void> {
    const now = new Date();
    const appointments = await tx.appointment.findMany({
      where: { id: { in: appointmentIds } },
      select: {
        id: true,
        version: true,
        status: true,
        startsAt: true,
        patient: { select: { email: true, reminderConsentEmail: true, archivedAt: true, anonymisedAt: true } },
      },
    });
    for (const appointment of appointments) {
      const current = { appointmentId: appointment.id, version: appointment.version };
      await this.jobs.cancel(REMINDER_QUEUE.name, earlierReminderJobIds(appointment.id, appointment.version), tx);
      if (shouldRemind(appointment, now) !== 'remind') {
        await this.jobs.cancel(REMINDER_QUEUE.name, [reminderJobId(current)], tx);
        continue;
      }
      await this.jobs.send(REMINDER_QUEUE.name, current, {
        id: reminderJobId(current),
        singletonKey: reminderSingletonKey(current),
        startAfter: reminderSendAt(appointment.startsAt, this.config.REMINDER_LEAD_HOURS, now),
      }, tx);
    }
  }
}
