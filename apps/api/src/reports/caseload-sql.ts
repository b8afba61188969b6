import type { CaseloadMetric, ReportDrilldownKind } from '@ims/contracts';
import { Prisma } from '@ims/prisma';
import { APPOINTMENT_FILTERS, appointmentsCte, dayFiguresCte, deliveredToCte, type AppointmentFilter } from './appointment-facts';
import {
  APPOINTMENT_JOINS,
  APPOINTMENT_ORDER,
  APPOINTMENT_ROW,
  PATIENT_GROUP,
  PATIENT_ORDER,
  PATIENT_ROW,
  PLAN_JOINS,
  PLAN_ORDER,
  PLAN_ROW,
  WORKING_PERIOD_JOINS,
  WORKING_PERIOD_ORDER,
  WORKING_PERIOD_ROW,
  type RowQuery,
} from './drilldown-rows';
import { planFactsCte, planFilters, type PlanFilter } from './plan-facts';
import { scopeCte, type ReportScope } from './report-scope';
import { workingPeriodsCte } from './working-periods';

/** One row per clinician and one total row (`isTotal`), every figure counted by PostgreSQL. */
export interface CaseloadFigureRow {
  isTotal: boolean;
  clinicianId: string | null;
  clinicianName: string | null;
  patientsSeen: number;
  sessionsDelivered: number;
  bookedHours: number;
  appointmentsDue: number;
  noShows: number;
  lateCancellations: number;
  availableHours: number;
  activePlans: number;
  completedCourses: number;
  averageSessionsPerCompletedCourse: number | null;
  discontinuedCourses: number;
  stalledCourses: number;
  reviewDue: number;
}

/**
 * The caseload in one statement: appointment counts (summed from the kept day figures), patients seen (distinct, from
 * completed appointments), working hours and plans are each aggregated per clinician and in total (GROUPING SETS, so
 * distinct patients are counted once in the total, not summed), then lined up by clinician.
 */
export function caseloadSummarySql(scope: ReportScope): Prisma.Sql {
  const p = planFilters(scope);
  return Prisma.sql`WITH ${scopeCte(scope)}, ${dayFiguresCte(scope)}, ${deliveredToCte(scope)}, ${planFactsCte(scope)}, ${workingPeriodsCte(scope)},
  figures AS (
    SELECT grouping(d.clinician_id) = 1 AS is_total, d.clinician_id,
      NULL::int AS patients_seen,
      sum(d.delivered)::int AS sessions_delivered,
      coalesce(sum(d.held_hours), 0)::float8 AS booked_hours,
      sum(d.due)::int AS appointments_due,
      sum(d.no_shows)::int AS no_shows,
      sum(d.late_cancellations)::int AS late_cancellations,
      NULL::float8 AS available_hours,
      NULL::int AS active_plans, NULL::int AS completed_courses, NULL::float8 AS average_sessions,
      NULL::int AS discontinued_courses, NULL::int AS stalled_courses, NULL::int AS review_due
    FROM day_figures d
    GROUP BY GROUPING SETS ((d.clinician_id), ())
    UNION ALL
    SELECT grouping(v.clinician_id) = 1, v.clinician_id, count(DISTINCT v.patient_id)::int, NULL, NULL, NULL, NULL, NULL, NULL,
      NULL, NULL, NULL, NULL, NULL, NULL
    FROM delivered_to v
    GROUP BY GROUPING SETS ((v.clinician_id), ())
    UNION ALL
    SELECT grouping(pr.clinician_id) = 1, pr.clinician_id, NULL, NULL, NULL, NULL, NULL, NULL,
      coalesce(sum(pr.available_hours), 0)::float8,
      NULL, NULL, NULL, NULL, NULL, NULL
    FROM available pr
    GROUP BY GROUPING SETS ((pr.clinician_id), ())
    UNION ALL
    SELECT grouping(p.clinician_id) = 1, p.clinician_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
      count(*)::int,
      count(*) FILTER (WHERE ${p.completed})::int,
      avg(p.signed_total) FILTER (WHERE ${p.completed})::float8,
      count(*) FILTER (WHERE ${p.discontinued})::int,
      count(*) FILTER (WHERE ${p.stalled})::int,
      count(*) FILTER (WHERE ${p.reviewDue})::int
    FROM plan_facts p
    GROUP BY GROUPING SETS ((p.clinician_id), ())
  )
  SELECT f.is_total AS "isTotal", f.clinician_id::text AS "clinicianId", cl.display_name AS "clinicianName",
    coalesce(max(f.patients_seen), 0) AS "patientsSeen",
    coalesce(max(f.sessions_delivered), 0) AS "sessionsDelivered",
    coalesce(max(f.booked_hours), 0) AS "bookedHours",
    coalesce(max(f.appointments_due), 0) AS "appointmentsDue",
    coalesce(max(f.no_shows), 0) AS "noShows",
    coalesce(max(f.late_cancellations), 0) AS "lateCancellations",
    coalesce(max(f.available_hours), 0) AS "availableHours",
    coalesce(max(f.active_plans), 0) AS "activePlans",
    coalesce(max(f.completed_courses), 0) AS "completedCourses",
    max(f.average_sessions) AS "averageSessionsPerCompletedCourse",
    coalesce(max(f.discontinued_courses), 0) AS "discontinuedCourses",
    coalesce(max(f.stalled_courses), 0) AS "stalledCourses",
    coalesce(max(f.review_due), 0) AS "reviewDue"
  FROM figures f
  LEFT JOIN clinician cl ON cl.id = f.clinician_id
  GROUP BY f.is_total, f.clinician_id, cl.display_name
  ORDER BY f.is_total DESC, cl.display_name, f.clinician_id`;
}

