import type { NprsByVisit } from '@ims/contracts';
import { Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../patients/patient-format';
import { formatNumber, formatSigned } from '../outcome-format';

const rating = (value: number | null) => (value === null ? '—' : String(value));

/** "Eased 3.3 on average": the drop is before − after, so a positive mean means the visits relieved pain. */
function summaryText({ visitsRated, meanBefore, meanAfter, meanDrop }: NprsByVisit['summary']): string {
  if (visitsRated === 0 || meanBefore === null || meanAfter === null || meanDrop === null) return 'No visit has both ratings yet.';
  const visits = `${visitsRated} visit${visitsRated === 1 ? '' : 's'} with both ratings`;
  const points = (value: number) => `${formatNumber(value)} point${value === 1 ? '' : 's'}`;
  const change = meanDrop > 0 ? `eased by ${points(meanDrop)}` : meanDrop < 0 ? `rose by ${points(-meanDrop)}` : 'did not change';
  return `Mean ${formatNumber(meanBefore)} before and ${formatNumber(meanAfter)} after over ${visits}: pain ${change} within a visit on average.`;
}

/** Pain (NPRS 0-10) charted at the start and end of each signed visit, with the mean change within a visit. */
export function NprsVisitsTable({ nprs }: { nprs: NprsByVisit }) {
  if (nprs.visits.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="nprs-by-visit-title">
      <Title order={3} size="h5" id="nprs-by-visit-title">
        Pain before and after each visit (NPRS)
      </Title>
      <Text size="sm">{summaryText(nprs.summary)}</Text>
      <Table.ScrollContainer minWidth={420}>
        <Table aria-label="Pain before and after each visit" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Session</Table.Th>
              <Table.Th>Visit</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
              <Table.Th>Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {nprs.visits.map((visit) => (
              <Table.Tr key={visit.visitId}>
                <Table.Td>{visit.sessionNumber}</Table.Td>
                <Table.Td>{formatDateTime(visit.visitedAt)}</Table.Td>
                <Table.Td>{rating(visit.painBefore)}</Table.Td>
                <Table.Td>{rating(visit.painAfter)}</Table.Td>
                <Table.Td>{visit.drop === null ? '—' : formatSigned(-visit.drop)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
