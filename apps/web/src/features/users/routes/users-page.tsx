import { RoleName } from '@ims/contracts';
import { Button, Group, Paper, SegmentedControl, Select, Skeleton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { ListPagination } from '../../../components/ui/list-pagination';
import { PageHeader } from '../../../components/ui/page-header';
import { roleLabel } from '../../auth/roles';
import { usersQueryOptions, type UserFilters } from '../api';
import { UsersTable } from '../components/users-table';

const PAGE_SIZE = 25;
const ROLE_OPTIONS = RoleName.options.map((role) => ({ value: role, label: roleLabel(role) }));

/** The filters as the URL holds them, so a filtered list can be bookmarked, shared and navigated back to. */
function filtersFrom(params: URLSearchParams): UserFilters {
  const role = RoleName.safeParse(params.get('role'));
  const active = params.get('active');
  const page = Number(params.get('page'));
  return {
    q: params.get('q') || undefined,
    role: role.success ? role.data : undefined,
    active: active === 'true' || active === 'false' ? active : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** `/admin/users` (admin): search, filter and page through the organisation's users. */
export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const users = useQuery(usersQueryOptions(filters));

  // Any filter change goes back to page 1: page 3 of the old result means nothing for the new one.
  const setFilter = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: key !== 'page' },
    );
  const setSearch = useDebouncedCallback((value: string) => setFilter('q', value.trim() || null), 300);

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageHeader title="Users" description="Who can sign in, in which roles and at which clinics." />
        <Button component={Link} to="/admin/users/new">
          New user
        </Button>
      </Group>
      <Paper p="md">
        <Group gap="md" align="flex-end" mb="md" role="search" aria-label="Filter users">
          <TextInput
            label="Search"
            placeholder="Name or email"
            type="search"
            defaultValue={filters.q ?? ''}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={260}
          />
          <Select
            label="Role"
            placeholder="All roles"
            data={ROLE_OPTIONS}
            value={filters.role ?? null}
            onChange={(value) => setFilter('role', value)}
            clearable
            w={200}
          />
          <SegmentedControl
            aria-label="Status"
            value={filters.active ?? 'all'}
            onChange={(value) => setFilter('active', value === 'all' ? null : value)}
            data={[
              { value: 'all', label: 'All' },
              { value: 'true', label: 'Active' },
              { value: 'false', label: 'Deactivated' },
            ]}
          />
        </Group>
        {users.isPending ? <Skeleton h={240} aria-label="Loading users" /> : null}
        {users.isError ? (
          <ErrorPanel title="Could not load the users" error={users.error} onRetry={() => void users.refetch()} />
        ) : null}
        {users.data ? (
          <>
            <UsersTable users={users.data.items} />
            <ListPagination
              page={filters.page}
              pageSize={filters.pageSize}
              total={users.data.total}
              noun="users"
              onChange={(page) => setFilter('page', String(page))}
            />
          </>
        ) : null}
      </Paper>
    </>
  );
}
