import { Anchor, Paper, Skeleton, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { clinicsQueryOptions } from '../api';

/** `/admin/clinics` (admin): the organisation's clinics, each leading to its set-up. */
export function ClinicsPage() {
  const clinics = useQuery(clinicsQueryOptions());
  return (
    <>
      <PageHeader title="Clinics" description="Details, opening hours, rooms and appointment types of each clinic." />
      <Paper p="md">
        {clinics.isPending ? <Skeleton h={160} aria-label="Loading clinics" /> : null}
        {clinics.isError ? <ErrorPanel title="Could not load the clinics" error={clinics.error} onRetry={() => void clinics.refetch()} /> : null}
        {clinics.data ? (
          <Table>
            <Table.Thead>
              <Table.Tr><Table.Th>Clinic</Table.Th><Table.Th>Time zone</Table.Th><Table.Th>Address</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clinics.data.map((clinic) => (
                <Table.Tr key={clinic.id}>
                  <Table.Td><Anchor component={Link} to={`/admin/clinics/${clinic.id}`}>{clinic.name}</Anchor></Table.Td>
                  <Table.Td>{clinic.timeZone}</Table.Td>
                  <Table.Td>{clinic.address ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Paper>
    </>
  );
}
