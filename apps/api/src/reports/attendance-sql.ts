import type { AttendanceMetric, ReportDrilldownKind } from '@ims/contracts';
import { Prisma } from '@ims/prisma';
import { APPOINTMENT_FILTERS, appointmentsCte, LOCAL_HOUR, LOCAL_WEEKDAY, REASON_KEY } from './appointment-facts';
import { APPOINTMENT_JOINS, APPOINTMENT_ORDER, APPOINTMENT_ROW, type RowQuery } from './drilldown-rows';
import { isoInZone, PATIENT_NAME } from './report-sql';
import { scopeCte, type ReportScope } from './report-scope';

const withAppointments = (scope: ReportScope) => Prisma.sql`WITH ${scopeCte(scope)}, ${appointmentsCte(scope)}`;

/** Appointments, arrivals, cancellations (late among them) and no-shows of the range. */
export function attendanceCountsSql(scope: ReportScope): Prisma.Sql {
  const a = APPOINTMENT_FILTERS;
  return Prisma.sql`${withAppointments(scope)}
  SELECT count(*)::int AS appointments,
    count(*) FILTER (WHERE ${a.attended})::int AS arrivals,
    count(*) FILTER (WHERE ${a.cancelled})::int AS cancellations,
    count(*) FILTER (WHERE ${a.lateCancelled})::int AS "lateCancellations",
    count(*) FILTER (WHERE ${a.noShow})::int AS "noShows"
  FROM appts a`;
}

/** Cancellations per reason (grouped case-insensitively, shown in their most frequent spelling), most frequent first. */
export function cancellationReasonsSql(scope: ReportScope): Prisma.Sql {
  return Prisma.sql`${withAppointments(scope)}
  SELECT mode() WITHIN GROUP (ORDER BY btrim(a.cancel_reason)) FILTER (WHERE ${REASON_KEY} IS NOT NULL) AS reason,
    count(*)::int AS count, count(*) FILTER (WHERE a.late_cancellation)::int AS late
  FROM appts a
  WHERE ${APPOINTMENT_FILTERS.cancelled}
  GROUP BY ${REASON_KEY}
  ORDER BY count(*) DESC, ${REASON_KEY} NULLS LAST`;
}

/** No-shows per local weekday and hour, and per weekday and per hour alone (GROUPING SETS: one pass). */
export function noShowGridSql(scope: ReportScope): Prisma.Sql {
  return Prisma.sql`${withAppointments(scope)}
  SELECT ${LOCAL_WEEKDAY} AS weekday, ${LOCAL_HOUR} AS hour, count(*)::int AS count,
    grouping(${LOCAL_WEEKDAY}) = 1 AS "allWeekdays", grouping(${LOCAL_HOUR}) = 1 AS "allHours"
  FROM appts a
  WHERE ${APPOINTMENT_FILTERS.noShow}
  GROUP BY GROUPING SETS ((${LOCAL_WEEKDAY}, ${LOCAL_HOUR}), (${LOCAL_WEEKDAY}), (${LOCAL_HOUR}))
  ORDER BY 1, 2`;
}

/**
 * CTE `entries` (after `scope`): the clinics' waitlist entries added before the end of the range, with their wait in
 * days (until they left, or until the cut-off for those still waiting) and which figures they count in.
 */
const WAITLIST_CTE = Prisma.sql`entries AS (
  SELECT w.*, s.clinic_name, s.time_zone,
    w.created_at < s.cut_off AND (w.removed_at IS NULL OR w.removed_at >= s.cut_off) AS waiting,
    w.created_at >= s.range_start AS added,
    w.removed_at >= s.range_start AND w.removed_at < s.range_end AS left_list,
    extract(epoch FROM coalesce(least(w.removed_at, s.cut_off), s.cut_off) - w.created_at) / 86400 AS wait_days
  FROM scope s
  JOIN waitlist_entry w ON w.clinic_id = s.clinic_id AND w.created_at < s.range_end
)`;

