import { Prisma } from '@ims/prisma';
import type { ReportScope } from './report-scope';

const DAY_MS = 86_400_000;

/**
 * CTE `appts` (needs `scope`): the appointments that START in the range, each on its local day in its clinic, with
 * the clinic's zone and name. An appointment counts where it is now: a moved one once, at its new time; one entered
 * after the fact (back-dated) on the day it happened, not the day it was typed in.
 *
 * The clinic list and a UTC window one day wider than the range on each side (every zone is within 14 hours of UTC)
 * are repeated as plain parameters: the planner sees constants there, so it range-scans index (clinic_id, starts_at)
 * instead of reading the whole table to apply the per-clinic bounds of `scope`.
 */
export function appointmentsCte(scope: ReportScope): Prisma.Sql {
  const ids = scope.clinics.map((clinic) => clinic.id);
  const earliest = new Date(Date.parse(`${scope.from}T00:00:00Z`) - DAY_MS);
  const latest = new Date(Date.parse(`${scope.to}T00:00:00Z`) + 2 * DAY_MS);
  return Prisma.sql`appts AS (
  SELECT a.id, a.clinic_id, a.clinician_id, a.patient_id, a.plan_id, a.status, a.late_cancellation, a.cancel_reason,
    a.starts_at, a.ends_at, a.created_at, s.time_zone, s.clinic_name
  FROM appointment a
  JOIN scope s ON s.clinic_id = a.clinic_id AND a.starts_at >= s.range_start AND a.starts_at < s.range_end
  WHERE a.clinic_id = ANY(${ids}::uuid[]) AND a.starts_at >= ${earliest}::timestamptz AND a.starts_at < ${latest}::timestamptz
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
