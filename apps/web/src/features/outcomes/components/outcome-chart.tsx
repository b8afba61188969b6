import { REVIEW_AT_SESSION, type PlanOutcomeMeasure } from '@ims/contracts';
import { LineChart, type ChartReferenceLineProps } from '@mantine/charts';
import { Box, Table, Text, VisuallyHidden } from '@mantine/core';
import { ReferenceArea } from 'recharts';
import { chartPoints, scoreTicks } from '../outcome-chart-data';
import { DIRECTION_LABELS, formatNumber } from '../outcome-format';

interface OutcomeChartProps {
  measure: PlanOutcomeMeasure;
  plannedSessions: number;
}

/**
 * One measure over the course: score by session (baseline at 0) on the instrument's whole range, the MCID target as
 * a dashed line with the responder zone beyond it shaded, and the session-4 review marked. A hidden table gives the
 * same numbers to screen readers.
 */
export function OutcomeChart({ measure, plannedSessions }: OutcomeChartProps) {
  const points = chartPoints(measure);
  const lastSession = Math.max(plannedSessions, ...points.map((point) => point.session));
  const ticks = Array.from({ length: lastSession + 1 }, (_, session) => session);
  const { scoreRange, mcidTarget, direction, name } = measure;
  const betterEnd = direction === 'lower-is-better' ? scoreRange.min : scoreRange.max;
  const referenceLines: ChartReferenceLineProps[] = [];
  if (mcidTarget !== null) referenceLines.push({ y: mcidTarget, label: 'MCID', color: 'teal.7', strokeDasharray: '6 4', labelPosition: 'insideTopRight' });
  if (lastSession > REVIEW_AT_SESSION) referenceLines.push({ x: REVIEW_AT_SESSION, label: 'Review', color: 'gray.5', labelPosition: 'insideTopLeft' });
  const caption = [
    `${name} score by session (0 = baseline)`,
    mcidTarget === null ? null : `dashed line: MCID target ${formatNumber(mcidTarget)}`,
    DIRECTION_LABELS[direction].toLowerCase(),
  ]
    .filter(Boolean)
    .join('; ');

  return (
    <Box component="figure" m={0} aria-label={`${name} over the course`}>
      <LineChart
        h={240}
        data={points}
        dataKey="session"
        series={[{ name: 'score', label: `${name} score`, color: 'blue.6' }]}
        curveType="linear"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        referenceLines={referenceLines}
        xAxisLabel="Session"
        yAxisLabel={measure.unit === '%' ? `${name} (%)` : name}
        xAxisProps={{ type: 'number', domain: [0, lastSession], ticks, allowDecimals: false, interval: 0 }}
        yAxisProps={{ domain: [scoreRange.min, scoreRange.max], ticks: scoreTicks(scoreRange), interval: 0, allowDataOverflow: true }}
        valueFormatter={formatNumber}
        connectNulls
      >
        {mcidTarget !== null ? (
          <ReferenceArea yAxisId="left" y1={Math.min(mcidTarget, betterEnd)} y2={Math.max(mcidTarget, betterEnd)} fill="var(--mantine-color-teal-6)" fillOpacity={0.08} />
        ) : null}
      </LineChart>
      <Text component="figcaption" size="xs" c="dimmed">
        {caption}
      </Text>
      <VisuallyHidden>
        <Table aria-label={`${name} scores by session`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Score</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((point, index) => (
              <Table.Tr key={index}>
                <Table.Td>{point.when}</Table.Td>
                <Table.Td>{formatNumber(point.score)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Box>
  );
}
