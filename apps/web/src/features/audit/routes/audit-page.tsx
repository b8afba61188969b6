import { Paper, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { ListPagination } from '../../../components/ui/list-pagination';
import { PageHeader } from '../../../components/ui/page-header';
import { auditQueryOptions } from '../api';
import { apiFiltersFrom, urlFiltersFrom, type AuditUrlFilters } from '../audit-filters';
import { AuditFiltersForm } from '../components/audit-filters-form';
import { AuditTable } from '../components/audit-table';

/** `/admin/audit` (admin): search the permanent record of who read or changed what. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const urlFilters = urlFiltersFrom(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters = apiFiltersFrom(urlFilters, page);
  const events = useQuery(auditQueryOptions(filters));

  const search = (next: AuditUrlFilters) => setParams(new URLSearchParams(next as Record<string, string>));
  const goToPage = (next: number) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('page', String(next));
      return updated;
    });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in, every change to users and roles, and every read or write of clinical data. Entries cannot be changed or deleted."
      />
      <Stack gap="lg">
        <Paper p="md">
          <AuditFiltersForm value={urlFilters} onSearch={search} />
        </Paper>
        <Paper p="md">
          {events.isPending ? <Skeleton h={320} aria-label="Loading audit events" /> : null}
          {events.isError ? (
            <ErrorPanel title="Could not load the audit log" error={events.error} onRetry={() => void events.refetch()} />
          ) : null}
          {events.data ? (
            <>
              <AuditTable events={events.data.items} />
              <ListPagination page={page} pageSize={filters.pageSize} total={events.data.total} noun="events" onChange={goToPage} />
            </>
          ) : null}
        </Paper>
      </Stack>
    </>
  );
}
