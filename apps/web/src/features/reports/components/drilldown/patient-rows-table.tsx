import type { ReportPatientRow } from '@ims/contracts';
import { Table } from '@mantine/core';
import { formatReportInstant } from './drilldown-dates';
import { PatientLink } from './row-links';

/** The patients behind "patients seen": each once, with their completed sessions in the range. */
export function PatientRowsTable({ rows, caption }: { rows: ReportPatientRow[]; caption: string }) {
  return (
    <Table striped aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Patient</Table.Th>
          <Table.Th>Sessions</Table.Th>
          <Table.Th>First seen</Table.Th>
          <Table.Th>Last seen</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.patientId}>
            <Table.Td>
              <PatientLink id={row.patientId} name={row.patientName} />
            </Table.Td>
            <Table.Td>{row.sessions}</Table.Td>
            <Table.Td>{formatReportInstant(row.firstSeenAt)}</Table.Td>
            <Table.Td>{formatReportInstant(row.lastSeenAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
