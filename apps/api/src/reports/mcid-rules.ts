import { OUTCOME_INSTRUMENTS, type OutcomeInstrument } from '@ims/contracts';
import { Prisma } from '@ims/prisma';

/** One instrument's responder rule as PostgreSQL applies it (see `changeFromBaseline` in the contracts). */
export interface McidRule {
  measure: string;
  /** −1 where a lower score is better, +1 where higher is better: gain = better × (later − baseline). */
  better: number;
  /** Points of gain that make a responder; null when the MCID is a % only (FIQR). */
  points: number | null;
  /** % of baseline that makes a responder: the MCID itself (FIQR) or its alternative (NPRS 30%, PRTEE 37%). */
  percent: number | null;
  hasBaseline: boolean;
}

/** The contracts' MCIDs as rows for SQL: the one source of the thresholds, never copied by hand. */
export function mcidRule(instrument: OutcomeInstrument): McidRule {
  const { mcid } = instrument;
  return {
    measure: instrument.id,
    better: instrument.direction === 'lower-is-better' ? -1 : 1,
    points: mcid.kind === 'points' ? mcid.value : null,
    percent: mcid.kind === 'percent' ? mcid.value : (mcid.alternativePercent ?? null),
    hasBaseline: instrument.hasBaseline,
  };
}

export const MCID_RULES: readonly McidRule[] = Object.values(OUTCOME_INSTRUMENTS).map(mcidRule);

/** CTE `mcid_rules(measure, better, points, percent, has_baseline)`. */
const ruleRow = (rule: McidRule) =>
  Prisma.sql`(${rule.measure}::text, ${rule.better}::int, ${rule.points}::numeric, ${rule.percent}::numeric, ${rule.hasBaseline}::boolean)`;

export const MCID_RULES_CTE = Prisma.sql`mcid_rules (measure, better, points, percent, has_baseline) AS (
  VALUES ${Prisma.join(MCID_RULES.map(ruleRow))}
)`;

/**
 * Whether `later` reached the MCID from `baseline` under rule alias `r`: null when it cannot be judged (no later
 * score, or no baseline for an instrument that needs one). Exact numeric arithmetic, so 30% of 10 is exactly 3.
 * Without a baseline (GROC) the score itself is the change.
 */
export function responderSql(baseline: Prisma.Sql, later: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN ${later} IS NULL THEN NULL
    WHEN NOT r.has_baseline THEN ${later} >= r.points
    WHEN ${baseline} IS NULL THEN NULL
    ELSE coalesce(r.better * (${later} - ${baseline}) >= r.points, FALSE)
      OR coalesce(${baseline} <> 0 AND r.better * (${later} - ${baseline}) * 100 / ${baseline} >= r.percent, FALSE)
  END`;
}

/** Later − baseline on the instrument's scale (GROC: its own score); null when it cannot be judged. */
export function changeSql(baseline: Prisma.Sql, later: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN NOT r.has_baseline THEN ${later} ELSE ${later} - ${baseline} END`;
}
