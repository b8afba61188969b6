import type { CaseloadClinicianRow } from '@ims/contracts';
import { BarChart } from '@mantine/charts';
import { Box, Text } from '@mantine/core';
import { formatPercent } from '../report-format';

/**
 * Utilisation per clinician as bars against a 100% line: who is full and who has room, at a glance. Clinicians
 * without working hours in the range have no utilisation and are left out (the table lists them).
 */
export function CaseloadUtilisationChart({ clinicians }: { clinicians: readonly CaseloadClinicianRow[] }) {
  const data = clinicians
    .filter((row) => row.utilisationPercent !== null)
    .map((row) => ({ clinician: row.clinicianName, utilisation: row.utilisationPercent ?? 0 }));
  if (data.length === 0) return null;
  const top = Math.max(100, ...data.map((row) => row.utilisation));

  return (
    <Box component="figure" m={0} aria-label="Utilisation per clinician">
      <BarChart
        h={Math.max(160, 48 * data.length + 60)}
        data={data}
        dataKey="clinician"
        orientation="vertical"
        series={[{ name: 'utilisation', label: 'Utilisation', color: 'clinic.7' }]}
        valueFormatter={(value) => formatPercent(value)}
        referenceLines={[{ x: 100, color: 'red.7', strokeDasharray: '6 4' }]}
        xAxisProps={{ domain: [0, Math.ceil(top / 10) * 10] }}
        yAxisProps={{ width: 180 }}
        gridAxis="x"
      />
      <Text component="figcaption" size="xs" c="dimmed">
        Booked hours as a share of available working hours, per clinician; the dashed line is 100%. The figures are in the table above.
      </Text>
    </Box>
  );
}
