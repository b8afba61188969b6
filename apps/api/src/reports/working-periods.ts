import { Prisma } from '@ims/prisma';
import type { ReportScope } from './report-scope';

/**
 * CTEs `days`, `periods` and `available` (need `scope`): each clinician's weekly working hours at each clinic laid on
 * every local day of the range. Wall-clock times become instants in the clinic's zone day by day, so a period that
 * spans a daylight-saving change lasts its real length. `available_hours` is the period less the clinician's time off
 * (`away`: each clinician's absences in the range merged into one multirange, read once, so nothing is subtracted
 * twice and a period without an absence costs no look-up). Working hours have no history: the current
 * weekly hours stand for the whole range.
 */
export function workingPeriodsCte(scope: ReportScope): Prisma.Sql {
  return Prisma.sql`days AS (
    SELECT d::date AS day, extract(isodow FROM d)::int AS weekday
    FROM generate_series(${scope.from}::timestamp, ${scope.to}::timestamp, interval '1 day') AS d
  ),
  periods AS (
    SELECT w.clinician_id, w.clinic_id, s.clinic_name, s.time_zone, days.day,
      tstzrange((days.day + w.start_time) AT TIME ZONE s.time_zone, (days.day + w.end_time) AT TIME ZONE s.time_zone) AS period
    FROM scope s
    JOIN working_hours w ON w.clinic_id = s.clinic_id AND w.end_time > w.start_time
    JOIN days ON days.weekday = w.weekday
  ),
  away AS (
    SELECT t.clinician_id, range_agg(tstzrange(t.starts_at, t.ends_at)) AS away
    FROM clinician_time_off t
    WHERE t.clinician_id IN (SELECT pr.clinician_id FROM periods pr)
      AND t.starts_at < (SELECT max(s.range_end) FROM scope s) AND t.ends_at > (SELECT min(s.range_start) FROM scope s)
    GROUP BY t.clinician_id
  ),
  available AS (
    SELECT pr.*, (extract(epoch FROM upper(pr.period) - lower(pr.period)) / 3600)::float8 AS hours,
      CASE WHEN o.away IS NULL OR NOT (o.away && pr.period) THEN (extract(epoch FROM upper(pr.period) - lower(pr.period)) / 3600)::float8
      ELSE (SELECT (coalesce(sum(extract(epoch FROM upper(part) - lower(part))), 0) / 3600)::float8 FROM unnest(tstzmultirange(pr.period) - o.away) AS part)
      END AS available_hours
    FROM periods pr
    LEFT JOIN away o ON o.clinician_id = pr.clinician_id
  )`;
}
