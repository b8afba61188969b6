import { zodResolver } from '@hookform/resolvers/zod';
import { PutWorkingHoursRequest, type Clinician, type WorkingHoursEntry } from '@ims/contracts';
import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useClinicNames } from '../../clinics/api';
import { usePutWorkingHours } from '../api';
import { WeeklyHoursRow } from './weekly-hours-row';

type Input = z.input<typeof PutWorkingHoursRequest>;
type Values = z.output<typeof PutWorkingHoursRequest>;

/** Rows in reading order: clinic, then day, then start. */
function sorted(hours: readonly WorkingHoursEntry[]): WorkingHoursEntry[] {
  return [...hours].sort(
    (a, b) => a.clinicId.localeCompare(b.clinicId) || a.weekday - b.weekday || a.start.localeCompare(b.start),
  );
}

/**
 * The clinician's weekly hours, one section per clinic, rows of day/start/end. Saving replaces every clinic's
 * hours in one PUT, so what the admin sees is exactly what is stored.
 */
export function WorkingHoursEditor({ clinician }: { clinician: Clinician }) {
  const clinicName = useClinicNames();
  const save = usePutWorkingHours(clinician.id);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(PutWorkingHoursRequest),
    defaultValues: { hours: sorted(clinician.workingHours) },
  });
  const rows = useFieldArray({ control: form.control, name: 'hours' });
  const { errors, isDirty } = form.formState;
  // Hours kept for a clinic the clinician has since left still show, so they can be removed.
  const clinicIds = [...new Set([...clinician.clinicIds, ...rows.fields.map((row) => row.clinicId)])];
  const placedOnRows = Array.isArray(errors.hours) && errors.hours.some(Boolean);

  const onSubmit = (values: Values) =>
    save.mutate(values, {
      onSuccess: (updated) => {
        form.reset({ hours: sorted(updated.workingHours) });
        notifications.show({ color: 'teal', message: 'Working hours saved.' });
      },
      onError: (error) => void applyProblemToForm(error, form.setError, ['hours']),
    });

  return (
    <form noValidate aria-label="Working hours" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="md">
        {save.isError && !placedOnRows ? (
          <Alert color="red" variant="light" title="Hours not saved">
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        {clinicIds.length === 0 ? <Text c="dimmed">This clinician works at no clinic yet.</Text> : null}
        {clinicIds.map((clinicId) => {
          const name = clinicName(clinicId);
          const clinicRows = rows.fields
            .map((row, index) => ({ row, index }))
            .filter(({ row }) => row.clinicId === clinicId);
          return (
            <Fieldset key={clinicId} legend={name} variant="filled">
              <Stack gap="xs">
                {clinicRows.length === 0 ? <Text size="sm" c="dimmed">No hours at {name}.</Text> : null}
                {clinicRows.map(({ row, index }, position) => {
                  const rowName = `row ${position + 1} at ${name}`;
                  const rowErrors = errors.hours?.[index];
                  return (
                    <WeeklyHoursRow
                      key={row.id}
                      control={form.control}
                      weekdayField={`hours.${index}.weekday`}
                      rowName={rowName}
                      fromLabel="Start"
                      from={form.register(`hours.${index}.start`)}
                      fromError={rowErrors?.start?.message}
                      toLabel="End"
                      to={form.register(`hours.${index}.end`)}
                      toError={rowErrors?.end?.message}
                      onRemove={() => rows.remove(index)}
                    />
                  );
                })}
                <Group>
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={() => rows.append({ clinicId, weekday: 1, start: '09:00', end: '17:00' })}
                  >
                    Add hours at {name}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          );
        })}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!isDirty}>
            Save working hours
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