const APPOINTMENT_METRICS: Partial<Record<CaseloadMetric, AppointmentFilter>> = {
  sessionsDelivered: 'delivered',
  bookedHours: 'holdsSlot',
  appointmentsDue: 'due',
  noShows: 'noShow',
  lateCancellations: 'lateCancelled',
};

const PLAN_METRICS: Partial<Record<CaseloadMetric, PlanFilter>> = {
  activePlans: 'active',
  completedCourses: 'completed',
  discontinuedCourses: 'discontinued',
  stalledCourses: 'stalled',
  reviewDue: 'reviewDue',
};

/** The rows behind one caseload figure, of one clinician or of the whole selection: the figure's own filter. */
export function caseloadDrilldownSql(scope: ReportScope, metric: CaseloadMetric, clinicianId?: string): { kind: ReportDrilldownKind; query: RowQuery } {
  const ofClinician = (column: string) => (clinicianId ? Prisma.sql`AND ${Prisma.raw(column)} = ${clinicianId}::uuid` : Prisma.empty);
  const appointmentFilter = APPOINTMENT_METRICS[metric];
  if (appointmentFilter) {
    return {
      kind: 'appointments',
      query: {
        with: Prisma.sql`${scopeCte(scope)}, ${appointmentsCte(scope)}`,
        select: APPOINTMENT_ROW,
        from: Prisma.sql`${APPOINTMENT_JOINS} WHERE ${APPOINTMENT_FILTERS[appointmentFilter]} ${ofClinician('a.clinician_id')}`,
        orderBy: APPOINTMENT_ORDER,
      },
    };
  }
  if (metric === 'patientsSeen') {
    return {
      kind: 'patients',
      query: {
        with: Prisma.sql`${scopeCte(scope)}, ${appointmentsCte(scope)}`,
        select: PATIENT_ROW,
        from: Prisma.sql`appts a JOIN patient pt ON pt.id = a.patient_id
          WHERE ${APPOINTMENT_FILTERS.delivered} ${ofClinician('a.clinician_id')} GROUP BY ${PATIENT_GROUP}`,
        orderBy: PATIENT_ORDER,
      },
    };
  }
  if (metric === 'availableHours') {
    return {
      kind: 'working-periods',
      query: {
        with: Prisma.sql`${scopeCte(scope)}, ${workingPeriodsCte(scope)}`,
        select: WORKING_PERIOD_ROW,
        from: Prisma.sql`${WORKING_PERIOD_JOINS} WHERE TRUE ${ofClinician('pr.clinician_id')}`,
        orderBy: WORKING_PERIOD_ORDER,
      },
    };
  }
  const planFilter = PLAN_METRICS[metric];
  if (!planFilter) throw new Error(`caseload metric ${metric} has no drill-down`);
  return {
    kind: 'plans',
    query: {
      with: Prisma.sql`${scopeCte(scope)}, ${planFactsCte(scope)}`,
      select: PLAN_ROW,
      from: Prisma.sql`${PLAN_JOINS} WHERE ${planFilters(scope)[planFilter]} ${ofClinician('p.clinician_id')}`,
      orderBy: PLAN_ORDER,
    },
  };
}
