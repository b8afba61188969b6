import type { VisitNote } from '@ims/contracts';
import { Anchor, Badge, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { planQueryOptions } from '../../plans/api';
import { formatVisitTime, sessionLabel } from '../visit-format';
import { ConsentStatus } from './consent-status';

/** Who, when, with whom and which session of the course; the consent position beside it. */
export function VisitHeader({ visit }: { visit: VisitNote }) {
  // A draft's session number is the plan's next one; a signed note carries its own.
  const needsPlan = visit.status === 'draft' && !!visit.planId;
  const plan = useQuery({ ...planQueryOptions(visit.planId ?? ''), enabled: needsPlan });
  const session = sessionLabel(visit, plan.data);

  return (
    <Stack gap={4}>
      <Breadcrumbs>
        <Anchor component={Link} to="/patients" size="sm">
          Patients
        </Anchor>
        <Anchor component={Link} to={`/patients/${visit.patientId}`} size="sm">
          {visit.patient.name}
        </Anchor>
      </Breadcrumbs>
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {visit.patient.name}
        </Title>
        <Badge color={visit.status === 'signed' ? 'teal' : 'yellow'} variant="light">
          {visit.status === 'signed' ? 'Signed' : 'Draft'}
        </Badge>
      </Group>
      <Text c="dimmed" size="sm">
        Visit {formatVisitTime(visit.visitedAt)} · {visit.clinician.name}
        {session ? ` · ${session}` : ''}
      </Text>
      {visit.status === 'draft' ? (
        <Group gap="xs">
          <ConsentStatus patientId={visit.patientId} />
        </Group>
      ) : null}
    </Stack>
  );
}
