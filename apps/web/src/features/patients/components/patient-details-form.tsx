import { zodResolver } from '@hookform/resolvers/zod';
import type { Patient } from '@ims/contracts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useUpdatePatient } from '../api';
import {
  PATIENT_FORM_FIELDS,
  PatientForm,
  patientFormErrorMap,
  patientToForm,
  type PatientFormInput,
  type PatientFormValues,
} from '../patient-form-schema';
import { PatientFormSections } from './patient-form-sections';

interface PatientDetailsFormProps {
  patient: Patient;
  /** False for roles that read demographics but do not keep them (manager, admin). */
  editable: boolean;
  onReload: () => void;
  reloading: boolean;
}

/** The registration details of a saved patient, saved with the version the edit started from (stale → 409). */
export function PatientDetailsForm({ patient, editable, onReload, reloading }: PatientDetailsFormProps) {
  const update = useUpdatePatient(patient.id);
  const form = useForm<PatientFormInput, unknown, PatientFormValues>({
    resolver: zodResolver(PatientForm, { error: patientFormErrorMap }),
    defaultValues: patientToForm(patient),
  });
  const { errors, isDirty } = form.formState;
  // Anonymised demographics are placeholders: editing them would re-identify nobody and confuse everybody.
  const readOnly = !editable || patient.anonymisedAt !== null;

  // A save or a reload brings a new version: start again from what the server holds. Keyed on the version alone,
  // so a background refetch of the same version does not wipe an edit in progress.
  useEffect(() => {
    form.reset(patientToForm(patient));
    update.reset();
  }, [patient.version]);

  const stale = isApiError(update.error, 409);
  const unplaced = update.isError && !stale && !PATIENT_FORM_FIELDS.some((field) => errors[field]?.type === 'server');

  const onSubmit = (values: PatientFormValues) =>
    update.mutate(
      { version: patient.version, ...values },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: 'Changes saved.' }),
        onError: (error) => void applyProblemToForm(error, form.setError, PATIENT_FORM_FIELDS),
      },
    );

  return (
    <form noValidate aria-label="Patient details" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="lg">
        {stale ? <StaleVersionAlert what="this patient" onReload={onReload} reloading={reloading} /> : null}
        {unplaced ? (
          <Alert color="red" variant="light" title="Changes not saved">
            {errorMessage(update.error)}
          </Alert>
        ) : null}
        {readOnly ? (
          <Text size="sm" c="dimmed">
            {patient.anonymisedAt ? 'This patient was anonymised; the details cannot be edited.' : 'Read only for your role.'}
          </Text>
        ) : null}
        <PatientFormSections form={form} readOnly={readOnly} />
        {readOnly ? null : (
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!isDirty}>
              Save changes
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
