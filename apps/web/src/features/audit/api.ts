import { AuditPage } from '@ims/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { toQueryString } from '../../lib/query-string';

/** The audit search as the API takes it (`from`/`to` already instants with offset). */
export interface AuditFilters {
  userId?: string;
  patientId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filters: AuditFilters) => [...auditKeys.lists(), filters] as const,
};

/** `GET /api/audit` (admin): one page of audit events, newest first. The trail only grows, so nothing invalidates it. */
export const auditQueryOptions = (filters: AuditFilters) =>
  queryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ signal }) => api.get(`/api/audit${toQueryString({ ...filters })}`, AuditPage, { signal }),
    placeholderData: keepPreviousData,
  });
