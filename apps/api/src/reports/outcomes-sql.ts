import { REVIEW_AT_SESSION, type OutcomesMetric } from '@ims/contracts';
import { Prisma } from '@ims/prisma';
import type { RowQuery } from './drilldown-rows';
import { changeSql, MCID_RULES_CTE, responderSql } from './mcid-rules';
import { planFactsCte } from './plan-facts';
import { PATIENT_NAME } from './report-sql';
import { scopeCte, type ReportScope } from './report-scope';

export interface OutcomesFilter {
  condition?: string;
  measure?: string;
}

/**
 * CTEs `mcid_rules`, `records` and `judged` (after `scope` and `plan_facts`): each plan of the cohort with its
 * primary measure at baseline, at the session-4 reassessment (the first non-baseline record counting for session 4
 * or later) and at discharge (the latest), judged against the instrument's MCID. A record without a session number
 * counts for the sessions signed by the end of the day it was taken (in the clinic's zone), as the plan's own outcome
 * view counts it (worked out once per record: the CTE is materialised). Records are taken up to the end of the range.
 */
function judgedCtes(scope: ReportScope, filter: OutcomesFilter): Prisma.Sql {
  const baseline = Prisma.sql`x.baseline`;
  const session4 = Prisma.sql`x.session4_score`;
  const discharge = Prisma.sql`x.discharge_score`;
  return Prisma.sql`${scopeCte(scope)}, ${planFactsCte(scope, { condition: filter.condition, sessions: 'none' })}, ${MCID_RULES_CTE},
  records AS MATERIALIZED (
    SELECT o.plan_id, o.timepoint, o.score, o.taken_at,
      CASE WHEN o.timepoint = 'baseline' THEN NULL ELSE coalesce(o.session_number, nullif((
        SELECT count(*)::int FROM visit_note n
        WHERE n.plan_id = o.plan_id AND n.status = 'signed' AND n.visit_date <= (o.taken_at AT TIME ZONE p.time_zone)::date
      ), 0)) END AS at_session
    FROM plan_facts p
    JOIN outcome_record o ON o.plan_id = p.id AND o.measure = p.primary_measure AND o.taken_at < p.range_end
  ),
  per_plan AS (
    SELECT plan_id,
      max(score) FILTER (WHERE timepoint = 'baseline') AS baseline,
      (array_agg(score ORDER BY at_session, taken_at) FILTER (WHERE timepoint <> 'baseline' AND at_session >= ${REVIEW_AT_SESSION}::int))[1] AS session4_score,
      (array_agg(at_session ORDER BY at_session, taken_at) FILTER (WHERE timepoint <> 'baseline' AND at_session >= ${REVIEW_AT_SESSION}::int))[1] AS session4_at,
      (array_agg(score ORDER BY taken_at DESC) FILTER (WHERE timepoint = 'discharge'))[1] AS discharge_score
    FROM records
    GROUP BY plan_id
  ),
  judged AS (
    SELECT p.*, r.has_baseline, x.baseline, x.session4_score, x.session4_at, x.discharge_score,
      ${responderSql(baseline, session4)} AS session4_responder,
      CASE WHEN ${responderSql(baseline, session4)} IS NULL THEN NULL ELSE ${changeSql(baseline, session4)} END AS session4_change,
      ${responderSql(baseline, discharge)} AS discharge_responder,
      CASE WHEN ${responderSql(baseline, discharge)} IS NULL THEN NULL ELSE ${changeSql(baseline, discharge)} END AS discharge_change
    FROM plan_facts p
    JOIN mcid_rules r ON r.measure = p.primary_measure::text
    LEFT JOIN per_plan x ON x.plan_id = p.id
    ${filter.measure ? Prisma.sql`WHERE p.primary_measure = ${filter.measure}::outcome_measure` : Prisma.empty}
  )`;
}

/** Per condition and primary measure: counts, responders over those judged, mean change; all aggregated by PostgreSQL. */
export function outcomesSummarySql(scope: ReportScope, filter: OutcomesFilter): Prisma.Sql {
  return Prisma.sql`WITH ${judgedCtes(scope, filter)}
  SELECT j.condition::text AS condition, j.primary_measure::text AS measure,
    count(*)::int AS plans,
    count(*) FILTER (WHERE j.baseline IS NOT NULL)::int AS "plansWithBaseline",
    count(*) FILTER (WHERE j.session4_responder)::int AS "session4Responders",
    count(j.session4_responder)::int AS "session4Measured",
    avg(j.session4_change)::float8 AS "session4MeanChange",
    count(*) FILTER (WHERE j.discharge_responder)::int AS "dischargeResponders",
    count(j.discharge_responder)::int AS "dischargeMeasured",
    avg(j.discharge_change)::float8 AS "dischargeMeanChange"
  FROM judged j
  GROUP BY j.condition, j.primary_measure
  ORDER BY j.condition, j.primary_measure`;
}

const OUTCOME_FILTERS: Record<OutcomesMetric, Prisma.Sql> = {
  plans: Prisma.sql`TRUE`,
  plansWithBaseline: Prisma.sql`j.baseline IS NOT NULL`,
  session4Measured: Prisma.sql`j.session4_responder IS NOT NULL`,
  session4Responders: Prisma.sql`j.session4_responder`,
  dischargeMeasured: Prisma.sql`j.discharge_responder IS NOT NULL`,
  dischargeResponders: Prisma.sql`j.discharge_responder`,
};

const score = (column: string) => Prisma.sql`${Prisma.raw(column)}::float8`;

/** ReportOutcomePlanRow rows behind one outcomes figure. */
export function outcomesDrilldownSql(scope: ReportScope, metric: OutcomesMetric, filter: OutcomesFilter): RowQuery {
  return {
    with: judgedCtes(scope, filter),
    select: Prisma.sql`j.id::text AS "planId", j.patient_id::text AS "patientId", ${PATIENT_NAME} AS "patientName",
      j.clinician_id::text AS "clinicianId", cl.display_name AS "clinicianName", j.clinic_id::text AS "clinicId",
      j.condition::text AS condition, j.primary_measure::text AS measure, j.status::text AS status,
      ${score('j.baseline')} AS "baselineScore", j.session4_at AS "session4AtSession", ${score('j.session4_score')} AS "session4Score",
      ${score('j.session4_change')} AS "session4Change", j.session4_responder AS "session4Responder",
      ${score('j.discharge_score')} AS "dischargeScore", ${score('j.discharge_change')} AS "dischargeChange",
      j.discharge_responder AS "dischargeResponder"`,
    from: Prisma.sql`judged j JOIN patient pt ON pt.id = j.patient_id JOIN clinician cl ON cl.id = j.clinician_id WHERE ${OUTCOME_FILTERS[metric]}`,
    orderBy: Prisma.sql`j.condition, j.primary_measure, pt.last_name, pt.first_name, j.id`,
  };
}
