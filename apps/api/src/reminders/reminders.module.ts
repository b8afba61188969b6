import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { JobsModule } from '../jobs/jobs.module';
import { MailModule } from '../mail/mail.module';
import { ReminderScheduler } from './reminder-scheduler.service';
import { ReminderSender } from './reminder-sender.service';
import { ReminderSweep } from './reminder-sweep.service';

/**
 * Email reminders before appointments, queued in PostgreSQL (pg-boss), kept in step with every change, and swept
 * for every 15 minutes to catch appointments that arrived another way.
 */
@Module({
  imports: [AppointmentsModule, JobsModule, MailModule],
  providers: [ReminderScheduler, ReminderSender, ReminderSweep],
  exports: [ReminderSender, ReminderSweep],
})
export class RemindersModule {}
