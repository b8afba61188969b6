import { zodResolver } from '@hookform/resolvers/zod';
import { AuthorisationKind, CreateAuthorisationRequest } from '@ims/contracts';
import { Alert, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { useAddAuthorisation } from '../api';
import { authorisationKindLabel } from '../authorisations';

type Input = z.input<typeof CreateAuthorisationRequest>;
type Values = z.output<typeof CreateAuthorisationRequest>;
const FIELDS = ['kind', 'issuingBody', 'number', 'validFrom', 'validTo'] as const;

const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.path?.[0] === 'validFrom') return 'Enter the first valid day';
  if (issue.path?.[0] === 'validTo' && issue.code === 'custom') return 'Must not be before the first valid day';
  return undefined;
};

/** Records a needling authorisation as the regulator issued it (kind, body, number, validity). */
export function AddAuthorisationForm({ clinicianId }: { clinicianId: string }) {
  const add = useAddAuthorisation(clinicianId);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(CreateAuthorisationRequest, { error: errorMap }),
    defaultValues: { kind: 'ims', issuingBody: '', number: '', validFrom: '', validTo: undefined },
  });
  const { errors } = form.formState;
  const unplaced = add.isError && !FIELDS.some((field) => errors[field]?.type === 'server');

  const onSubmit = (values: Values) =>
    add.mutate(
      { ...values, number: values.number || undefined },
      {
        onSuccess: () => form.reset(),
        onError: (error) => void applyProblemToForm(error, form.setError, FIELDS),
      },
    );

  return (
    <form noValidate aria-label="Add authorisation" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="sm">
        {unplaced ? (
          <Alert color="red" variant="light" title="Authorisation not added">
            {errorMessage(add.error)}
          </Alert>
        ) : null}
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="authorisation-kind-label">
                Kind
              </Text>
              <SegmentedControl
                aria-labelledby="authorisation-kind-label"
                value={field.value}
                onChange={field.onChange}
                data={AuthorisationKind.options.map((kind) => ({ value: kind, label: authorisationKindLabel(kind) }))}
              />
            </Stack>
          )}
        />
        <Group grow align="flex-start">
          <TextInput
            label="Issuing body"
            placeholder="e.g. iSTOP, College of Physical Therapists"
            required
            error={sentence(errors.issuingBody?.message)}
            {...form.register('issuingBody')}
          />
          <TextInput label="Number" error={sentence(errors.number?.message)} {...form.register('number')} />
        </Group>
        <Group grow align="flex-start">
          <Controller
            control={form.control}
            name="validFrom"
            render={({ field, fieldState }) => (
              <DateInput
                label="Valid from"
                required
                valueFormat="D MMM YYYY"
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                error={sentence(fieldState.error?.message)}
              />
            )}
          />
          <Controller
            control={form.control}
            name="validTo"
            render={({ field, fieldState }) => (
              <DateInput
                label="Valid to"
                description="Leave empty when it has no end date"
                valueFormat="D MMM YYYY"
                clearable
                value={field.value ?? null}
                onChange={(value) => field.onChange(value ?? undefined)}
                onBlur={field.onBlur}
                error={sentence(fieldState.error?.message)}
              />
            )}
          />
        </Group>
        <Group>
          <Button type="submit" loading={add.isPending}>
            Add authorisation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
