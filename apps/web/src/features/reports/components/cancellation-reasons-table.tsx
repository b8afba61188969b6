import { ATTENDANCE_DEFINITIONS, type AttendanceReport } from '@ims/contracts';
import { Table, Text } from '@mantine/core';
import type { DrilldownTarget } from '../report-query';
import { formatCount } from '../report-format';
import { FigureButton } from './figure-button';

const NO_REASON = 'No reason given';

/**
 * Cancellations by reason, most frequent first. The count opens that reason's cancellations (late ones marked in the
 * list); the late count is shown only, as the API narrows late cancellations by no reason.
 */
export function CancellationReasonsTable({ cancellations, onDrill }: { cancellations: AttendanceReport['cancellations']; onDrill: (target: DrilldownTarget) => void }) {
  if (cancellations.byReason.length === 0) return <Text c="dimmed">No appointment was cancelled in the range.</Text>;
  return (
    <Table striped aria-label="Cancellations by reason">
      <Table.Caption>{ATTENDANCE_DEFINITIONS.cancellations}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Reason</Table.Th>
          <Table.Th>Cancellations</Table.Th>
          <Table.Th>Of which late</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cancellations.byReason.map((row) => {
          const reason = row.reason ?? NO_REASON;
          return (
            <Table.Tr key={row.reason ?? ''}>
              <Table.Th scope="row" fw={400}>
                {reason}
              </Table.Th>
              <Table.Td>
                <FigureButton
                  label={`Cancellations, ${reason}: ${formatCount(row.count)}`}
                  onClick={() => onDrill({ report: 'attendance', metric: 'cancellations', reason: row.reason, title: `Cancellations · ${reason}` })}
                >
                  {formatCount(row.count)}
                </FigureButton>
              </Table.Td>
              <Table.Td>{formatCount(row.late)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
