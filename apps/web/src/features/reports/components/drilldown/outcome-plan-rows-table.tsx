import type { ReportOutcomePlanRow } from '@ims/contracts';
import { Table } from '@mantine/core';
import { formatNumber, formatSigned, measureName } from '../../../outcomes/outcome-format';
import { PlanStatusBadge } from '../../../plans/components/plan-status-badge';
import { conditionLabel } from '../../../plans/plan-labels';
import { PatientLink, PlanLink } from './row-links';

const score = (value: number | null) => (value === null ? '–' : formatNumber(value));
const change = (value: number | null) => (value === null ? '' : ` (${formatSigned(value)})`);
const verdict = (responder: boolean | null) => (responder === null ? 'Not judged' : responder ? 'Responder' : 'Non-responder');

/** The plans behind an outcomes figure: the primary measure at baseline, at session 4 and at discharge. */
export function OutcomePlanRowsTable({ rows, caption }: { rows: ReportOutcomePlanRow[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Condition</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Baseline</Table.Th>
            <Table.Th>Session 4 (change)</Table.Th>
            <Table.Th>Discharge (change)</Table.Th>
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
                {conditionLabel(row.condition)} ({measureName(row.measure)})
              </Table.Td>
              <Table.Td miw={150}>
                <PlanStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>{score(row.baselineScore)}</Table.Td>
              <Table.Td>
                {score(row.session4Score)}
                {change(row.session4Change)}
                {row.session4AtSession !== null && row.session4AtSession !== 4 ? ` at session ${row.session4AtSession}` : ''}
                <div>{row.session4Score === null ? '' : verdict(row.session4Responder)}</div>
              </Table.Td>
              <Table.Td>
                {score(row.dischargeScore)}
                {change(row.dischargeChange)}
                <div>{row.dischargeScore === null ? '' : verdict(row.dischargeResponder)}</div>
              </Table.Td>
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
