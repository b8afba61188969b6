import type { ReportAppointmentRow } from '@ims/contracts';
import { Badge, Group, Table, Text } from '@mantine/core';
import { AppointmentStatusBadge } from '../../../schedule/components/appointment-status-badge';
import { formatReportInstant } from './drilldown-dates';
import { PatientLink, PlanLink } from './row-links';

/** The appointments behind a figure: when, who, where, and what became of them (late, moved, entered afterwards). */
export function AppointmentRowsTable({ rows, caption }: { rows: ReportAppointmentRow[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Starts</Table.Th>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Clinician</Table.Th>
            <Table.Th>Clinic</Table.Th>
            <Table.Th>Minutes</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Plan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.appointmentId}>
              <Table.Td>
                {formatReportInstant(row.startsAt)}
                {Date.parse(row.createdAt) > Date.parse(row.startsAt) ? (
                  <Text size="xs" c="dimmed">
                    Entered {formatReportInstant(row.createdAt)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <PatientLink id={row.patientId} name={row.patientName} />
              </Table.Td>
              <Table.Td>{row.clinicianName}</Table.Td>
              <Table.Td>{row.clinicName}</Table.Td>
              <Table.Td>{row.minutes}</Table.Td>
              <Table.Td miw={150}>
                <Group gap={4}>
                  <AppointmentStatusBadge status={row.status} />
                  {row.lateCancellation ? <Badge color="orange" variant="light">Late</Badge> : null}
                  {row.moves > 0 ? <Badge color="gray" variant="light">Moved {row.moves}×</Badge> : null}
                </Group>
                {row.cancelReason ? <div>{row.cancelReason}</div> : null}
              </Table.Td>
              <Table.Td>
                <PlanLink id={row.planId} patientName={row.patientName} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
