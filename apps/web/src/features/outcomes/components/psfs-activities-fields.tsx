import type { OutcomeMeasureDefinition } from '@ims/contracts';
import { Button, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useFieldArray } from 'react-hook-form';
import { sentence } from '../../../lib/form-errors';
import type { OutcomeFormControl } from '../outcome-form';
import { describeScale } from './outcome-item-field';

interface PsfsActivitiesFieldsProps {
  activities: NonNullable<OutcomeMeasureDefinition['activities']>;
  control: OutcomeFormControl;
  /** The activities every later PSFS of the plan keeps, and where they come from; null for the first PSFS. */
  reference: { activities: string[]; label: string } | null;
  onAnswered: () => void;
}

/**
 * PSFS: the patient names 3-5 activities and rates each 0-10. Once a plan has a PSFS, later ones keep its activities in
 * order (the score is compared with theirs), so the names come prefilled and read-only; only the ratings are entered.
 */
export function PsfsActivitiesFields({ activities, control, reference, onAnswered }: PsfsActivitiesFieldsProps) {
  const rows = useFieldArray({ control, name: 'activities' });
  const locked = reference !== null;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {locked
          ? `The activities of ${reference.label}, kept so the scores compare. Rate each: ${describeScale(activities.values)}.`
          : `The patient names ${activities.min} to ${activities.max} activities they find hard and rates each: ${describeScale(activities.values)}.`}
      </Text>
      {rows.fields.map((row, index) => (
        <Paper key={row.id} withBorder p="sm">
          <Group align="flex-start" gap="sm" wrap="wrap">
            <Controller
              control={control}
              name={`activities.${index}.activity`}
              render={({ field, fieldState }) => (
                <TextInput
                  label={`Activity ${index + 1}`}
                  value={field.value}
                  onChange={(event) => {
                    field.onChange(event.currentTarget.value);
                    onAnswered();
                  }}
                  onBlur={field.onBlur}
                  readOnly={locked}
                  description={locked ? `Kept from ${reference.label}` : undefined}
                  maxLength={activities.activityMaxLength}
                  error={sentence(fieldState.error?.message)}
                  style={{ flex: '1 1 240px' }}
                />
              )}
            />
            <Controller
              control={control}
              name={`activities.${index}.value`}
              render={({ field, fieldState }) => (
                <NumberInput
                  label={`Activity ${index + 1} rating`}
                  placeholder="Not rated"
                  value={field.value ?? ''}
                  onChange={(next) => {
                    field.onChange(typeof next === 'number' ? next : next.trim() === '' ? null : Number(next));
                    onAnswered();
                  }}
                  onBlur={field.onBlur}
                  min={activities.values.min}
                  max={activities.values.max}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="none"
                  w={160}
                  error={sentence(fieldState.error?.message)}
                />
              )}
            />
            {!locked && rows.fields.length > activities.min ? (
              <Button variant="subtle" color="red" mt={24} onClick={() => rows.remove(index)} aria-label={`Remove activity ${index + 1}`}>
                Remove
              </Button>
            ) : null}
          </Group>
        </Paper>
      ))}
      {!locked && rows.fields.length < activities.max ? (
        <Group>
          <Button variant="light" onClick={() => rows.append({ activity: '', value: null })}>
            Add activity
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
