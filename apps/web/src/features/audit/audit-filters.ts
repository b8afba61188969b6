import dayjs from 'dayjs';
import type { AuditFilters } from './api';

export const AUDIT_PAGE_SIZE = 50;

/** The text filters as they sit in the URL (dates as YYYY-MM-DD, the day the browser's user means). */
export const TEXT_FILTERS = ['userId', 'patientId', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
export type AuditUrlFilters = Partial<Record<(typeof TEXT_FILTERS)[number], string>>;

export function urlFiltersFrom(params: URLSearchParams): AuditUrlFilters {
  const filters: AuditUrlFilters = {};
  for (const key of TEXT_FILTERS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/**
 * URL filters → API query: a date range covers whole local days, from the start of the first to the end of the
 * last, sent as instants with the browser's offset.
 */
export function apiFiltersFrom(url: AuditUrlFilters, page: number): AuditFilters {
  const day = (value: string | undefined) =>
    value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? dayjs(value) : null;
  const from = day(url.from);
  const to = day(url.to);
  return {
    userId: url.userId,
    patientId: url.patientId,
    action: url.action,
    entityType: url.entityType,
    entityId: url.entityId,
    from: from ? from.startOf('day').format() : undefined,
    to: to ? to.endOf('day').format() : undefined,
    page,
    pageSize: AUDIT_PAGE_SIZE,
  };
}
