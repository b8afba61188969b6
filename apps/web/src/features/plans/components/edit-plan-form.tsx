import { zodResolver } from '@hookform/resolvers/zod';
import type { Plan } from '@ims/contracts';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useUpdatePlan } from '../api';
import {
  PLAN_FORM_FIELDS,
  PlanForm,
  planFormErrorMap,
  planToForm,
  toUpdateRequest,
  type PlanFormInput,
  type PlanFormValues,
} from '../plan-form-schema';
import { PlanFields } from './plan-fields';

interface EditPlanFormProps {
  plan: Plan;
  onDone: () => void;
  onReload: () => void;
  reloading: boolean;
}

/** Edits a draft or active plan, saved with the version the edit started from (stale → 409, nothing overwritten). */
export function EditPlanForm({ plan, onDone, onReload, reloading }: EditPlanFormProps) {
  const update = useUpdatePlan(plan.id);
  const form = useForm<PlanFormInput, unknown, PlanFormValues>({
    resolver: zodResolver(PlanForm, { error: planFormErrorMap }),
    defaultValues: planToForm(plan),
  });
  const { errors, isDirty } = form.formState;
  const stale = isApiError(update.error, 409);
  const unplaced = update.isError && !stale && !PLAN_FORM_FIELDS.some((field) => errors[field]?.type === 'server');

  const onSubmit = (values: PlanFormValues) =>
    update.mutate(toUpdateRequest(plan.version, values), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Plan saved.' });
        onDone();
      },
      onError: (error) => void applyProblemToForm(error, form.setError, PLAN_FORM_FIELDS),
    });

  return (
    <form noValidate aria-label="Edit plan" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="md">
        {stale ? (
          <StaleVersionAlert
            what="this plan"
            reloading={reloading}
            onReload={() => {
              update.reset();
              onReload();
              onDone();
            }}
          />
        ) : null}
        {unplaced ? (
          <Alert color="red" variant="light" title="Plan not saved">
            {errorMessage(update.error)}
          </Alert>
        ) : null}
        <PlanFields form={form} suggestMeasure={false} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!isDirty}>
            Save changes
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
