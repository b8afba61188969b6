import { REVIEW_AT_SESSION, STALLED_AFTER_DAYS } from '@ims/contracts';
import { Prisma } from '@ims/prisma';
import type { ReportScope } from './report-scope';

/**
 * CTE `plan_facts` (needs `scope`): the plans active at some time in the range (started on or before its last day,
 * not ended before its first), with their signed sessions. A session is a SIGNED visit note (domain: session n is the
 * n-th signed note), never an appointment. `signed` and `last_visit` count visits before the cut-off; `signed_total`
 * every signed note (a completed course's length). `active_at_cut_off` rebuilds the status at the cut-off from the
 * plan's dates, so a past month reads the same after its plans are closed.
 *
 * Each plan carries its signed-note count, latest signed visit and the ascending times of its signed visits
 * (treatment_plan.signed_sessions, last_signed_visit_at, signed_visits, kept by triggers on visit_note), so no note is
 * read: for a plan visited at or after the cut-off, width_bucket finds how many of those times fall before it (the
 * times have microsecond resolution at most, so "before the cut-off" is "at or before a microsecond earlier"), and
 * the last of them. `sessions: 'none'` (outcomes) leaves them out.
 */
export function planFactsCte(scope: ReportScope, options: { condition?: string; sessions?: 'kept' | 'none' } = {}): Prisma.Sql {
  const activeAtCutOff = Prisma.sql`((p.status = 'active' AND p.ended_on IS NULL) OR p.ended_on > s.cut_off_day)`;
  const kept = options.sessions !== 'none';
  const visitedSinceCutOff = Prisma.sql`p.last_signed_visit_at >= s.cut_off`;
  const beforeCutOff = Prisma.sql`width_bucket(s.cut_off - interval '1 microsecond', p.signed_visits)`;
  const signed = kept ? Prisma.sql`CASE WHEN ${visitedSinceCutOff} THEN ${beforeCutOff} ELSE p.signed_sessions END` : Prisma.sql`0`;
  const lastVisit = kept ? Prisma.sql`CASE WHEN ${visitedSinceCutOff} THEN p.signed_visits[${beforeCutOff}] ELSE p.last_signed_visit_at END` : Prisma.sql`NULL::timestamptz`;
  const signedTotal = kept ? Prisma.sql`p.signed_sessions` : Prisma.sql`0`;
  // `coalesce(ended_on, 'infinity')` rather than an OR, so index (clinic_id, coalesce(ended_on, 'infinity')) serves it.
  return Prisma.sql`plan_facts AS (
    SELECT p.id, p.clinic_id, p.clinician_id, p.patient_id, p.status, p.condition, p.primary_measure, p.planned_sessions,
      p.started_on, p.ended_on, p.reviewed_at, s.cut_off, s.time_zone, s.clinic_name, s.range_end,
      ${activeAtCutOff} AS active_at_cut_off,
      ${signed} AS signed, ${lastVisit} AS last_visit, ${signedTotal} AS signed_total
    FROM scope s
    JOIN treatment_plan p ON p.clinic_id = s.clinic_id
    WHERE p.organisation_id = ${scope.organisationId}::uuid
      AND p.clinic_id = ANY(${scope.clinics.map((clinic) => clinic.id)}::uuid[])
      AND p.started_on IS NOT NULL AND p.started_on <= ${scope.to}::date
      AND coalesce(p.ended_on, 'infinity'::date) >= ${scope.from}::date
      ${options.condition ? Prisma.sql`AND p.condition = ${options.condition}::condition` : Prisma.empty}
  )`;
}

/** What each plan figure counts, on alias `p` of `plan_facts`: shared by the totals and their drill-downs. */
export function planFilters(scope: ReportScope) {
  const endedInRange = Prisma.sql`p.ended_on <= ${scope.to}::date`;
  return {
    active: Prisma.sql`TRUE`,
    completed: Prisma.sql`(p.status = 'completed' AND ${endedInRange})`,
    discontinued: Prisma.sql`(p.status = 'discontinued' AND ${endedInRange})`,
    /** Sessions remaining and no signed visit (none yet: since the start) in the days before the cut-off. */
    stalled: Prisma.sql`(p.active_at_cut_off AND p.signed < p.planned_sessions
      AND coalesce(p.last_visit, p.started_on::timestamp AT TIME ZONE p.time_zone) < p.cut_off - make_interval(days => ${STALLED_AFTER_DAYS}::int))`,
    reviewDue: Prisma.sql`(p.active_at_cut_off AND p.signed >= ${REVIEW_AT_SESSION}::int AND (p.reviewed_at IS NULL OR p.reviewed_at >= p.cut_off))`,
  } as const;
}

export type PlanFilter = keyof ReturnType<typeof planFilters>;
