import { zodResolver } from '@hookform/resolvers/zod';
import { TimeZoneName, type Clinic } from '@ims/contracts';
import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { useUpdateClinic } from '../setup-api';

// The form holds strings for the optional text (empty = none); the API turns blank into null.
const Details = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  timeZone: TimeZoneName,
  address: z.string().trim().max(300),
  phone: z.string().trim().max(40),
  lateCancelNoticeHours: z.number().int().min(0).max(168),
});
type Input = z.input<typeof Details>;
type Values = z.output<typeof Details>;
const FIELDS = ['name', 'timeZone', 'address', 'phone', 'lateCancelNoticeHours'] as const;

// The runtime's IANA zone list; the API checks against the same database.
const ZONES = Intl.supportedValuesOf('timeZone');

const valuesOf = (c: Clinic): Input => ({ name: c.name, timeZone: c.timeZone, address: c.address ?? '', phone: c.phone ?? '', lateCancelNoticeHours: c.lateCancelNoticeHours });

export function ClinicDetailsForm({ clinic }: { clinic: Clinic }) {
  const update = useUpdateClinic(clinic.id);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(Details), defaultValues: valuesOf(clinic) });
  const { errors, isDirty } = form.formState;
  const zones = ZONES.includes(clinic.timeZone) ? ZONES : [clinic.timeZone, ...ZONES];

  const onSubmit = (values: Values) =>
    update.mutate(values, {
      onSuccess: (saved) => {
        form.reset(valuesOf(saved));
        notifications.show({ color: 'teal', message: 'Clinic details saved.' });
      },
      onError: (error) => void applyProblemToForm(error, form.setError, [...FIELDS]),
    });

  return (
    <form noValidate aria-label="Clinic details" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="sm" maw={480}>
        {update.isError && !FIELDS.some((f) => errors[f]?.type === 'server') ? (
          <Alert color="red" variant="light">{errorMessage(update.error)}</Alert>
        ) : null}
        <TextInput label="Name" required error={sentence(errors.name?.message)} {...form.register('name')} />
        <Controller control={form.control} name="timeZone" render={({ field }) => (
          <Select label="Time zone" data={zones} searchable allowDeselect={false} value={field.value} onChange={(v) => field.onChange(v ?? '')}
            error={sentence(errors.timeZone?.message)} description="Wall-clock rules for bookings, series and reminders" />
        )} />
        <TextInput label="Address" error={sentence(errors.address?.message)} {...form.register('address')} />
        <TextInput label="Phone" error={sentence(errors.phone?.message)} {...form.register('phone')} />
        <Controller control={form.control} name="lateCancelNoticeHours" render={({ field }) => (
          <NumberInput label="Late-cancellation notice (hours)" min={0} max={168} allowDecimal={false} value={field.value}
            onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)} error={sentence(errors.lateCancelNoticeHours?.message)}
            description="Cancelling later than this counts as a late cancellation; 0 turns it off" />
        )} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!isDirty}>Save details</Button>
        </Group>
      </Stack>
    </form>
  );
}
