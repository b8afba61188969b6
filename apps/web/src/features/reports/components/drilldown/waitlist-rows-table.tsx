import type { ReportWaitlistRow } from '@ims/contracts';
import { Table } from '@mantine/core';
import { formatDecimal } from '../../report-format';
import { formatReportInstant } from './drilldown-dates';
import { PatientLink } from './row-links';

/** The waitlist entries behind a figure: when each joined and left, and how long it waited. */
export function WaitlistRowsTable({ rows, caption }: { rows: ReportWaitlistRow[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Clinic</Table.Th>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Added</Table.Th>
            <Table.Th>Left the list</Table.Th>
            <Table.Th>Wait (days)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.entryId}>
              <Table.Td>
                <PatientLink id={row.patientId} name={row.patientName} />
              </Table.Td>
              <Table.Td>{row.clinicName}</Table.Td>
              <Table.Td>{row.priority}</Table.Td>
              <Table.Td>{formatReportInstant(row.addedAt)}</Table.Td>
              <Table.Td>
                {row.removedAt ? formatReportInstant(row.removedAt) : 'Still waiting'}
                {row.removedReason ? ` (${row.removedReason})` : ''}
              </Table.Td>
              <Table.Td>{formatDecimal(row.waitDays)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
