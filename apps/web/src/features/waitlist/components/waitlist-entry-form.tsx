import { zodResolver } from '@hookform/resolvers/zod';
import { CreateWaitlistEntryRequest, type Clinician } from '@ims/contracts';
import { Alert, Button, Checkbox, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { PatientPicker } from '../../schedule/components/patient-picker';
import { useCreateWaitlistEntry } from '../api';
import { WEEKDAYS } from '../weekdays';

/** The form's fields: the contract's preferences, with the time window as optional "HH:MM" text. */
export const WaitlistEntryFields = CreateWaitlistEntryRequest.pick({ preferredClinicianIds: true, preferredWeekdays: true })
  .extend({
    patient: z.object({ id: z.string(), name: z.string() }, { error: 'Choose a patient' }),
    earliestTime: z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:30')]),
    latestTime: z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 17:00')]),
    priority: z.string(),
    notes: z.string().trim().max(2000, 'Keep notes under 2000 characters'),
  })
  .refine((entry) => !entry.earliestTime || !entry.latestTime || entry.earliestTime < entry.latestTime, {
    message: 'Must be after the earliest time',
    path: ['latestTime'],
    // Check the window even while another field (the patient) is still missing, so all problems show at once.
    when: ({ value }) => {
      const times = value as { earliestTime?: unknown; latestTime?: unknown };
      return typeof times.earliestTime === 'string' && typeof times.latestTime === 'string';
    },
  });
type Input = z.input<typeof WaitlistEntryFields>;
type Values = z.output<typeof WaitlistEntryFields>;

const PRIORITIES = [
  { value: '1', label: '1 – most urgent' },
  { value: '2', label: '2' },
  { value: '3', label: '3 – normal' },
  { value: '4', label: '4' },
  { value: '5', label: '5 – least urgent' },
];

interface WaitlistEntryFormProps {
  clinicId: string;
  clinicians: readonly Clinician[];
  onAdded: () => void;
}

/** Puts a patient on the clinic's waitlist with when and with whom they could come. */
export function WaitlistEntryForm({ clinicId, clinicians, onAdded }: WaitlistEntryFormProps) {
  const create = useCreateWaitlistEntry();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(WaitlistEntryFields),
    defaultValues: { preferredClinicianIds: [], preferredWeekdays: [], earliestTime: '', latestTime: '', priority: '3', notes: '' },
  });
  const { errors } = form.formState;

  const onSubmit = (values: Values) =>
    create.mutate(
      {
        clinicId,
        patientId: values.patient.id,
        preferredClinicianIds: values.preferredClinicianIds,
        preferredWeekdays: values.preferredWeekdays,
        earliestTime: values.earliestTime || null,
        latestTime: values.latestTime || null,
        priority: Number(values.priority),
        notes: values.notes || null,
      },
      {
        onSuccess: () => {
          form.reset();
          onAdded();
        },
      },
    );

  return (
    <form noValidate aria-label="Add to waitlist" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="sm">
        {create.isError ? (
          <Alert color="red" variant="light" title="Not added to the waitlist">
            {errorMessage(create.error)}
          </Alert>
        ) : null}
        <Controller
          control={form.control}
          name="patient"
          render={({ field, fieldState }) => (
            <PatientPicker value={field.value ?? null} onChange={field.onChange} required error={fieldState.error?.message} />
          )}
        />
        <Controller
          control={form.control}
          name="preferredClinicianIds"
          render={({ field }) => (
            <MultiSelect
              label="Preferred clinicians"
              placeholder={field.value?.length ? undefined : 'Anyone'}
              data={clinicians.map((clinician) => ({ value: clinician.id, label: clinician.name }))}
              value={field.value ?? []}
              onChange={field.onChange}
            />
          )}
        />
        <Controller
          control={form.control}
          name="preferredWeekdays"
          render={({ field }) => (
            <Checkbox.Group
              label="Days"
              description="None ticked: any day"
              value={(field.value ?? []).map(String)}
              onChange={(values) => field.onChange(values.map(Number).sort((a, b) => a - b))}
            >
              <Group gap="xs" mt={4}>
                {WEEKDAYS.map((day) => (
                  <Checkbox key={day.value} value={String(day.value)} label={day.label} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <Group grow>
          <TextInput type="time" label="Earliest" error={errors.earliestTime?.message} {...form.register('earliestTime')} />
          <TextInput type="time" label="Latest" error={errors.latestTime?.message} {...form.register('latestTime')} />
        </Group>
        <Controller
          control={form.control}
          name="priority"
          render={({ field }) => <Select label="Priority" data={PRIORITIES} value={field.value} onChange={(value) => field.onChange(value ?? '3')} allowDeselect={false} />}
        />
        <Textarea label="Notes" autosize minRows={2} error={errors.notes?.message} {...form.register('notes')} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            Add to waitlist
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
