import type { VisitSummary } from '@ims/contracts';
import { Anchor, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { formatDateTime } from '../../patients/patient-format';
import { planVisitsQueryOptions } from '../api';
import { NoteStatusBadge } from './note-status-badge';

/** NPRS before → after, or a dash for what was not recorded. */
function painChange(visit: VisitSummary): string {
  const score = (value: number | null) => (value === null ? '–' : String(value));
  if (visit.painBefore === null && visit.painAfter === null) return '–';
  return `${score(visit.painBefore)} → ${score(visit.painAfter)}`;
}

/** The plan's visit notes, oldest first, each opening the note. */
export function PlanVisitsTable({ planId }: { planId: string }) {
  const visits = useQuery(planVisitsQueryOptions(planId));
  if (visits.isPending) return <Skeleton h={120} aria-label="Loading the visits" />;
  if (visits.isError) return <ErrorPanel title="Could not load the visits" error={visits.error} onRetry={() => void visits.refetch()} />;
  if (visits.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No visits charted under this plan yet.
      </Text>
    );
  }
  const ordered = [...visits.data].sort((a, b) => a.visitedAt.localeCompare(b.visitedAt));

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Visits of this plan" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Visit</Table.Th>
            <Table.Th>Session</Table.Th>
            <Table.Th>Note</Table.Th>
            <Table.Th>Pain (NPRS)</Table.Th>
            <Table.Th>Clinician</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((visit) => (
            <Table.Tr key={visit.id}>
              <Table.Td>
                <Anchor component={Link} to={`/visits/${visit.id}`} size="sm">
                  {formatDateTime(visit.visitedAt)}
                </Anchor>
              </Table.Td>
              <Table.Td>{visit.sessionNumber ?? '–'}</Table.Td>
              <Table.Td>
                <NoteStatusBadge status={visit.status} addendaCount={visit.addendaCount} />
              </Table.Td>
              <Table.Td>{painChange(visit)}</Table.Td>
              <Table.Td>{visit.clinician.name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
