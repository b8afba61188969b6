import { Anchor, Breadcrumbs, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { useSessionUser } from '../../auth/use-session-user';
import { PlanOutcomesPanel } from '../../outcomes/components/plan-outcomes-panel';
import { canOutcomes } from '../../outcomes/outcome-roles';
import { planQueryOptions } from '../api';
import { EditPlanForm } from '../components/edit-plan-form';
import { PlanActions } from '../components/plan-actions';
import { PlanProgress } from '../components/plan-progress';
import { PlanReviewSection } from '../components/plan-review-section';
import { PlanStatusBadge, ReviewDueBadge } from '../components/plan-status-badge';
import { PlanSummary } from '../components/plan-summary';
import { PlanVisitsTable } from '../components/plan-visits-table';
import { conditionLabel } from '../plan-labels';
import { canPlan } from '../plan-roles';

/**
 * `/plans/:id`: one treatment plan: its status and progress ("4 of 10" signed sessions), the session-4 review, the
 * clinician's actions (activate, edit, complete, discontinue), its outcome measures and the visits charted under it.
 */
export function PlanPage() {
  const id = useParams().id ?? '';
  const user = useSessionUser();
  const plan = useQuery(planQueryOptions(id));
  const [editing, setEditing] = useState(false);
  const reload = () => void plan.refetch();
  const manage = canPlan(user.roles, 'manage');

  if (plan.isPending) return <Skeleton h={320} aria-label="Loading the plan" />;
  if (plan.isError) return <ErrorPanel title="Could not load the plan" error={plan.error} onRetry={reload} />;
  const current = plan.data;
  const open = current.status === 'draft' || current.status === 'active';

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/patients" size="sm">
          Patients
        </Anchor>
        <Anchor component={Link} to={`/patients/${current.patientId}?tab=plans`} size="sm">
          {current.patient.name}
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title={`${conditionLabel(current.condition, current.conditionDetail)}: treatment plan`}
        description={`${current.patient.name} · ${current.clinician.name}`}
      />
      <Stack gap="md">
        <Paper p="lg">
          <Stack gap="md">
            <Group gap="sm" role="group" aria-label="Plan status">
              <PlanStatusBadge status={current.status} />
              {current.reviewDue ? <ReviewDueBadge /> : null}
            </Group>
            <PlanProgress completed={current.completedSessions} planned={current.plannedSessions} />
            {editing && manage && open ? (
              <EditPlanForm plan={current} onDone={() => setEditing(false)} onReload={reload} reloading={plan.isFetching} />
            ) : (
              <>
                <PlanSummary plan={current} />
                {manage ? <PlanActions plan={current} onEdit={() => setEditing(true)} onReload={reload} reloading={plan.isFetching} /> : null}
              </>
            )}
          </Stack>
        </Paper>
        <PlanReviewSection plan={current} canRecord={manage} onReload={reload} reloading={plan.isFetching} />
        <PlanOutcomesPanel planId={current.id} canRecord={canOutcomes(user.roles, 'record')} />
        {canPlan(user.roles, 'visits') ? (
          <Paper p="lg" component="section" aria-labelledby="plan-visits-title">
            <Title order={2} size="h4" id="plan-visits-title" mb="sm">
              Visits
            </Title>
            <PlanVisitsTable planId={current.id} />
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
