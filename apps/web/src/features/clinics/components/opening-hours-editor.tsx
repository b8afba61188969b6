import { zodResolver } from '@hookform/resolvers/zod';
import { PutOpeningHoursRequest } from '@ims/contracts';
import { ActionIcon, Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { WEEKDAYS } from '../../clinicians/components/working-hours-editor';
import { usePutOpeningHours } from '../setup-api';

type Input = z.input<typeof PutOpeningHoursRequest>;
type Values = z.output<typeof PutOpeningHoursRequest>;

/**
 * The clinic's weekly opening hours as rows of day/opens/closes. Saving replaces them all in one PUT; with no rows
 * opening hours restrict no booking.
 */
export function OpeningHoursEditor({ clinicId, hours }: { clinicId: string; hours: Input['hours'] }) {
  const save = usePutOpeningHours(clinicId);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(PutOpeningHoursRequest), defaultValues: { hours } });
  const rows = useFieldArray({ control: form.control, name: 'hours' });
  const { errors, isDirty } = form.formState;
  const placedOnRows = Array.isArray(errors.hours) && errors.hours.some(Boolean);

  const onSubmit = (values: Values) =>
    save.mutate(values, {
      onSuccess: (saved) => {
        form.reset({ hours: saved.hours });
        notifications.show({ color: 'teal', message: 'Opening hours saved.' });
      },
      onError: (error) => void applyProblemToForm(error, form.setError, ['hours']),
    });

  return (
    <form noValidate aria-label="Opening hours" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="xs">
        {save.isError && !placedOnRows ? (
          <Alert color="red" variant="light" title="Opening hours not saved">
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        {rows.fields.length === 0 ? <Text size="sm" c="dimmed">No opening hours: bookings are not limited by them.</Text> : null}
        {rows.fields.map((row, index) => {
          const rowName = `row ${index + 1}`;
          const rowErrors = errors.hours?.[index];
          return (
            <Group key={row.id} gap="xs" align="flex-start" wrap="nowrap">
              <Controller
                control={form.control}
                name={`hours.${index}.weekday`}
                render={({ field }) => (
                  <Select
                    aria-label={`Day, ${rowName}`}
                    data={WEEKDAYS}
                    value={String(field.value)}
                    onChange={(value) => field.onChange(Number(value))}
                    allowDeselect={false}
                    w={160}
                  />
                )}
              />
              <TimeInput aria-label={`Opens, ${rowName}`} error={sentence(rowErrors?.opensAt?.message)} {...form.register(`hours.${index}.opensAt`)} />
              <TimeInput aria-label={`Closes, ${rowName}`} error={sentence(rowErrors?.closesAt?.message)} {...form.register(`hours.${index}.closesAt`)} />
              <ActionIcon variant="subtle" color="red" size="lg" mt={2} aria-label={`Remove ${rowName}`} onClick={() => rows.remove(index)}>
                ×
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button variant="subtle" size="xs" onClick={() => rows.append({ weekday: 1, opensAt: '08:00', closesAt: '18:00' })}>
            Add opening hours
          </Button>
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!isDirty}>
            Save opening hours
          </Button>
          {isDirty ? (
            <Button variant="default" onClick={() => form.reset()}>
              Discard changes
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
