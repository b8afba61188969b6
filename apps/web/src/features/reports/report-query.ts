import type { AttendanceMetric, CaseloadMetric, Condition, OutcomeMeasure, OutcomesMetric } from '@ims/contracts';
import type { ReportRange } from './report-range';

export type ReportName = 'caseload' | 'outcomes' | 'attendance';

/** What a drill-down lists: one figure of one report, narrowed as the figure is (a clinician, a condition, a reason...). */
export type DrilldownTarget = { title: string } & (
  | { report: 'caseload'; metric: CaseloadMetric; clinicianId?: string }
  | { report: 'outcomes'; metric: OutcomesMetric; condition?: Condition; measure?: OutcomeMeasure }
  | {
      report: 'attendance';
      metric: AttendanceMetric;
      /** One cancellation reason as the report lists it; null: the cancellations without one (`reason=` alone). */
      reason?: string | null;
      weekday?: number;
      hour?: number;
    }
);

type Param = string | number | null | undefined | readonly string[];

/**
 * `?from=…&clinicId=a&clinicId=b`: arrays repeat their key and undefined is left out, but an empty string stays
 * (`reason=` means "without a reason", unlike no `reason` at all), which the app's `toQueryString` would drop.
 */
export function reportQueryString(params: Record<string, Param>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, item);
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const rangeParams = (range: ReportRange) => ({ from: range.from, to: range.to, clinicId: range.clinicIds });

/** `/api/reports/caseload?from=…`: a report for the range, as JSON, or as CSV with `csv: true`. */
export function reportPath(report: ReportName, range: ReportRange, options: { csv?: boolean } = {}): string {
  return `/api/reports/${report}${reportQueryString({ ...rangeParams(range), format: options.csv ? 'csv' : undefined })}`;
}

/** The parameters that narrow a drill-down beyond the range. */
export function drilldownFilters(target: DrilldownTarget): Record<string, Param> {
  switch (target.report) {
    case 'caseload':
      return { metric: target.metric, clinicianId: target.clinicianId };
    case 'outcomes':
      return { metric: target.metric, condition: target.condition, measure: target.measure };
    case 'attendance':
      return { metric: target.metric, reason: target.reason === null ? '' : target.reason, weekday: target.weekday, hour: target.hour };
  }
}

/** `/api/reports/caseload/drilldown?…`: one page of the rows behind a figure, or (`csv: true`) all of them as CSV. */
export function drilldownPath(
  target: DrilldownTarget,
  range: ReportRange,
  options: { page: number; pageSize: number } | { csv: true },
): string {
  const paging = 'csv' in options ? { format: 'csv' } : { page: options.page, pageSize: options.pageSize };
  return `/api/reports/${target.report}/drilldown${reportQueryString({ ...rangeParams(range), ...drilldownFilters(target), ...paging })}`;
}
