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
 * Each plan carries its signed-note count and latest signed visit (treatment_plan.signed_sessions and
 * last_signed_visit_at, kept by triggers on visit_note), which are the figures as of any cut-off after that visit:
 * notes are counted only for plans visited at or after the cut-off (a past range's plans still under way), through
 * index visit_note (plan_id, visited_at) WHERE signed, and then only for `all` plans (drill-down rows show them) or
 * those whose figures `need` them: active at the cut-off (stalled, review due; a course's length is the kept total).
 * Both conditions are one-time filters of the lateral lookup, so other plans cost no lookup; `none` (outcomes) never
 * looks.
 */
export function planFactsCte(scope: ReportScope, options: { condition?: string; sessions?: 'all' | 'needed' | 'none' } = {}): Prisma.Sql {
  const activeAtCutOff = Prisma.sql`((p.status = 'active' AND p.ended_on IS NULL) OR p.ended_on > s.cut_off_day)`;
  const sessionsWanted = options.sessions ?? 'needed';
  const needsSessions =
    sessionsWanted === 'all' ? Prisma.sql`TRUE` : activeAtCutOff;
  const visitedSinceCutOff = Prisma.sql`p.last_signed_visit_at >= s.cut_off`;
  const sessions =
    sessionsWanted === 'none'
      ? Prisma.sql`CROSS JOIN LATERAL (SELECT 0 AS signed, NULL::timestamptz AS last_visit) counted`
      : Prisma.sql`CROSS JOIN LATERAL (
      SELECT count(*)::int AS signed, max(n.visited_at) AS last_visit
      FROM visit_note n
      WHERE n.plan_id = p.id AND n.status = 'signed' AND n.visited_at < s.cut_off AND ${visitedSinceCutOff} AND ${needsSessions}
    ) counted`;
  const kept = sessionsWanted !== 'none';
  const signed = kept ? Prisma.sql`CASE WHEN ${visitedSinceCutOff} THEN counted.signed ELSE p.signed_sessions END` : Prisma.sql`0`;
  const lastVisit = kept ? Prisma.sql`CASE WHEN ${visitedSinceCutOff} THEN counted.last_visit ELSE p.last_signed_visit_at END` : Prisma.sql`NULL::timestamptz`;
  const signedTotal = kept ? Prisma.sql`p.signed_sessions` : Prisma.sql`0`;
  // `coalesce(ended_on, 'infinity')` rather than an OR, so an index on (clinic_id, coalesce(ended_on, 'infinity'))
  // can serve it (see the report's index notes).
  return Prisma.sql`plan_facts AS (
    SELECT p.id, p.clinic_id, p.clinician_id, p.patient_id, p.status, p.condition, p.primary_measure, p.planned_sessions,
      p.started_on, p.ended_on, p.reviewed_at, s.cut_off, s.time_zone, s.clinic_name, s.range_end,
      ${activeAtCutOff} AS active_at_cut_off,
      ${signed} AS signed, ${lastVisit} AS last_visit, ${signedTotal} AS signed_total
    FROM scope s
    JOIN treatment_plan p ON p.clinic_id = s.clinic_id
    ${sessions}
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
