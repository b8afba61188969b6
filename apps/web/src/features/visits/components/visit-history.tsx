import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { visitsQueryOptions } from '../api';
import { formatVisitTime, painChange } from '../visit-format';

/** The patient's notes, newest first, each linking to itself; addenda are counted so none goes unnoticed. */
export function VisitHistory({ patientId, currentId }: { patientId: string; currentId: string }) {
  const visits = useQuery(visitsQueryOptions({ patientId, pageSize: 100 }));
  return (
    <Paper p="md" component="section" aria-label="Note history">
      <Title order={2} size="h4" mb="sm">
        Note history
      </Title>
      {visits.isPending ? <Skeleton h={120} aria-label="Loading the note history" /> : null}
      {visits.isError ? <ErrorPanel title="Could not load the note history" error={visits.error} onRetry={() => void visits.refetch()} /> : null}
      {visits.data ? (
        <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {visits.data
            .toSorted((a, b) => Date.parse(b.visitedAt) - Date.parse(a.visitedAt))
            .map((visit) => {
              const current = visit.id === currentId;
              return (
                <li key={visit.id}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Anchor component={Link} to={`/visits/${visit.id}`} size="sm" fw={current ? 700 : undefined} aria-current={current ? 'page' : undefined}>
                      {formatVisitTime(visit.visitedAt)}
                    </Anchor>
                    <Group gap={4} wrap="nowrap">
                      {visit.sessionNumber !== null ? (
                        <Text size="xs" c="dimmed">
                          #{visit.sessionNumber}
                        </Text>
                      ) : null}
                      <Badge size="xs" variant="light" color={visit.status === 'signed' ? 'teal' : 'yellow'}>
                        {visit.status}
                      </Badge>
                      {visit.addendaCount ? (
                        <Badge size="xs" variant="outline" color="grape">
                          {visit.addendaCount} addend{visit.addendaCount === 1 ? 'um' : 'a'}
                        </Badge>
                      ) : null}
                    </Group>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {visit.clinician.name} · pain {painChange(visit.painBefore, visit.painAfter)}
                  </Text>
                </li>
              );
            })}
          {visits.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              No notes yet.
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}
