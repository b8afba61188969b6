import type { HealthResponse } from '@ims/contracts';
import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { healthQueryOptions } from '../api';
import { formatDuration } from '../format-duration';

const DATABASE_KIND: Record<HealthResponse['database']['kind'], string> = {
  postgresql: 'PostgreSQL',
  pglite: 'PGlite (embedded demo database)',
};

function StatusBadge({ ok, children }: { ok: boolean; children: string }) {
  return (
    <Badge color={ok ? 'teal' : 'red'} variant="light">
      {children}
    </Badge>
  );
}

/** Live status of the API and its database from `GET /api/health`, refreshed every 30 s. */
export function SystemStatusCard() {
  const health = useQuery(healthQueryOptions());

  return (
    <Paper p="lg" component="section" aria-labelledby="system-status-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="system-status-title">
          System status
        </Title>
        <Button
          size="xs"
          variant="subtle"
          onClick={() => void health.refetch()}
          loading={health.isFetching}
          aria-label="Refresh system status"
        >
          Refresh
        </Button>
      </Group>
      {health.isPending ? (
        <Stack gap="xs" aria-label="Loading system status">
          <Skeleton h={20} />
          <Skeleton h={20} />
          <Skeleton h={20} />
        </Stack>
      ) : health.isError ? (
        <ErrorPanel title="The API did not answer" error={health.error} onRetry={() => void health.refetch()} />
      ) : (
        <Stack gap="xs">
          <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={110}>Overall</Table.Th>
                <Table.Td>
                  <StatusBadge ok={health.data.status === 'ok'}>
                    {health.data.status === 'ok' ? 'All systems normal' : 'Degraded'}
                  </StatusBadge>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>API</Table.Th>
                <Table.Td>
                  <Group gap="xs">
                    <StatusBadge ok>Running</StatusBadge>
                    <Text size="sm" c="dimmed">
                      version {health.data.api.version}, up {formatDuration(health.data.api.uptimeSeconds)}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Database</Table.Th>
                <Table.Td>
                  <Group gap="xs">
                    <StatusBadge ok={health.data.database.status === 'ok'}>
                      {health.data.database.status === 'ok' ? 'Connected' : 'Unavailable'}
                    </StatusBadge>
                    <Text size="sm" c="dimmed">
                      {DATABASE_KIND[health.data.database.kind]}
                      {health.data.database.latencyMs !== undefined
                        ? `, ${Math.round(health.data.database.latencyMs)} ms`
                        : ''}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {health.data.demo ? (
            <Text size="xs" c="dimmed">
              Demo mode: the data is a seeded example clinic, not real patients.
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            Checked at {new Date(health.dataUpdatedAt).toLocaleTimeString()}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
