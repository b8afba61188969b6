import { Prisma } from '@ims/prisma';
import type { ReportScope } from './report-scope';

const DAY_MS = 86_400_000;

/** The local day an appointment (alias `a`) is on: the day of its start in its own zone, the wall clock it was booked at. */
export const APPOINTMENT_DAY = Prisma.sql`(a.starts_at AT TIME ZONE a.time_zone)::date`;

/**
 * Whether appointment `a` is on a day of the range, with `s` its clinic's row of `scope`. In the clinic's own zone
 * (nearly always) that is its start within [range_start, range_end), compared as instants: converting every start
 * to local time costs PostgreSQL a zone look-up per row (2 of a month's caseload's 15 ms). An appointment booked in
 * another zone (the clinic's was changed since) is placed by its own.
 */
function onRangeDay(scope: ReportScope): Prisma.Sql {
  return Prisma.sql`CASE WHEN a.time_zone = s.time_zone THEN a.starts_at >= s.range_start AND a.starts_at < s.range_end
    ELSE ${APPOINTMENT_DAY} BETWEEN ${scope.from}::date AND ${scope.to}::date END`;
}

/**
 * A UTC window one day wider than the range on each side (every zone is within 14 hours of UTC), as plain
 * parameters: the planner sees constants there, so it range-scans index (clinic_id, starts_at).
 */
function utcWindow(scope: ReportScope) {
  return {
    ids: scope.clinics.map((clinic) => clinic.id),
    earliest: new Date(Date.parse(`${scope.from}T00:00:00Z`) - DAY_MS),
    latest: new Date(Date.parse(`${scope.to}T00:00:00Z`) + 2 * DAY_MS),
  };
}

/**
 * CTE `appts` (needs `scope`): the appointments ON a day of the range, each on its local day (the day of its start
 * in its own zone, as `appointment_day_figures` counts it), with the zone and the clinic's name. An appointment
 * counts where it is now: a moved one once, at its new time; one entered after the fact (back-dated) on the day it
 * happened, not the day it was typed in.
 */
export function appointmentsCte(scope: ReportScope): Prisma.Sql {
  const { ids, earliest, latest } = utcWindow(scope);
  return Prisma.sql`appts AS (
  SELECT a.id, a.clinic_id, a.clinician_id, a.patient_id, a.plan_id, a.status, a.late_cancellation, a.cancel_reason,
    a.starts_at, a.ends_at, a.created_at, a.time_zone, s.clinic_name
  FROM appointment a
  JOIN scope s ON s.clinic_id = a.clinic_id
  WHERE a.clinic_id = ANY(${ids}::uuid[]) AND a.starts_at >= ${earliest}::timestamptz AND a.starts_at < ${latest}::timestamptz
    AND ${onRangeDay(scope)}
)`;
}

/**
 * CTE `day_figures`: the appointment counts of the range per clinic, clinician and day, from appointment_day_figures
 * (kept by triggers on appointment with the definitions of {@link APPOINTMENT_FILTERS}), so a month's caseload sums
 * a few hundred rows instead of reading every appointment. `held_hours` is the booked time of `holdsSlot`.
 */
export function dayFiguresCte(scope: ReportScope): Prisma.Sql {
  return Prisma.sql`day_figures AS (
  SELECT f.clinic_id, f.clinician_id, f.local_day, f.appointments, f.delivered, (f.held_ms / 3600000.0)::float8 AS held_hours,
    f.due, f.no_shows, f.late_cancellations
  FROM appointment_day_figures f
  WHERE f.clinic_id = ANY(${scope.clinics.map((clinic) => clinic.id)}::uuid[]) AND f.local_day BETWEEN ${scope.from}::date AND ${scope.to}::date
    AND f.appointments > 0
)`;
}

/**
 * CTE `delivered_to` : who each clinician delivered sessions to in the range (completed appointments), for "patients
 * seen", which counts people once and so cannot be summed from days. Read from the partial index of completed
 * appointments (clinic_id, starts_at) INCLUDE (clinician_id, patient_id, time_zone) alone.
 */
export function deliveredToCte(scope: ReportScope): Prisma.Sql {
  const { ids, earliest, latest } = utcWindow(scope);
  return Prisma.sql`delivered_to AS (
  SELECT a.clinician_id, a.patient_id
  FROM appointment a
  JOIN scope s ON s.clinic_id = a.clinic_id
  WHERE a.status = 'completed' AND a.clinic_id = ANY(${ids}::uuid[]) AND a.starts_at >= ${earliest}::timestamptz AND a.starts_at < ${latest}::timestamptz
    AND ${onRangeDay(scope)}
)`;
}

/**
 * What each appointment figure counts, on alias `a` of `appts`: the one definition the totals and their drill-downs
 * both use, so a number and the list behind it cannot disagree. Only COMPLETED appointments are delivered sessions.
 */
export const APPOINTMENT_FILTERS = {
  delivered: Prisma.sql`a.status = 'completed'`,
  /** Statuses that hold the slot (contracts' ACTIVE_STATUSES): cancelled and no-show appointments free it. */
  holdsSlot: Prisma.sql`a.status IN ('booked', 'arrived', 'completed')`,
  attended: Prisma.sql`a.status IN ('arrived', 'completed')`,
  noShow: Prisma.sql`a.status = 'no_show'`,
  cancelled: Prisma.sql`a.status = 'cancelled'`,
  lateCancelled: Prisma.sql`(a.status = 'cancelled' AND a.late_cancellation)`,
  /** Still expected when it came: attended, no-show or cancelled too late to refill. */
  due: Prisma.sql`(a.status IN ('arrived', 'completed', 'no_show') OR (a.status = 'cancelled' AND a.late_cancellation))`,
  any: Prisma.sql`TRUE`,
} as const;

export type AppointmentFilter = keyof typeof APPOINTMENT_FILTERS;

/** The local ISO weekday (1 = Monday) and hour an appointment of `appts` (alias `a`) starts at. */
export const LOCAL_WEEKDAY = Prisma.sql`extract(isodow FROM a.starts_at AT TIME ZONE a.time_zone)::int`;
export const LOCAL_HOUR = Prisma.sql`extract(hour FROM a.starts_at AT TIME ZONE a.time_zone)::int`;

/** A cancellation reason as reports group it: case and surrounding spaces ignored; none (or blank) is null. */
export const REASON_KEY = Prisma.sql`nullif(lower(btrim(a.cancel_reason)), '')`;
