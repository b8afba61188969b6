import { Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { ListPagination } from '../../../components/ui/list-pagination';
import { ACCESS_LOG_PAGE_SIZE, accessLogQueryOptions } from '../clinical-api';
import { formatDateTime } from '../patient-format';

/** The Access log tab: who read or changed this patient's record, and when, newest first. */
export function AccessLogPanel({ patientId }: { patientId: string }) {
  const [page, setPage] = useState(1);
  const log = useQuery(accessLogQueryOptions(patientId, page));

  if (log.isPending) return <Skeleton h={200} aria-label="Loading the access log" />;
  if (log.isError) return <ErrorPanel title="Could not load the access log" error={log.error} onRetry={() => void log.refetch()} />;

  return (
    <Stack gap="xs">
      {log.data.items.length === 0 ? (
        <Text c="dimmed">Nobody has opened this record yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" aria-label="Access log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Time</Table.Th>
                <Table.Th scope="col">Who</Table.Th>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">What</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</Table.Td>
                  <Table.Td>{event.userEmail ?? 'System'}</Table.Td>
                  <Table.Td>{event.action}</Table.Td>
                  <Table.Td>{event.entityType}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListPagination page={page} pageSize={ACCESS_LOG_PAGE_SIZE} total={log.data.total} noun="events" onChange={setPage} />
    </Stack>
  );
}
