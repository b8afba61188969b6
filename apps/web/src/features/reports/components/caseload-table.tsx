import { CASELOAD_DEFINITIONS, type CaseloadFigures, type CaseloadMetric, type CaseloadReport, type ReportShare } from '@ims/contracts';
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DrilldownTarget } from '../report-query';
import { formatCount, formatDecimal, formatPercent } from '../report-format';
import { CASELOAD_METRIC_LABELS } from '../report-labels';
import { ColumnHelp } from './column-help';
import { FigureButton } from './figure-button';

const D = CASELOAD_DEFINITIONS;

/** The table's columns in order, each with the contract's definition of what it counts. */
const COLUMNS = [
  { label: 'Active plans', definition: D.activePlans },
  { label: 'Patients seen', definition: D.patientsSeen },
  { label: 'Sessions delivered', definition: D.sessionsDelivered },
  { label: 'Booked of available hours', definition: `Booked: ${D.bookedHours} Available: ${D.availableHours}` },
  { label: 'Utilisation', definition: D.utilisation },
  { label: 'No-shows', definition: `${D.noShowRate} ${D.appointmentsDue}` },
  { label: 'Late cancellations', definition: `${D.lateCancellationRate} ${D.appointmentsDue}` },
  { label: 'Sessions per completed course', definition: D.averageSessionsPerCompletedCourse },
  { label: 'Completed', definition: D.completedCourses },
  { label: 'Discontinued', definition: D.discontinuedCourses },
  { label: 'Stalled', definition: D.stalledCourses },
  { label: 'Completion', definition: D.completionRate },
  { label: 'Review due', definition: D.reviewDue },
] as const;

interface CaseloadTableProps {
  report: CaseloadReport;
  onDrill: (target: DrilldownTarget) => void;
}

interface FiguresRowProps {
  figures: CaseloadFigures;
  /** The clinician's name, or "All clinicians" for the totals. */
  who: string;
  clinicianId?: string;
  onDrill: (target: DrilldownTarget) => void;
}

/** One row of figures, every count a button opening the rows behind it (of this clinician, or of everyone). */
function FiguresCells({ figures, who, clinicianId, onDrill }: FiguresRowProps) {
  const figure = (metric: CaseloadMetric, shown: string, label = CASELOAD_METRIC_LABELS[metric]): ReactNode => (
    <FigureButton label={`${label}, ${who}: ${shown}`} onClick={() => onDrill({ report: 'caseload', metric, clinicianId, title: `${CASELOAD_METRIC_LABELS[metric]} · ${who}` })}>
      {shown}
    </FigureButton>
  );
  const rate = (metric: 'noShows' | 'lateCancellations', share: ReportShare) => (
    <>
      {figure(metric, formatCount(share.count))} of {figure('appointmentsDue', formatCount(share.of))}
      {share.percent === null ? null : <Text span c="dimmed" size="xs">{` (${formatPercent(share.percent)})`}</Text>}
    </>
  );
  return (
    <>
      <Table.Td>{figure('activePlans', formatCount(figures.activePlans))}</Table.Td>
      <Table.Td>{figure('patientsSeen', formatCount(figures.patientsSeen))}</Table.Td>
      <Table.Td>{figure('sessionsDelivered', formatCount(figures.sessionsDelivered))}</Table.Td>
      <Table.Td>
        {figure('bookedHours', formatDecimal(figures.bookedHours))} of {figure('availableHours', formatDecimal(figures.availableHours))}
      </Table.Td>
      <Table.Td>{formatPercent(figures.utilisationPercent)}</Table.Td>
      <Table.Td>{rate('noShows', figures.noShows)}</Table.Td>
      <Table.Td>{rate('lateCancellations', figures.lateCancellations)}</Table.Td>
      <Table.Td>
        {figures.averageSessionsPerCompletedCourse === null
          ? formatDecimal(null)
          : figure('completedCourses', formatDecimal(figures.averageSessionsPerCompletedCourse), 'Sessions per completed course')}
      </Table.Td>
      <Table.Td>{figure('completedCourses', formatCount(figures.completedCourses))}</Table.Td>
      <Table.Td>{figure('discontinuedCourses', formatCount(figures.discontinuedCourses))}</Table.Td>
      <Table.Td>{figure('stalledCourses', formatCount(figures.stalledCourses))}</Table.Td>
      <Table.Td>{formatPercent(figures.completion.percent)}</Table.Td>
      <Table.Td>{figure('reviewDue', formatCount(figures.reviewDue))}</Table.Td>
    </>
  );
}

/** Caseload per clinician with the selection's totals underneath; column headers explain each figure. */
export function CaseloadTable({ report, onDrill }: CaseloadTableProps) {
  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table striped highlightOnHover fz="sm" aria-label="Caseload per clinician" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Clinician</Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th key={column.label} style={{ whiteSpace: 'normal', verticalAlign: 'bottom' }}>
                <ColumnHelp label={column.label} definition={column.definition} />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.clinicians.map((row) => (
            <Table.Tr key={row.clinicianId}>
              <Table.Th scope="row">{row.clinicianName}</Table.Th>
              <FiguresCells figures={row} who={row.clinicianName} clinicianId={row.clinicianId} onDrill={onDrill} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={600}>
            <Table.Th scope="row">Total</Table.Th>
            <FiguresCells figures={report.totals} who="All clinicians" onDrill={onDrill} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
