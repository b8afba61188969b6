import { zodResolver } from '@hookform/resolvers/zod';
import { PutOpeningHoursRequest } from '@ims/contracts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm } from '../../../lib/form-errors';
import { WeeklyHoursRow } from '../../clinicians/components/weekly-hours-row';
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
            <WeeklyHoursRow
              key={row.id}
              control={form.control}
              weekdayField={`hours.${index}.weekday`}
              rowName={rowName}
              fromLabel="Opens"
              from={form.register(`hours.${index}.opensAt`)}
              fromError={rowErrors?.opensAt?.message}
              toLabel="Closes"
              to={form.register(`hours.${index}.closesAt`)}
              toError={rowErrors?.closesAt?.message}
              onRemove={() => rows.remove(index)}
            />
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
