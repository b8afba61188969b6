import type { AppointmentStatus } from '@ims/prisma';

export interface ReminderFacts {
  status: AppointmentStatus;
  startsAt: Date;
  patient: { email: string | null; reminderConsentEmail: boolean; archivedAt: Date | null; anonymisedAt: Date | null };
}

export type ReminderDecision = 'remind' | 'not-booked' | 'in-the-past' | 'no-consent' | 'no-email';

/**
 * Whether an appointment, as it stands now, should get an email reminder: only a booked, future appointment of a
 * patient who consented to email reminders and has an address. Checked when scheduling and again when sending.
 */
export function shouldRemind(facts: ReminderFacts, now: Date): ReminderDecision {
  if (facts.status !== 'booked') return 'not-booked';
  if (facts.startsAt <= now) return 'in-the-past';
  // An archived or anonymised patient is no longer contacted, whatever the consent flag says.
  if (!facts.patient.reminderConsentEmail || facts.patient.archivedAt || facts.patient.anonymisedAt) return 'no-consent';
  if (!facts.patient.email) return 'no-email';
  return 'remind';
}
