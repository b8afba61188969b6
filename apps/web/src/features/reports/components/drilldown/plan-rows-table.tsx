import type { ReportPlanRow } from '@ims/contracts';
import { Table } from '@mantine/core';
import { measureName } from '../../../outcomes/outcome-format';
import { PlanStatusBadge } from '../../../plans/components/plan-status-badge';
import { conditionLabel } from '../../../plans/plan-labels';
import { formatReportDate, formatReportInstant } from './drilldown-dates';
import { PatientLink, PlanLink } from './row-links';

/** The treatment plans behind a figure, with how far each course had got by the report's cut-off. */
export function PlanRowsTable({ rows, caption }: { rows: ReportPlanRow[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Condition</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Signed sessions</Table.Th>
            <Table.Th>Started</Table.Th>
            <Table.Th>Ended</Table.Th>
            <Table.Th>Last signed visit</Table.Th>
            <Table.Th>Clinician</Table.Th>
            <Table.Th>Plan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.planId}>
              <Table.Td>
                <PatientLink id={row.patientId} name={row.patientName} />
              </Table.Td>
              <Table.Td>
                {conditionLabel(row.condition)} ({measureName(row.primaryMeasure)})
              </Table.Td>
              <Table.Td miw={150}>
                <PlanStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>
                {row.signedSessions} of {row.plannedSessions}
              </Table.Td>
              <Table.Td>{formatReportDate(row.startedOn)}</Table.Td>
              <Table.Td>{formatReportDate(row.endedOn)}</Table.Td>
              <Table.Td>{formatReportInstant(row.lastSignedVisitAt)}</Table.Td>
              <Table.Td>{row.clinicianName}</Table.Td>
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
