import { Prisma } from '@ims/prisma';
import { dayText, hoursBetween, isoInZone, PATIENT_NAME } from './report-sql';

/**
 * A drill-down as one statement in parts: the page, the count and the CSV export all run the same `from` (FROM,
 * joins, WHERE, GROUP BY), so the rows listed, the total and the export always match the figure.
 */
export interface RowQuery {
  /** The CTEs, without the WITH keyword. */
  with: Prisma.Sql;
  select: Prisma.Sql;
  from: Prisma.Sql;
  /** Ends with a unique key, so paging is stable. */
  orderBy: Prisma.Sql;
}

const at = (column: string, zone: string) => isoInZone(Prisma.raw(column), Prisma.raw(zone));

/** ReportAppointmentRow from alias `a` of `appts`, with `pt` (patient) and `cl` (clinician) joined. */
export const APPOINTMENT_ROW = Prisma.sql`a.id::text AS "appointmentId",
  ${at('a.starts_at', 'a.time_zone')} AS "startsAt", ${at('a.ends_at', 'a.time_zone')} AS "endsAt",
  round(extract(epoch FROM a.ends_at - a.starts_at) / 60)::int AS minutes,
  a.clinic_id::text AS "clinicId", a.clinic_name AS "clinicName", a.clinician_id::text AS "clinicianId", cl.display_name AS "clinicianName",
  a.patient_id::text AS "patientId", ${PATIENT_NAME} AS "patientName", a.plan_id::text AS "planId", a.status::text AS status,
  a.cancel_reason AS "cancelReason", a.late_cancellation AS "lateCancellation",
  (SELECT count(*)::int FROM appointment_change ch WHERE ch.appointment_id = a.id AND ch.kind = 'moved') AS moves,
  ${at('a.created_at', 'a.time_zone')} AS "createdAt"`;
export const APPOINTMENT_JOINS = Prisma.sql`appts a JOIN patient pt ON pt.id = a.patient_id JOIN clinician cl ON cl.id = a.clinician_id`;
export const APPOINTMENT_ORDER = Prisma.sql`a.starts_at, a.id`;

/** ReportPatientRow: the patients of `appts` rows (alias `a`, patient `pt`), one row each; needs GROUP BY PATIENT_GROUP. */
export const PATIENT_ROW = Prisma.sql`a.patient_id::text AS "patientId", ${PATIENT_NAME} AS "patientName", count(*)::int AS sessions,
  ${isoInZone(Prisma.sql`min(a.starts_at)`, Prisma.sql`min(a.time_zone)`)} AS "firstSeenAt",
  ${isoInZone(Prisma.sql`max(a.starts_at)`, Prisma.sql`max(a.time_zone)`)} AS "lastSeenAt"`;
export const PATIENT_GROUP = Prisma.sql`a.patient_id, pt.preferred_name, pt.first_name, pt.last_name`;
export const PATIENT_ORDER = Prisma.sql`pt.last_name, pt.first_name, a.patient_id`;

/** ReportPlanRow from alias `p` of `plan_facts`, with `pt` and `cl` joined. */
export const PLAN_ROW = Prisma.sql`p.id::text AS "planId", p.patient_id::text AS "patientId", ${PATIENT_NAME} AS "patientName",
  p.clinician_id::text AS "clinicianId", cl.display_name AS "clinicianName", p.clinic_id::text AS "clinicId", p.clinic_name AS "clinicName",
  p.condition::text AS condition, p.primary_measure::text AS "primaryMeasure", p.status::text AS status,
  p.planned_sessions AS "plannedSessions", p.signed AS "signedSessions",
  ${dayText(Prisma.sql`p.started_on`)} AS "startedOn", ${dayText(Prisma.sql`p.ended_on`)} AS "endedOn",
  ${at('p.last_visit', 'p.time_zone')} AS "lastSignedVisitAt", ${at('p.reviewed_at', 'p.time_zone')} AS "reviewedAt"`;
export const PLAN_JOINS = Prisma.sql`plan_facts p JOIN patient pt ON pt.id = p.patient_id JOIN clinician cl ON cl.id = p.clinician_id`;
export const PLAN_ORDER = Prisma.sql`p.started_on, p.id`;

/** ReportWorkingPeriodRow from alias `pr` of `available`, with `cl` joined. */
export const WORKING_PERIOD_ROW = Prisma.sql`pr.clinician_id::text AS "clinicianId", cl.display_name AS "clinicianName",
  pr.clinic_id::text AS "clinicId", pr.clinic_name AS "clinicName", ${dayText(Prisma.sql`pr.day`)} AS date,
  ${isoInZone(Prisma.sql`lower(pr.period)`, Prisma.sql`pr.time_zone`)} AS "startsAt",
  ${isoInZone(Prisma.sql`upper(pr.period)`, Prisma.sql`pr.time_zone`)} AS "endsAt",
  round(pr.hours::numeric, 2)::float8 AS hours, round((pr.hours - pr.available_hours)::numeric, 2)::float8 AS "timeOffHours",
  round(pr.available_hours::numeric, 2)::float8 AS "availableHours"`;
export const WORKING_PERIOD_JOINS = Prisma.sql`available pr JOIN clinician cl ON cl.id = pr.clinician_id`;
export const WORKING_PERIOD_ORDER = Prisma.sql`pr.day, cl.display_name, pr.clinician_id, lower(pr.period), pr.clinic_id`;

/** Hours an appointment of `appts` (alias `a`) lasts. */
export const APPOINTMENT_HOURS = hoursBetween(Prisma.sql`a.starts_at`, Prisma.sql`a.ends_at`);
