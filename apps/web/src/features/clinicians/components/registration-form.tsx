import { zodResolver } from '@hookform/resolvers/zod';
import { CreateClinicianRequest, type Clinician } from '@ims/contracts';
import { Alert, Button, Group, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { useUpdateClinician } from '../api';

// An empty field is a real answer ("none recorded"), so the form holds a string and sends null for empty.
const Registration = CreateClinicianRequest.pick({ registrationNumber: true }).required();
type Input = z.input<typeof Registration>;
type Values = z.output<typeof Registration>;

/** The professional registration number with the regulator. */
export function RegistrationForm({ clinician }: { clinician: Clinician }) {
  const update = useUpdateClinician(clinician.id);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(Registration),
    defaultValues: { registrationNumber: clinician.registrationNumber ?? '' },
  });
  const { errors, isDirty } = form.formState;

  const onSubmit = ({ registrationNumber }: Values) =>
    update.mutate(
      { registrationNumber: registrationNumber || null },
      {
        onSuccess: (updated) => {
          form.reset({ registrationNumber: updated.registrationNumber ?? '' });
          notifications.show({ color: 'teal', message: 'Registration number saved.' });
        },
        onError: (error) => void applyProblemToForm(error, form.setError, ['registrationNumber']),
      },
    );

  return (
    <form noValidate aria-label="Registration" onSubmit={form.handleSubmit(onSubmit)}>
      {update.isError && errors.registrationNumber?.type !== 'server' ? (
        <Alert color="red" variant="light" mb="sm">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      <Group align="flex-end">
        <TextInput
          label="Registration number"
          error={sentence(errors.registrationNumber?.message)}
          {...form.register('registrationNumber')}
          w={260}
        />
        <Button type="submit" variant="light" loading={update.isPending} disabled={!isDirty}>
          Save
        </Button>
      </Group>
    </form>
  );
}
