import { TZDate } from '@date-fns/tz';
import type { Appointment } from '@ims/contracts';
import type { Prisma } from '@ims/prisma';
import { isoInZone } from '../common/time/iso-in-zone';
import { scheduleName } from './conflict-lookup';
import { listRowToAppointment } from './appointment-list-sql';

/** What an Appointment payload needs from the database, loaded with the appointment in one query. */
export const APPOINTMENT_INCLUDE = {
  patient: { select: { firstName: true, lastName: true, preferredName: true } },
  clinician: { select: { displayName: true } },
  appointmentType: { select: { name: true } },
  room: { select: { name: true } },
} satisfies Prisma.AppointmentInclude;

export type AppointmentRow = Prisma.AppointmentGetPayload<{ include: typeof APPOINTMENT_INCLUDE }>;

export { isoInZone };

/**
 * The wall-clock time of an instant in a zone, as the `timestamp without time zone` column `local_start` takes it
 * through Prisma: a Date whose UTC fields are the local ones.
 */
export function localStartColumn(instant: Date, timeZone: string): Date {
  const local = new TZDate(instant.getTime(), timeZone);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()));
}

/** `local_start` back to `YYYY-MM-DDTHH:MM` (no offset: it is a wall-clock time, meaningful with `timeZone`). */
export const localStartText = (column: Date): string => column.toISOString().slice(0, 16);

/** A row read with APPOINTMENT_INCLUDE as the payload: the names resolved, then the list's one mapping of the fields. */
export function toAppointment(row: AppointmentRow): Appointment {
  return listRowToAppointment({
    ...row,
    startsAtMs: row.startsAt.getTime(),
    endsAtMs: row.endsAt.getTime(),
    localStart: localStartText(row.localStart),
    patientName: scheduleName(row.patient),
    clinicianName: row.clinician.displayName,
    appointmentTypeName: row.appointmentType.name,
    roomName: row.room?.name ?? null,
  });
}
