import type { AppointmentStatus } from '@ims/contracts';
import { Prisma } from '@ims/prisma';
import type { AppointmentRow } from './appointment-view';

const DAY_MS = 86_400_000;

export interface AppointmentListQuery {
  organisationId: string;
  from: Date;
  to: Date;
  /** One clinic, or the clinics the user works in (undefined: the whole organisation). */
  clinicIds?: string[];
  clinicianId?: string;
  roomId?: string;
  patientId?: string;
  status?: AppointmentStatus;
}

/** A row of {@link appointmentListSql}: the appointment's columns, then the names the schedule shows with it. */
export interface AppointmentListRow extends Omit<AppointmentRow, 'patient' | 'clinician' | 'appointmentType' | 'room'> {
  patientFirstName: string;
  patientLastName: string;
  patientPreferredName: string | null;
  clinicianName: string;
  appointmentTypeName: string;
  roomName: string | null;
}

/**
 * The appointments overlapping [from, to) with the names the schedule shows, in ONE statement: Prisma's `include`
 * sends one statement per relation, which was most of a day list's cost (bench/RESULTS.md, Schedule day). The start
 * is bounded below by a day before `from` (exact, since the CHECK appointment_at_most_a_day), so index
 * (clinic_id, starts_at) reads only the window. Optional filters change the text, so each combination is its own
 * prepared statement: a few shapes, values always as parameters.
 */
export function appointmentListSql(query: AppointmentListQuery): Prisma.Sql {
  const filters: Prisma.Sql[] = [];
  if (query.clinicIds) filters.push(Prisma.sql`AND a.clinic_id = ANY(${query.clinicIds}::uuid[])`);
  if (query.clinicianId) filters.push(Prisma.sql`AND a.clinician_id = ${query.clinicianId}::uuid`);
  if (query.roomId) filters.push(Prisma.sql`AND a.room_id = ${query.roomId}::uuid`);
  if (query.patientId) filters.push(Prisma.sql`AND a.patient_id = ${query.patientId}::uuid`);
  if (query.status) filters.push(Prisma.sql`AND a.status = ${query.status}::appointment_status`);
  return Prisma.sql`SELECT a.id::text AS "id", a.organisation_id::text AS "organisationId", a.clinic_id::text AS "clinicId",
    a.patient_id::text AS "patientId", a.clinician_id::text AS "clinicianId", a.room_id::text AS "roomId",
    a.appointment_type_id::text AS "appointmentTypeId", a.plan_id::text AS "planId", a.version, a.starts_at AS "startsAt",
    a.ends_at AS "endsAt", a.local_start AS "localStart", a.time_zone AS "timeZone", a.status::text AS "status",
    a.status_changed_at AS "statusChangedAt", a.status_changed_by_id::text AS "statusChangedById",
    a.cancel_reason AS "cancelReason", a.late_cancellation AS "lateCancellation", a.override_reason AS "overrideReason",
    a.overridden_by_id::text AS "overriddenById", a.series_id::text AS "seriesId", a.notes,
    a.created_by_id::text AS "createdById", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
    pt.first_name AS "patientFirstName", pt.last_name AS "patientLastName", pt.preferred_name AS "patientPreferredName",
    cl.display_name AS "clinicianName", t.name AS "appointmentTypeName", r.name AS "roomName"
  FROM appointment a
  JOIN patient pt ON pt.id = a.patient_id
  JOIN clinician cl ON cl.id = a.clinician_id
  JOIN appointment_type t ON t.id = a.appointment_type_id
  LEFT JOIN room r ON r.id = a.room_id
  WHERE a.organisation_id = ${query.organisationId}::uuid
    AND a.starts_at >= ${new Date(query.from.getTime() - DAY_MS)}::timestamptz AND a.starts_at < ${query.to}::timestamptz
    AND a.ends_at > ${query.from}::timestamptz
    ${filters.length > 0 ? Prisma.join(filters, ' ') : Prisma.empty}
  ORDER BY a.starts_at, a.id`;
}

/** A list row in the shape `toAppointment` takes (the relations' names nested as Prisma's `include` gives them). */
export function asAppointmentRow(row: AppointmentListRow): AppointmentRow {
  const { patientFirstName, patientLastName, patientPreferredName, clinicianName, appointmentTypeName, roomName, ...appointment } = row;
  return {
    ...appointment,
    patient: { firstName: patientFirstName, lastName: patientLastName, preferredName: patientPreferredName },
    clinician: { displayName: clinicianName },
    appointmentType: { name: appointmentTypeName },
    room: roomName === null ? null : { name: roomName },
  };
}
