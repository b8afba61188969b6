import type { ReportWorkingPeriodRow } from '@ims/contracts';
import { Table } from '@mantine/core';
import { formatDecimal } from '../../report-format';
import { formatReportDate, formatTimeSpan } from './drilldown-dates';

/** The working days behind "available hours": each day's hours, less the time off that fell in them. */
export function WorkingPeriodRowsTable({ rows, caption }: { rows: ReportWorkingPeriodRow[]; caption: string }) {
  return (
    <Table striped aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>Clinician</Table.Th>
          <Table.Th>Clinic</Table.Th>
          <Table.Th>Hours</Table.Th>
          <Table.Th>Time off (h)</Table.Th>
          <Table.Th>Available (h)</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={`${row.clinicianId}-${row.clinicId}-${row.startsAt}`}>
            <Table.Td>{formatReportDate(row.date)}</Table.Td>
            <Table.Td>{row.clinicianName}</Table.Td>
            <Table.Td>{row.clinicName}</Table.Td>
            <Table.Td>
              {formatTimeSpan(row.startsAt, row.endsAt)} ({formatDecimal(row.hours)})
            </Table.Td>
            <Table.Td>{formatDecimal(row.timeOffHours)}</Table.Td>
            <Table.Td>{formatDecimal(row.availableHours)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
