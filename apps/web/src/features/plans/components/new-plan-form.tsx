import { zodResolver } from '@hookform/resolvers/zod';
import type { Patient, Plan } from '@ims/contracts';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useSessionUser } from '../../auth/use-session-user';
import { ClinicChoice, defaultClinicFor } from '../../patients/components/clinic-choice';
import { useIdempotencyKey } from '../../patients/use-idempotency-key';
import { useCreatePlan } from '../api';
import {
  newPlanDefaults,
  PLAN_FORM_FIELDS,
  PlanForm,
  planFormErrorMap,
  toCreateRequest,
  type PlanFormInput,
  type PlanFormValues,
} from '../plan-form-schema';
import { PlanFields } from './plan-fields';

interface NewPlanFormProps {
  patient: Patient;
  onCreated: (plan: Plan) => void;
  onCancel: () => void;
}

/** Plans a course of IMS for a patient, as a draft the clinician activates when treatment starts. */
export function NewPlanForm({ patient, onCreated, onCancel }: NewPlanFormProps) {
  const user = useSessionUser();
  const create = useCreatePlan();
  const idempotencyKey = useIdempotencyKey();
  const form = useForm<PlanFormInput, unknown, PlanFormValues>({
    resolver: zodResolver(PlanForm, { error: planFormErrorMap }),
    defaultValues: newPlanDefaults(patient.id, defaultClinicFor(user, patient)),
  });
  const { errors } = form.formState;
  const unplaced = create.isError && !PLAN_FORM_FIELDS.some((field) => errors[field]?.type === 'server');

  const onSubmit = (values: PlanFormValues) => {
    const body = toCreateRequest(values);
    create.mutate(
      { body, idempotencyKey: idempotencyKey(body) },
      {
        onSuccess: (plan) => {
          notifications.show({ color: 'teal', message: 'Plan saved as a draft.' });
          onCreated(plan);
        },
        onError: (error) => void applyProblemToForm(error, form.setError, PLAN_FORM_FIELDS),
      },
    );
  };

  return (
    <form noValidate aria-label="New plan" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="md">
        {unplaced ? (
          <Alert color="red" variant="light" title="Plan not saved">
            {errorMessage(create.error)}
          </Alert>
        ) : null}
        <Controller
          control={form.control}
          name="clinicId"
          render={({ field, fieldState }) => (
            <ClinicChoice user={user} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        <PlanFields form={form} suggestMeasure />
        <Group>
          <Button type="submit" loading={create.isPending}>
            Save plan
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
