import { OUTCOMES_DEFINITIONS, type OutcomesConditionRow, type OutcomesMetric, type OutcomesReport, type OutcomesTimepointFigures } from '@ims/contracts';
import { Table, Text } from '@mantine/core';
import { DIRECTION_LABELS, formatSigned, measureName } from '../../outcomes/outcome-format';
import { conditionLabel } from '../../plans/plan-labels';
import type { DrilldownTarget } from '../report-query';
import { formatCount, formatPercent, NOT_APPLICABLE } from '../report-format';
import { OUTCOMES_METRIC_LABELS } from '../report-labels';
import { ColumnHelp } from './column-help';
import { FigureButton } from './figure-button';

const D = OUTCOMES_DEFINITIONS;

const COLUMNS = [
  { label: 'Plans', definition: `${D.cohort} ${D.records}` },
  { label: 'With baseline', definition: D.baseline },
  { label: 'Responders at session 4', definition: `${D.session4} ${D.responder} ${D.share}` },
  { label: 'Mean change at session 4', definition: D.meanChange },
  { label: 'Responders at discharge', definition: `${D.discharge} ${D.responder} ${D.share}` },
  { label: 'Mean change at discharge', definition: D.meanChange },
] as const;

/** "Neck pain (NDI)": a row as the drill-down titles and buttons name it. */
export const outcomesRowName = (row: Pick<OutcomesConditionRow, 'condition' | 'measure'>) => `${conditionLabel(row.condition)} (${measureName(row.measure)})`;

function OutcomesRow({ row, onDrill }: { row: OutcomesConditionRow; onDrill: (target: DrilldownTarget) => void }) {
  const name = outcomesRowName(row);
  const figure = (metric: OutcomesMetric, count: number) => (
    <FigureButton
      label={`${OUTCOMES_METRIC_LABELS[metric]}, ${name}: ${formatCount(count)}`}
      onClick={() => onDrill({ report: 'outcomes', metric, condition: row.condition, measure: row.measure, title: `${OUTCOMES_METRIC_LABELS[metric]} · ${name}` })}
    >
      {formatCount(count)}
    </FigureButton>
  );
  // "2 of 5 (40%)": responders of the plans measured then, so two of five never reads like forty of a hundred.
  const responders = (figures: OutcomesTimepointFigures, responderMetric: OutcomesMetric, measuredMetric: OutcomesMetric) => (
    <>
      {figure(responderMetric, figures.responders.count)} of {figure(measuredMetric, figures.responders.of)}
      {figures.responders.percent === null ? null : ` (${formatPercent(figures.responders.percent)})`}
    </>
  );
  const meanChange = (value: number | null) => (value === null ? NOT_APPLICABLE : formatSigned(value));

  return (
    <Table.Tr>
      <Table.Th scope="row">
        {conditionLabel(row.condition)}
        <Text size="xs" c="dimmed">
          {measureName(row.measure)} · {DIRECTION_LABELS[row.direction].toLowerCase()}
        </Text>
      </Table.Th>
      <Table.Td>{figure('plans', row.plans)}</Table.Td>
      <Table.Td>{figure('plansWithBaseline', row.plansWithBaseline)}</Table.Td>
      <Table.Td>{responders(row.session4, 'session4Responders', 'session4Measured')}</Table.Td>
      <Table.Td>{meanChange(row.session4.meanChange)}</Table.Td>
      <Table.Td>{responders(row.discharge, 'dischargeResponders', 'dischargeMeasured')}</Table.Td>
      <Table.Td>{meanChange(row.discharge.meanChange)}</Table.Td>
    </Table.Tr>
  );
}

/** Outcomes by condition and primary measure (never averaged across instruments), with counts beside every share. */
export function OutcomesTable({ report, onDrill }: { report: OutcomesReport; onDrill: (target: DrilldownTarget) => void }) {
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover aria-label="Outcomes by condition">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Condition and measure</Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th key={column.label}>
                <ColumnHelp label={column.label} definition={column.definition} />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <OutcomesRow key={`${row.condition}-${row.measure}`} row={row} onDrill={onDrill} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
