import type { OutcomesReport } from '@ims/contracts';
import { BarChart } from '@mantine/charts';
import { Box, Text } from '@mantine/core';
import { formatPercent } from '../report-format';
import { outcomesRowName } from './outcomes-table';

/** Responder shares at session 4 and at discharge side by side per condition; the counts stay in the table. */
export function OutcomesChart({ report }: { report: OutcomesReport }) {
  const data = report.rows
    .filter((row) => row.session4.responders.of > 0 || row.discharge.responders.of > 0)
    .map((row) => ({ row: outcomesRowName(row), session4: row.session4.responders.percent, discharge: row.discharge.responders.percent }));
  if (data.length === 0) return null;

  return (
    <Box component="figure" m={0} aria-label="Responders by condition">
      <BarChart
        h={Math.max(180, 56 * data.length + 80)}
        data={data}
        dataKey="row"
        orientation="vertical"
        series={[
          { name: 'session4', label: 'Responders at session 4', color: 'clinic.5' },
          { name: 'discharge', label: 'Responders at discharge', color: 'teal.8' },
        ]}
        valueFormatter={(value) => formatPercent(value)}
        xAxisProps={{ domain: [0, 100] }}
        yAxisProps={{ width: 200 }}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        gridAxis="x"
      />
      <Text component="figcaption" size="xs" c="dimmed">
        Share of measured plans that responded, per condition and measure. Small groups swing widely: read the counts in the table.
      </Text>
    </Box>
  );
}