/** Waiting at the cut-off, added and left in the range, and the median waits (PostgreSQL's percentile_cont). */
export function waitlistSql(scope: ReportScope): Prisma.Sql {
  return Prisma.sql`WITH ${scopeCte(scope)}, ${WAITLIST_CTE}
  SELECT count(*) FILTER (WHERE e.waiting)::int AS waiting,
    count(*) FILTER (WHERE e.added)::int AS added,
    count(*) FILTER (WHERE e.left_list)::int AS "left",
    (percentile_cont(0.5) WITHIN GROUP (ORDER BY e.wait_days) FILTER (WHERE e.left_list))::float8 AS "medianWaitDays",
    (percentile_cont(0.5) WITHIN GROUP (ORDER BY e.wait_days) FILTER (WHERE e.waiting))::float8 AS "medianCurrentWaitDays"
  FROM entries e`;
}

export interface AttendanceDrilldownFilter {
  reason?: string;
  weekday?: number;
  hour?: number;
}

const APPOINTMENT_METRICS = {
  appointments: 'any',
  arrivals: 'attended',
  cancellations: 'cancelled',
  lateCancellations: 'lateCancelled',
  noShows: 'noShow',
} as const;

const WAITLIST_FILTERS = {
  waitlistWaiting: Prisma.sql`e.waiting`,
  waitlistAdded: Prisma.sql`e.added`,
  waitlistLeft: Prisma.sql`e.left_list`,
} as const;

/** The appointments or waitlist entries behind one attendance figure (one reason, weekday or hour when asked). */
export function attendanceDrilldownSql(
  scope: ReportScope,
  metric: AttendanceMetric,
  filter: AttendanceDrilldownFilter,
): { kind: ReportDrilldownKind; query: RowQuery } {
  if (metric in WAITLIST_FILTERS) {
    return {
      kind: 'waitlist-entries',
      query: {
        with: Prisma.sql`${scopeCte(scope)}, ${WAITLIST_CTE}`,
        select: Prisma.sql`e.id::text AS "entryId", e.patient_id::text AS "patientId", ${PATIENT_NAME} AS "patientName",
          e.clinic_id::text AS "clinicId", e.clinic_name AS "clinicName", e.priority::int AS priority,
          ${isoInZone(Prisma.sql`e.created_at`, Prisma.sql`e.time_zone`)} AS "addedAt",
          ${isoInZone(Prisma.sql`e.removed_at`, Prisma.sql`e.time_zone`)} AS "removedAt", e.removed_reason AS "removedReason",
          round(e.wait_days::numeric, 1)::float8 AS "waitDays"`,
        from: Prisma.sql`entries e JOIN patient pt ON pt.id = e.patient_id WHERE ${WAITLIST_FILTERS[metric as keyof typeof WAITLIST_FILTERS]}`,
        orderBy: Prisma.sql`e.created_at, e.id`,
      },
    };
  }
  const conditions = [APPOINTMENT_FILTERS[APPOINTMENT_METRICS[metric as keyof typeof APPOINTMENT_METRICS]]];
  if (metric === 'cancellations' && filter.reason !== undefined) {
    const key = filter.reason.trim().toLowerCase();
    conditions.push(key === '' ? Prisma.sql`${REASON_KEY} IS NULL` : Prisma.sql`${REASON_KEY} = ${key}`);
  }
  if (metric === 'noShows' && filter.weekday !== undefined) conditions.push(Prisma.sql`${LOCAL_WEEKDAY} = ${filter.weekday}::int`);
  if (metric === 'noShows' && filter.hour !== undefined) conditions.push(Prisma.sql`${LOCAL_HOUR} = ${filter.hour}::int`);
  return {
    kind: 'appointments',
    query: {
      with: Prisma.sql`${scopeCte(scope)}, ${appointmentsCte(scope)}`,
      select: APPOINTMENT_ROW,
      from: Prisma.sql`${APPOINTMENT_JOINS} WHERE ${Prisma.join(conditions, ' AND ')}`,
      orderBy: APPOINTMENT_ORDER,
    },
  };
}
