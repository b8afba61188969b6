import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { JobQueue } from '../jobs/job-queue.service';
import { MailerService } from '../mail/mailer.service';
import { REMINDER_CHANNEL as CHANNEL, REMINDER_QUEUE, ReminderJobData } from './reminder-job';
import { shouldRemind, type ReminderDecision } from './reminder-eligibility';
import { reminderEmail } from './reminder-email';

export type ReminderOutcome = 'sent' | 'already-sent' | 'stale-version' | 'gone' | Exclude<ReminderDecision, 'remind'>;

/**
 * Sends one queued reminder, at most once per appointment version. The appointment is re-read when the job runs:
 * a moved (newer version), cancelled or no-show appointment, or a patient who withdrew consent, gets nothing. The
 * AppointmentReminder row (unique per appointment, version and channel) is inserted and locked before sending and
 * marked sent in the same transaction, so a retry or a second worker finds it sent and skips. A send that fails rolls
 * the row back and the queue retries with backoff; only a crash between the SMTP server accepting the mail and the
 * commit can repeat it (SMTP has no idempotency key).
 */
@Injectable()
export class ReminderSender implements OnModuleInit {
  private readonly logger = new Logger(ReminderSender.name);

  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly mailer: MailerService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.handle<unknown>(REMINDER_QUEUE.name, async (job) => {
      const outcome = await this.send(ReminderJobData.parse(job.data));
      this.logger.log(`reminder job ${job.id}: ${outcome}`);
    });
  }

  async send(job: ReminderJobData): Promise<ReminderOutcome> {
    if (!this.mailer.configured) throw new Error('Cannot send reminders: SMTP_URL is not configured');
    // Sending happens inside the transaction (it holds the reminder row's lock), so allow for a slow mail server.
    return this.prisma.$transaction((tx) => this.sendIn(tx, job), { maxWait: 10_000, timeout: 60_000 });
  }

  private async sendIn(tx: Prisma.TransactionClient, job: ReminderJobData): Promise<ReminderOutcome> {
    const appointment = await tx.appointment.findUnique({
      where: { id: job.appointmentId },
      include: {
        patient: { select: { firstName: true, preferredName: true, email: true, reminderConsentEmail: true, archivedAt: true, anonymisedAt: true } },
        clinic: { select: { name: true, address: true, phone: true, timeZone: true } },
        clinician: { select: { displayName: true } },
      },
    });
    if (!appointment) return 'gone';
    if (appointment.version !== job.version) return 'stale-version';
    const decision = shouldRemind(appointment, new Date());
    if (decision !== 'remind') return decision;
    const recipient = appointment.patient.email as string;

    await tx.appointmentReminder.createMany({
      data: [{ organisationId: appointment.organisationId, appointmentId: appointment.id, appointmentVersion: job.version, channel: CHANNEL, recipient }],
      skipDuplicates: true,
    });
    const [reminder] = await tx.$queryRaw<Array<{ id: string; sent_at: Date | null }>>`
      SELECT id, sent_at FROM appointment_reminder
      WHERE appointment_id = ${appointment.id}::uuid AND appointment_version = ${job.version} AND channel = ${CHANNEL}
      FOR UPDATE`;
    if (reminder.sent_at) return 'already-sent';

    const email = reminderEmail({
      patientName: appointment.patient.preferredName ?? appointment.patient.firstName,
      clinicName: appointment.clinic.name,
      clinicAddress: appointment.clinic.address,
      clinicPhone: appointment.clinic.phone,
      clinicianName: appointment.clinician.displayName,
      startsAt: appointment.startsAt,
      // The zone the appointment was booked in (the clinic's), kept with the appointment.
      timeZone: appointment.timeZone,
    });
    await this.mailer.send({ to: recipient, ...email });
    await tx.appointmentReminder.update({ where: { id: reminder.id }, data: { sentAt: new Date(), recipient } });
    return 'sent';
  }
}
