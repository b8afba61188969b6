/** What a reminder says: where and when, with whom. Nothing clinical (no treatment, condition or notes). */
export interface ReminderEmailInput {
  patientName: string;
  clinicName: string;
  clinicAddress: string | null;
  clinicPhone: string | null;
  clinicianName: string;
  startsAt: Date;
  /** The clinic's IANA zone: the time is written as the patient will see it on the clinic's clock. */
  timeZone: string;
}

export interface ReminderEmail {
  subject: string;
  text: string;
}

/** "Monday, March 9, 2026 at 10:00 AM PDT": the clinic's local date and time, with its zone's abbreviation. */
export function localAppointmentTime(startsAt: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(startsAt);
}

export function reminderEmail(input: ReminderEmailInput): ReminderEmail {
  const when = localAppointmentTime(input.startsAt, input.timeZone);
  const lines = [
    `Hello ${input.patientName},`,
    '',
    `This is a reminder of your appointment at ${input.clinicName}.`,
    '',
    `When:  ${when}`,
    `With:  ${input.clinicianName}`,
    ...(input.clinicAddress ? [`Where: ${input.clinicAddress}`] : []),
    '',
    input.clinicPhone
      ? `If you need to change or cancel it, please call us on ${input.clinicPhone}.`
      : 'If you need to change or cancel it, please contact the clinic.',
    '',
    input.clinicName,
  ];
  return { subject: `Appointment reminder: ${when} at ${input.clinicName}`, text: lines.join('\n') };
}
