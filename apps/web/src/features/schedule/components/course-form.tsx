import { zodResolver } from '@hookform/resolvers/zod';
import type { AppointmentType, Clinician, Room, SeriesPreviewRequest } from '@ims/contracts';
import { Button, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { WEEKDAYS } from '../../waitlist/weekdays';
import { isIsoDate, isoWeekday, localDateTime } from '../clinic-time';
import { PatientPicker, type PickedPatient } from './patient-picker';

const CourseFields = z
  .object({
    patient: z.object({ id: z.string(), name: z.string() }, { error: 'Choose a patient' }),
    clinicianId: z.string().min(1, 'Choose a clinician'),
    appointmentTypeId: z.string().min(1, 'Choose an appointment type'),
    roomId: z.string().nullable(),
    firstDate: z.string().refine(isIsoDate, 'Enter the first date'),
    firstTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time, e.g. 10:00'),
    pattern: z.enum(['weekly', 'interval']),
    weekdays: z.array(z.number().int().min(1).max(7)),
    intervalDays: z.number({ error: 'Enter a number of days' }).int().min(1, 'At least 1 day').max(60, 'At most 60 days'),
    count: z.number({ error: 'Enter how many sessions' }).int().min(1, 'At least 1 session').max(30, 'At most 30 sessions'),
  })
  .refine((course) => course.pattern !== 'weekly' || course.weekdays.length > 0, { message: 'Tick at least one weekday', path: ['weekdays'] });
export type CourseValues = z.output<typeof CourseFields>;

interface CourseFormProps {
  clinicId: string;
  clinicians: readonly Clinician[];
  rooms: readonly Room[];
  types: readonly AppointmentType[];
  /** The values last previewed, so going back to the form keeps them. */
  initial?: CourseValues;
  defaultClinicianId?: string;
  previewing: boolean;
  onPreview: (request: SeriesPreviewRequest, values: CourseValues) => void;
}

/** Who, with whom, what, when first, how often and how many: everything the series preview needs. */
export function CourseForm({ clinicId, clinicians, rooms, types, initial, defaultClinicianId, previewing, onPreview }: CourseFormProps) {
  const form = useForm<z.input<typeof CourseFields>, unknown, CourseValues>({
    resolver: zodResolver(CourseFields),
    defaultValues: initial ?? {
      patient: undefined as unknown as PickedPatient,
      clinicianId: defaultClinicianId ?? '',
      appointmentTypeId: types.find((type) => type.active && type.kind === 'treatment')?.id ?? '',
      roomId: null,
      firstDate: '',
      firstTime: '',
      pattern: 'weekly',
      weekdays: [],
      intervalDays: 7,
      count: 10,
    },
  });
  const { errors } = form.formState;
  const pattern = form.watch('pattern');

  const submit = (values: CourseValues) =>
    onPreview(
      {
        clinicId,
        patientId: values.patient.id,
        clinicianId: values.clinicianId,
        appointmentTypeId: values.appointmentTypeId,
        roomId: values.roomId,
        // The clinic's wall clock: the API resolves it with its zone rules (see clinic-time.ts).
        firstLocalStartsAt: localDateTime(values.firstDate, values.firstTime),
        count: values.count,
        ...(values.pattern === 'weekly' ? { weekdays: values.weekdays } : { intervalDays: values.intervalDays }),
      },
      values,
    );

  const select = (name: 'clinicianId' | 'appointmentTypeId', label: string, data: { value: string; label: string }[]) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Select label={label} required data={data} value={field.value || null} onChange={(value) => field.onChange(value ?? '')} error={fieldState.error?.message} />
      )}
    />
  );

  return (
    <form noValidate aria-label="Course" onSubmit={form.handleSubmit(submit)}>
      <Stack gap="md" maw={620}>
        <Controller
          control={form.control}
          name="patient"
          render={({ field, fieldState }) => <PatientPicker value={field.value ?? null} onChange={field.onChange} required error={fieldState.error?.message} />}
        />
        {select('clinicianId', 'Clinician', clinicians.map((c) => ({ value: c.id, label: c.name })))}
        {select('appointmentTypeId', 'Appointment type', types.filter((t) => t.active).map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` })))}
        <Controller
          control={form.control}
          name="roomId"
          render={({ field }) => (
            <Select label="Room" placeholder="No room" clearable data={rooms.map((room) => ({ value: room.id, label: room.name }))} value={field.value} onChange={field.onChange} />
          )}
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="First session"
            required
            error={errors.firstDate?.message}
            {...form.register('firstDate', {
              // Weekly courses usually repeat on the first session's weekday: tick it when none is ticked yet.
              onChange: (event: { target: { value: string } }) => {
                const date = event.target.value;
                if (isIsoDate(date) && form.getValues('weekdays').length === 0) form.setValue('weekdays', [isoWeekday(date)]);
              },
            })}
          />
          <TextInput type="time" label="Time" required step={300} error={errors.firstTime?.message} {...form.register('firstTime')} />
        </Group>
        <Controller
          control={form.control}
          name="pattern"
          render={({ field }) => (
            <SegmentedControl
              aria-label="Repeat"
              data={[
                { value: 'weekly', label: 'Weekly on chosen days' },
                { value: 'interval', label: 'Every N days' },
              ]}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        {pattern === 'weekly' ? (
          <Controller
            control={form.control}
            name="weekdays"
            render={({ field, fieldState }) => (
              <Checkbox.Group
                label="Weekdays"
                value={field.value.map(String)}
                onChange={(values) => field.onChange(values.map(Number).sort((a, b) => a - b))}
                error={fieldState.error?.message}
              >
                <Group gap="sm" mt={4}>
                  {WEEKDAYS.map((day) => (
                    <Checkbox key={day.value} value={String(day.value)} label={day.label} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
        ) : (
          <Controller
            control={form.control}
            name="intervalDays"
            render={({ field, fieldState }) => (
              <NumberInput label="Every how many days" min={1} max={60} value={field.value} onChange={(value) => field.onChange(typeof value === 'number' ? value : NaN)} error={fieldState.error?.message} w={200} />
            )}
          />
        )}
        <Controller
          control={form.control}
          name="count"
          render={({ field, fieldState }) => (
            <NumberInput label="Sessions" min={1} max={30} value={field.value} onChange={(value) => field.onChange(typeof value === 'number' ? value : NaN)} error={fieldState.error?.message} w={200} />
          )}
        />
        <Group>
          <Button type="submit" loading={previewing}>
            Preview
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
