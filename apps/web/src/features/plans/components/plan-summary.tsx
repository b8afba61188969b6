import type { Plan } from '@ims/contracts';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDate } from '../../patients/patient-format';
import { MEASURE_LABELS, regionsLabel } from '../plan-labels';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** What was planned: regions, goals, the measure that tracks progress, and when the plan ran. */
export function PlanSummary({ plan }: { plan: Plan }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Fact label="Regions">{plan.regions.length ? regionsLabel(plan.regions) : 'None recorded'}</Fact>
        <Fact label="Primary outcome measure">{MEASURE_LABELS[plan.primaryMeasure]}</Fact>
        <Fact label="Clinician">{plan.clinician.name}</Fact>
        <Fact label="Started">{plan.startedOn ? formatDate(plan.startedOn) : 'Not started'}</Fact>
        {plan.endedOn ? <Fact label="Ended">{formatDate(plan.endedOn)}</Fact> : null}
        {plan.statusReason ? <Fact label={plan.status === 'discontinued' ? 'Reason discontinued' : 'Reason'}>{plan.statusReason}</Fact> : null}
      </SimpleGrid>
      <Fact label="Goals">{plan.goals || 'None recorded'}</Fact>
    </Stack>
  );
}
