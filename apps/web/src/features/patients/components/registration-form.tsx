import { zodResolver } from '@hookform/resolvers/zod';
import type { DuplicateCandidate, ProblemConflict } from '@ims/contracts';
import { Alert, Box, Button, Grid, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useSessionUser } from '../../auth/use-session-user';
import { useCreatePatient } from '../api';
import {
  emptyPatientForm,
  PATIENT_FORM_FIELDS,
  PatientForm,
  patientFormErrorMap,
  type PatientFormInput,
  type PatientFormValues,
} from '../patient-form-schema';
import { displayName } from '../patient-format';
import { useIdempotencyKey } from '../use-idempotency-key';
import { LiveDuplicateCandidates } from './duplicate-candidates';
import { DuplicateConflictPanel } from './duplicate-conflict-panel';
import { PatientFormSections } from './patient-form-sections';

/** A 409 naming likely duplicates (`conflicts` about patients), as opposed to any other refusal. */
function duplicateConflicts(error: unknown): ProblemConflict[] | null {
  if (!isApiError(error, 409)) return null;
  const conflicts = (error.problem.conflicts ?? []).filter((conflict) => conflict.entity === 'patient' && conflict.id);
  return conflicts.length > 0 ? conflicts : null;
}

/**
 * Registers a patient: the contract's rules in the browser, a live look for people already on file, and on the
 * API's 409 a deliberate "none of these" that resends naming the duplicates seen.
 */
export function RegistrationForm() {
  const user = useSessionUser();
  const navigate = useNavigate();
  const create = useCreatePatient();
  const keyFor = useIdempotencyKey();
  const form = useForm<PatientFormInput, unknown, PatientFormValues>({
    resolver: zodResolver(PatientForm, { error: patientFormErrorMap }),
    defaultValues: emptyPatientForm(user.clinicIds[0] ?? ''),
  });
  const known = useRef<DuplicateCandidate[]>([]);
  const [conflicts, setConflicts] = useState<ProblemConflict[] | null>(null);
  const { errors } = form.formState;
  const unplaced =
    create.isError && !conflicts && !PATIENT_FORM_FIELDS.some((field) => errors[field]?.type === 'server');

  const send = (values: PatientFormValues, acknowledgedDuplicateIds?: string[]) => {
    const body = acknowledgedDuplicateIds ? { ...values, acknowledgedDuplicateIds } : values;
    setConflicts(null);
    create.mutate(
      { body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (patient) => {
          notifications.show({ color: 'teal', message: `${displayName(patient)} is registered.` });
          void navigate(`/patients/${patient.id}`);
        },
        onError: (error) => {
          const found = duplicateConflicts(error);
          if (found) setConflicts(found);
          else applyProblemToForm(error, form.setError, PATIENT_FORM_FIELDS);
        },
      },
    );
  };

  // Resends what the form holds now (validated again), naming every duplicate the API pointed at.
  const acknowledge = () => {
    const ids = (conflicts ?? []).flatMap((conflict) => (conflict.id ? [conflict.id] : []));
    void form.handleSubmit((values) => send(values, ids))();
  };

  return (
    <form noValidate aria-label="Register a patient" onSubmit={form.handleSubmit((values) => send(values))}>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {unplaced ? (
              <Alert color="red" variant="light" title="The patient was not registered">
                {errorMessage(create.error)}
              </Alert>
            ) : null}
            <PatientFormSections form={form} />
            {conflicts ? (
              <DuplicateConflictPanel
                conflicts={conflicts}
                known={known.current}
                pending={create.isPending}
                onAcknowledge={acknowledge}
              />
            ) : null}
            <Group>
              <Button type="submit" loading={create.isPending}>
                Register patient
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Box pos="sticky" top={76}>
            <LiveDuplicateCandidates
              control={form.control}
              onCandidates={(candidates) => {
                known.current = candidates;
              }}
            />
          </Box>
        </Grid.Col>
      </Grid>
    </form>
  );
}
