import type { Appointment, AppointmentStatus } from '@ims/contracts';
import { Prisma } from '@ims/prisma';
import { isoInZone } from '../common/time/iso-in-zone';

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

/**
 * A row of {@link appointmentListSql}: the payload's own fields, the instants as epoch milliseconds (a number parses
 * far faster than a timestamp's text, and the offset text is made here, with Node's zone data, like every other
 * route's) and the wall clock already as text.
 */
export interface AppointmentListRow extends Omit<Appointment, 'startsAt' | 'endsAt'> {
  startsAtMs: number;
  endsAtMs: number;
}

/**
 * The appointments overlapping [from, to) as the schedule shows them, in ONE statement: Prisma's `include` sends one
 * statement per relation, which was most of a day list's cost (bench/RESULTS.md, Schedule day). The start is
 * bounded below by a day before `from` (exact, since the CHECK appointment_at_most_a_day), so index
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
  // The patient's name as scheduleName() writes it: the preferred name (unless blank) or the first, then the last.
  return Prisma.sql`SELECT a.id::text AS "id", a.version, a.clinic_id::text AS "clinicId", a.patient_id::text AS "patientId",
    a.clinician_id::text AS "clinicianId", a.room_id::text AS "roomId", a.appointment_type_id::text AS "appointmentTypeId",
    a.plan_id::text AS "planId", a.series_id::text AS "seriesId",
    (extract(epoch FROM a.starts_at) * 1000)::float8 AS "startsAtMs", (extract(epoch FROM a.ends_at) * 1000)::float8 AS "endsAtMs",
    to_char(a.local_start, 'YYYY-MM-DD"T"HH24:MI') AS "localStart", a.time_zone AS "timeZone", a.status::text AS "status",
    a.cancel_reason AS "cancelReason", a.late_cancellation AS "lateCancellation", a.override_reason AS "overrideReason", a.notes,
    coalesce(nullif(pt.preferred_name, ''), pt.first_name) || ' ' || pt.last_name AS "patientName",
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

/** A list row as the Appointment payload: the one place the payload's fields are picked (toAppointment() uses it too). */
export function listRowToAppointment(row: AppointmentListRow): Appointment {
  return {
    id: row.id,
    version: row.version,
    clinicId: row.clinicId,
    patientId: row.patientId,
    clinicianId: row.clinicianId,
    roomId: row.roomId,
    appointmentTypeId: row.appointmentTypeId,
    planId: row.planId,
    seriesId: row.seriesId,
    startsAt: isoInZone(new Date(row.startsAtMs), row.timeZone),
    endsAt: isoInZone(new Date(row.endsAtMs), row.timeZone),
    localStart: row.localStart,
    timeZone: row.timeZone,
    status: row.status,
    cancelReason: row.cancelReason,
    lateCancellation: row.lateCancellation,
    overrideReason: row.overrideReason,
    notes: row.notes,
    patientName: row.patientName,
    clinicianName: row.clinicianName,
    appointmentTypeName: row.appointmentTypeName,
    roomName: row.roomName,
  };
}
