import { CaseloadReportQuery } from '@ims/contracts';
import { DateTime } from 'luxon';
import { sentence } from '../../lib/form-errors';

/** What every report tab shares: local calendar days [from, to] (YYYY-MM-DD, inclusive) and the clinics chosen. */
export interface ReportRange {
  from: string;
  to: string;
  /** Empty: the clinics the manager works at (the API's default). */
  clinicIds: string[];
}

type Dates = Pick<ReportRange, 'from' | 'to'>;

const shift = (date: string, change: { days?: number; months?: number; years?: number }) => DateTime.fromISO(date).plus(change).toISODate() ?? date;
const monthOf = (date: string): Dates => {
  const start = DateTime.fromISO(date).startOf('month');
  return { from: start.toISODate() ?? date, to: start.endOf('month').toISODate() ?? date };
};

/** The ranges a manager picks most, relative to today at the clinics. "Last 4 weeks" ends today: 28 whole days. */
export const RANGE_PRESETS = [
  { key: 'this-month', label: 'This month', dates: (today: string): Dates => monthOf(today) },
  { key: 'last-month', label: 'Last month', dates: (today: string): Dates => monthOf(shift(today, { months: -1 })) },
  { key: 'last-4-weeks', label: 'Last 4 weeks', dates: (today: string): Dates => ({ from: shift(today, { days: -27 }), to: today }) },
  { key: 'last-12-months', label: 'Last 12 months', dates: (today: string): Dates => ({ from: shift(today, { years: -1, days: 1 }), to: today }) },
] as const;

/**
 * Why the API would refuse these dates, per field (the contract's own rule: real dates, `to` not before `from`, at
 * most MAX_REPORT_DAYS days), or null when it would take them.
 */
export function rangeProblems(dates: Dates): Partial<Record<keyof Dates, string>> | null {
  const parsed = CaseloadReportQuery.safeParse(dates);
  if (parsed.success) return null;
  const problems: Partial<Record<keyof Dates, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field !== 'from' && field !== 'to') continue;
    problems[field] ??= issue.code === 'invalid_format' ? 'Enter a date' : sentence(issue.message.replace(/\bfrom$/, 'the first day'));
  }
  return problems;
}

/** The range in the URL (`?from=&to=&clinicId=…`), or this month at the clinics when the URL has no valid dates. */
export function rangeFromParams(params: URLSearchParams, today: string): ReportRange {
  const dates = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const clinicIds = params.getAll('clinicId').filter((id) => id.length > 0);
  return { ...(rangeProblems(dates) ? monthOf(today) : dates), clinicIds };
}

/** `params` with the range written in (other parameters, such as the tab, kept). */
export function withRange(params: URLSearchParams, range: ReportRange): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('from', range.from);
  next.set('to', range.to);
  next.delete('clinicId');
  for (const id of range.clinicIds) next.append('clinicId', id);
  return next;
}

/** Today (YYYY-MM-DD) in the zone of the clinics the report is about: the chosen ones, else the manager's own. */
export function reportToday(options: {
  clinics: ReadonlyArray<{ id: string; timeZone: string }>;
  chosen: readonly string[];
  ownClinicIds: readonly string[];
  now?: Date;
}): string {
  const { clinics, chosen, ownClinicIds, now = new Date() } = options;
  const wanted = chosen.length > 0 ? chosen : ownClinicIds;
  const zone = clinics.find((clinic) => wanted.includes(clinic.id))?.timeZone ?? clinics[0]?.timeZone;
  const local = zone ? DateTime.fromJSDate(now, { zone }) : DateTime.fromJSDate(now);
  return local.toISODate() ?? '';
}
