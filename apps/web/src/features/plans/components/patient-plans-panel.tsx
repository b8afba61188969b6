import type { Patient, Plan } from '@ims/contracts';
import { Anchor, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { useSessionUser } from '../../auth/use-session-user';
import { formatDate } from '../../patients/patient-format';
import { plansQueryOptions } from '../api';
import { conditionLabel } from '../plan-labels';
import { canPlan } from '../plan-roles';
import { NewPlanForm } from './new-plan-form';
import { PlanProgress } from './plan-progress';
import { PlanStatusBadge, ReviewDueBadge } from './plan-status-badge';

/**
 * The Plans tab of a patient: every treatment plan with its status and progress. Physiotherapists plan new
 * courses here and open a plan; reception reads the list to book courses against the plans.
 */
export function PatientPlansPanel({ patient }: { patient: Patient }) {
  const user = useSessionUser();
  const navigate = useNavigate();
  const plans = useQuery(plansQueryOptions({ patientId: patient.id }));
  const [planning, setPlanning] = useState(false);
  const canOpen = canPlan(user.roles, 'open');
  const canCreate = canPlan(user.roles, 'manage') && patient.archivedAt === null && patient.anonymisedAt === null;

  return (
    <Stack gap="lg">
      {planning ? (
        <Paper p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              New plan
            </Title>
            <NewPlanForm patient={patient} onCreated={(plan) => navigate(`/plans/${plan.id}`)} onCancel={() => setPlanning(false)} />
          </Stack>
        </Paper>
      ) : canCreate ? (
        <Group>
          <Button onClick={() => setPlanning(true)}>New plan</Button>
        </Group>
      ) : null}
      {plans.isPending ? <Skeleton h={120} aria-label="Loading plans" /> : null}
      {plans.isError ? <ErrorPanel title="Could not load the plans" error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {plans.data ? <PlansTable plans={plans.data} linked={canOpen} /> : null}
    </Stack>
  );
}

function PlansTable({ plans, linked }: { plans: readonly Plan[]; linked: boolean }) {
  if (plans.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No treatment plans yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Treatment plans" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Condition</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Progress</Table.Th>
            <Table.Th>Clinician</Table.Th>
            <Table.Th>Started</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((plan) => {
            const condition = conditionLabel(plan.condition, plan.conditionDetail);
            return (
              <Table.Tr key={plan.id}>
                <Table.Td>
                  {linked ? (
                    <Anchor component={Link} to={`/plans/${plan.id}`} size="sm" fw={600}>
                      {condition}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={600}>
                      {condition}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <PlanStatusBadge status={plan.status} />
                    {plan.reviewDue ? <ReviewDueBadge /> : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <PlanProgress completed={plan.completedSessions} planned={plan.plannedSessions} compact />
                </Table.Td>
                <Table.Td>{plan.clinician.name}</Table.Td>
                <Table.Td>{plan.startedOn ? formatDate(plan.startedOn) : '–'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
