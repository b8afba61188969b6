import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { QueueDefinition } from '../jobs/job-schema';

/**
 * The reminder queue. A failed send (SMTP down) is retried up to 6 times with exponential backoff from one minute;
 * a job stuck in a crashed worker expires after 5 minutes and is retried like a failure.
 */
export const REMINDER_QUEUE: QueueDefinition = {
  name: 'send-reminder',
  options: { policy: 'standard', retryLimit: 6, retryDelay: 60, retryBackoff: true, expireInSeconds: 300, retentionDays: 30 },
};

/**
 * The periodic sweep that queues reminders the appointment events never saw (see reminder-sweep.service.ts). At most
 * one run is queued and one active at a time ('stately'), so a slow run never piles ticks up behind it.
 */
export const REMINDER_SWEEP_QUEUE: QueueDefinition = {
  name: 'sweep-reminders',
  options: { policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 300, retentionDays: 1 },
};

/** The reminders' channel in appointment_reminder (one row per appointment, version and channel). */
export const REMINDER_CHANNEL = 'email';

export const ReminderJobData = z.object({ appointmentId: z.uuid(), version: z.number().int().min(1) });
export type ReminderJobData = z.infer<typeof ReminderJobData>;

/** One reminder per appointment version: the queue's singleton key. */
export const reminderSingletonKey = ({ appointmentId, version }: ReminderJobData): string => `${appointmentId}:${version}`;

/**
 * The job's id, derived from the singleton key: queueing the same version twice is a no-op (the id exists), and a
 * move or cancel can withdraw earlier versions' jobs without having stored their ids.
 */
export function reminderJobId(data: ReminderJobData): string {
  const hex = createHash('sha256').update(`ims-reminder:${reminderSingletonKey(data)}`).digest('hex');
  // RFC 9562 layout: version 8 (custom), variant 10.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** When the reminder goes out: `leadHours` before the start, or at once when that moment has already passed. */
export function reminderSendAt(startsAt: Date, leadHours: number, now: Date): Date {
  const due = new Date(startsAt.getTime() - leadHours * 3_600_000);
  return due < now ? now : due;
}

/** The job ids of every earlier version of an appointment, whose reminders a change makes stale. */
export function earlierReminderJobIds(appointmentId: string, currentVersion: number): string[] {
  return Array.from({ length: Math.max(0, currentVersion - 1) }, (_, index) => reminderJobId({ appointmentId, version: index + 1 }));
}
