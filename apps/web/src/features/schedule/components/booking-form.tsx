import { CreateAppointmentFields, type Appointment, type CreateAppointmentRequest, type AppointmentType, type Clinician, type Room } from '@ims/contracts';
import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { sentence } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../patients/use-idempotency-key';
import { useCreateAppointment } from '../api';
import type { BookingDraft } from '../booking-draft';
import { formatLocalDateTime, formatLocalTimeAfter } from '../clinic-time';
import { PatientPicker, type PickedPatient } from './patient-picker';
import { isRuleRefusal, SlotProblemAlert } from './slot-problem-alert';

const BookingFields = CreateAppointmentFields.pick({ clinicianId: true, appointmentTypeId: true }).extend({
  patient: z.object({ id: z.string(), name: z.string() }, { error: 'Choose a patient' }),
  roomId: z.string().nullable(),
  notes: z.string().trim().max(2000),
  overrideReason: z.string().trim().max(500),
});
type Input = z.input<typeof BookingFields>;
type Values = z.output<typeof BookingFields>;

const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.path?.[0] === 'clinicianId') return 'Choose a clinician';
  if (issue.path?.[0] === 'appointmentTypeId') return 'Choose an appointment type';
  return undefined;
};

interface BookingFormProps {
  clinicId: string;
  draft: BookingDraft;
  clinicians: readonly Clinician[];
  rooms: readonly Room[];
  types: readonly AppointmentType[];
  /** A manager may book past the working-hours rules with a reason. */
  canOverride: boolean;
  onBooked: (appointment: Appointment) => void;
}

/**
 * Books one appointment at the chosen slot. A 409 names the appointment already holding it; a 422 lists the rules
 * the time breaks and, for a manager only, asks for the reason to book anyway (stored and audited by the API).
 */
export function BookingForm({ clinicId, draft, clinicians, rooms, types, canOverride, onBooked }: BookingFormProps) {
  const create = useCreateAppointment();
  const keyFor = useIdempotencyKey();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(BookingFields, { error: errorMap }),
    defaultValues: {
      patient: draft.patient as PickedPatient | undefined,
      clinicianId: draft.clinicianId ?? '',
      appointmentTypeId: draft.appointmentTypeId ?? '',
      roomId: draft.roomId ?? null,
      notes: '',
      overrideReason: '',
    },
  });
  const { errors } = form.formState;
  const refused = isRuleRefusal(create.error);
  const overriding = refused && canOverride;
  const typeId = form.watch('appointmentTypeId');
  const type = types.find((candidate) => candidate.id === typeId);

  const onSubmit = (values: Values) => {
    if (overriding && values.overrideReason.length < 3) {
      form.setError('overrideReason', { type: 'required', message: 'Give the reason for booking outside the hours' });
      return;
    }
    const body: CreateAppointmentRequest = {
      clinicId,
      patientId: values.patient.id,
      clinicianId: values.clinicianId,
      appointmentTypeId: values.appointmentTypeId,
      roomId: values.roomId,
      localStartsAt: draft.localStartsAt,
      notes: values.notes || null,
      ...(overriding ? { overrideReason: values.overrideReason } : {}),
    };
    create.mutate({ body, idempotencyKey: keyFor(body) }, { onSuccess: (appointment) => onBooked(appointment) });
  };

  return (
    <form noValidate aria-label="Book an appointment" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="md">
        <Text fw={500}>
          {formatLocalDateTime(draft.localStartsAt)}
          {type ? ` – ${formatLocalTimeAfter(draft.localStartsAt, type.durationMinutes)} (${type.durationMinutes} min)` : ''}
        </Text>
        {create.isError ? <SlotProblemAlert error={create.error} what="booked" /> : null}
        {refused && !canOverride ? (
          <Text size="sm" c="dimmed">
            Only a manager can book outside these hours. Choose another time or clinician.
          </Text>
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
          name="clinicianId"
          render={({ field, fieldState }) => (
            <Select
              label="Clinician"
              required
              data={clinicians.map((clinician) => ({ value: clinician.id, label: clinician.name }))}
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? '')}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="appointmentTypeId"
          render={({ field, fieldState }) => (
            <Select
              label="Appointment type"
              required
              data={types
                .filter((candidate) => candidate.active)
                .map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.durationMinutes} min)` }))}
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? '')}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="roomId"
          render={({ field }) => (
            <Select
              label="Room"
              placeholder="No room"
              clearable
              data={rooms.map((room) => ({ value: room.id, label: room.name }))}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        <Textarea label="Notes" autosize minRows={2} error={sentence(errors.notes?.message)} {...form.register('notes')} />
        {overriding ? (
          <Textarea
            label="Override working hours: reason"
            description="The booking is kept with your name and this reason."
            required
            autosize
            minRows={2}
            error={errors.overrideReason?.message}
            {...form.register('overrideReason')}
          />
        ) : null}
        <Group>
          <Button type="submit" loading={create.isPending} color={overriding ? 'orange' : undefined}>
            {overriding ? 'Book with override' : 'Book'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
