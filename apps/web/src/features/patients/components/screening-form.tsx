import { zodResolver } from '@hookform/resolvers/zod';
import { PRECAUTIONS, PutScreeningRequest, ScreeningItem, type Patient, type PrecautionKey, type Screening } from '@ims/contracts';
import { Alert, Button, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { useSessionUser } from '../../auth/use-session-user';
import { useRecordScreening } from '../clinical-api';
import { ClinicChoice, defaultClinicFor } from './clinic-choice';

// Every precaution must be answered afresh: a box left unanswered is a gap, never a silent "no".
const AnsweredItem = ScreeningItem.extend({ present: z.boolean({ error: 'Answer yes or no' }) });
const ScreeningFormSchema = PutScreeningRequest.omit({ basedOnId: true }).extend({
  items: z.object(Object.fromEntries(PRECAUTIONS.map((p) => [p.key, AnsweredItem])) as Record<PrecautionKey, typeof AnsweredItem>),
});
type Input = z.input<typeof ScreeningFormSchema>;
type Values = z.output<typeof ScreeningFormSchema>;
const FIELDS = ['clinicId', 'items', 'notes'] as const;

interface ScreeningFormProps {
  patient: Patient;
  /** The screening the clinician is looking at: sent as `basedOnId`, shown as "last time" beside each question. */
  current: Screening | null;
  onDone: () => void;
  onReload: () => void;
  reloading: boolean;
}

/** "Record screening": every precaution yes or no, with notes where present, and notes on the whole. */
export function ScreeningForm({ patient, current, onDone, onReload, reloading }: ScreeningFormProps) {
  const user = useSessionUser();
  const record = useRecordScreening(patient.id);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(ScreeningFormSchema),
    defaultValues: { clinicId: defaultClinicFor(user, patient), items: {}, notes: '' } as Input,
  });
  const answers = useWatch({ control: form.control, name: 'items' });
  const stale = isApiError(record.error, 409);

  const onSubmit = (values: Values) =>
    record.mutate(
      { ...values, notes: values.notes || undefined, basedOnId: current?.id ?? null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Screening recorded.' });
          onDone();
        },
        onError: (error) => void applyProblemToForm(error, form.setError, FIELDS),
      },
    );

  return (
    <form noValidate aria-label="Record screening" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="md">
        {stale ? <StaleVersionAlert what="this patient’s screening" onReload={onReload} reloading={reloading} /> : null}
        {record.isError && !stale ? (
          <Alert color="red" variant="light" title="Screening not recorded">
            {errorMessage(record.error)}
          </Alert>
        ) : null}
        <Controller
          control={form.control}
          name="clinicId"
          render={({ field, fieldState }) => (
            <ClinicChoice user={user} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        {PRECAUTIONS.map(({ key, label }) => {
          const before = current?.items[key].present;
          return (
            <Stack key={key} gap={6}>
              <Controller
                control={form.control}
                name={`items.${key}.present`}
                render={({ field, fieldState }) => (
                  <Radio.Group
                    label={label}
                    required
                    description={before === undefined ? undefined : `Last screening: ${before ? 'yes' : 'no'}`}
                    value={field.value === undefined ? '' : field.value ? 'yes' : 'no'}
                    onChange={(value) => field.onChange(value === 'yes')}
                    error={sentence(fieldState.error?.message)}
                  >
                    <Group gap="lg" mt={4}>
                      <Radio value="yes" label="Yes" />
                      <Radio value="no" label="No" />
                    </Group>
                  </Radio.Group>
                )}
              />
              {answers?.[key]?.present ? (
                <TextInput
                  label={`Notes on ${label.toLowerCase()}`}
                  placeholder="e.g. medication, dose, what to watch"
                  error={sentence(form.formState.errors.items?.[key]?.notes?.message)}
                  {...form.register(`items.${key}.notes`)}
                />
              ) : null}
            </Stack>
          );
        })}
        <Textarea
          label="Screening notes"
          autosize
          minRows={2}
          error={sentence(form.formState.errors.notes?.message)}
          {...form.register('notes')}
        />
        <Group>
          <Button type="submit" loading={record.isPending}>
            Record screening
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
