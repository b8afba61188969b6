import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import type { AppointmentStatus } from '@ims/prisma';

/** What the feed shows of one appointment: when, where, what kind, and who by first name and initial only. */
export interface FeedAppointment {
  id: string;
  version: number;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  /** The IANA zone the appointment was booked in (its clinic's). */
  timeZone: string;
  updatedAt: Date;
  createdAt: Date;
  typeName: string;
  clinicName: string;
  roomName: string | null;
  patient: { firstName: string; preferredName: string | null; lastName: string };
}

export interface ClinicianCalendarInput {
  clinicianName: string;
  appointments: FeedAppointment[];
}

/** UIDs must never change for an appointment (RFC 5545 3.8.4.7): its id at a fixed domain, not the app's URL. */
export const UID_DOMAIN = 'ims.clinic';

/** "Pat T.": enough for the clinician to recognise the visit; a calendar synced to a phone never holds a surname. */
export function patientLabel(patient: FeedAppointment['patient']): string {
  const first = (patient.preferredName ?? patient.firstName).trim();
  const initial = patient.lastName.trim().charAt(0).toUpperCase();
  return initial ? `${first} ${initial}.` : first;
}

/**
 * A clinician's appointments as an iCalendar (RFC 5545) feed: local times with TZID and a VTIMEZONE per zone used,
 * a stable UID per appointment, SEQUENCE = version − 1 (each change bumps it), cancelled ones as STATUS:CANCELLED so
 * subscribed calendars drop them. No clinical content: type, clinic and room only.
 */
export function clinicianCalendar(input: ClinicianCalendarInput): string {
  const calendar = new ICalCalendar({
    prodId: { company: 'IMS Clinic', product: 'Clinician schedule', language: 'EN' },
    name: `IMS schedule: ${input.clinicianName}`,
    // Clients that honour it refresh every 15 minutes.
    ttl: 15 * 60,
  });
  // The generator writes a VTIMEZONE for every event's zone. No calendar-wide zone name on purpose: with one,
  // ical-generator writes DTSTAMP/LAST-MODIFIED as floating local times, which RFC 5545 forbids (they must be UTC).
  calendar.timezone({ name: '', generator: getVtimezoneComponent });
  for (const appointment of input.appointments) {
    const zone = appointment.timeZone;
    const noShow = appointment.status === 'no_show';
    calendar.createEvent({
      id: `${appointment.id}@${UID_DOMAIN}`,
      sequence: appointment.version - 1,
      start: new TZDate(appointment.startsAt, zone),
      end: new TZDate(appointment.endsAt, zone),
      timezone: zone,
      stamp: appointment.updatedAt,
      created: appointment.createdAt,
      lastModified: appointment.updatedAt,
      summary: `${appointment.typeName} — ${patientLabel(appointment.patient)}${noShow ? ' (no-show)' : ''}`,
      location: appointment.roomName ? `${appointment.clinicName}, ${appointment.roomName}` : appointment.clinicName,
      status: appointment.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
