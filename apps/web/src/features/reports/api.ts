import { AttendanceReport, CaseloadReport, OutcomesReport, ReportDrilldown } from '@ims/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api-client';
import { drilldownFilters, drilldownPath, reportPath, type DrilldownTarget, type ReportName } from './report-query';
import type { ReportRange } from './report-range';

export const reportKeys = {
  all: ['reports'] as const,
  summaries: () => [...reportKeys.all, 'summary'] as const,
  summary: (report: ReportName, range: ReportRange) => [...reportKeys.summaries(), report, range] as const,
  drilldowns: () => [...reportKeys.all, 'drilldown'] as const,
  drilldown: (target: DrilldownTarget, range: ReportRange, page: number) =>
    [...reportKeys.drilldowns(), target.report, drilldownFilters(target), range, page] as const,
};

/**
 * `GET /api/reports/{caseload,outcomes,attendance}` (managers). Figures of past days change only as records are
 * corrected, so a minute's staleness is fine; the previous range stays on screen while another loads.
 */
function summaryQueryOptions<S extends z.ZodType>(report: ReportName, range: ReportRange, schema: S) {
  return queryOptions({
    queryKey: reportKeys.summary(report, range),
    queryFn: ({ signal }): Promise<z.output<S>> => api.get(reportPath(report, range), schema, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export const caseloadQueryOptions = (range: ReportRange) => summaryQueryOptions('caseload', range, CaseloadReport);
export const outcomesQueryOptions = (range: ReportRange) => summaryQueryOptions('outcomes', range, OutcomesReport);
export const attendanceQueryOptions = (range: ReportRange) => summaryQueryOptions('attendance', range, AttendanceReport);

export const DRILLDOWN_PAGE_SIZE = 25;

/** `GET /api/reports/…/drilldown`: one page of the appointments, plans, patients… behind a figure. */
export const drilldownQueryOptions = (target: DrilldownTarget, range: ReportRange, page: number) =>
  queryOptions({
    queryKey: reportKeys.drilldown(target, range, page),
    queryFn: ({ signal }) => api.get(drilldownPath(target, range, { page, pageSize: DRILLDOWN_PAGE_SIZE }), ReportDrilldown, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
