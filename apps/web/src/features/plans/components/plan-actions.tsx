import type { Plan } from '@ims/contracts';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { usePlanAction } from '../api';
import { DiscontinuePlanDialog } from './discontinue-plan-dialog';

interface PlanActionsProps {
  plan: Plan;
  onEdit: () => void;
  onReload: () => void;
  reloading: boolean;
}

/** What a clinician can do with the plan in its status: draft → active → completed, or discontinued with a reason. */
export function PlanActions({ plan, onEdit, onReload, reloading }: PlanActionsProps) {
  const transition = usePlanAction(plan.id);
  const [confirmingComplete, setConfirmingComplete] = useState(false);
  const [discontinuing, setDiscontinuing] = useState(false);
  const open = plan.status === 'draft' || plan.status === 'active';
  const stale = isApiError(transition.error, 409);

  // A reload brings the current version: the refusal of the old one no longer applies.
  useEffect(() => transition.reset(), [plan.version]);

  if (!open) return null;
  const run = (action: 'activate' | 'complete', message: string) =>
    transition.mutate(
      { action, body: { version: plan.version } },
      {
        onSuccess: () => {
          setConfirmingComplete(false);
          notifications.show({ color: 'teal', message });
        },
        onError: () => setConfirmingComplete(false),
      },
    );

  return (
    <Stack gap="sm">
      {stale ? <StaleVersionAlert what="this plan" onReload={onReload} reloading={reloading} /> : null}
      {transition.isError && !stale ? (
        <Alert color="red" variant="light" title="Not changed">
          {errorMessage(transition.error)}
        </Alert>
      ) : null}
      <Group gap="sm">
        {plan.status === 'draft' ? (
          <Button onClick={() => run('activate', 'Plan active.')} loading={transition.isPending && transition.variables?.action === 'activate'}>
            Activate
          </Button>
        ) : (
          <Button onClick={() => setConfirmingComplete(true)}>Complete</Button>
        )}
        <Button variant="default" onClick={onEdit}>
          Edit plan
        </Button>
        <Button variant="light" color="red" onClick={() => setDiscontinuing(true)}>
          Discontinue
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirmingComplete}
        title="Complete the plan"
        confirmLabel="Complete plan"
        pending={transition.isPending}
        onConfirm={() => run('complete', 'Plan completed.')}
        onCancel={() => setConfirmingComplete(false)}
      >
        {plan.completedSessions < plan.plannedSessions
          ? `Only ${plan.completedSessions} of ${plan.plannedSessions} sessions are signed. Complete the plan (discharge) anyway?`
          : `All ${plan.plannedSessions} sessions are signed. Complete the plan (discharge)?`}
      </ConfirmDialog>
      <DiscontinuePlanDialog
        plan={plan}
        opened={discontinuing}
        onClose={() => setDiscontinuing(false)}
        onReload={onReload}
        reloading={reloading}
      />
    </Stack>
  );
}
