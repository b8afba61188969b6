import { ActionIcon, Group, Select } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { Controller, type Control, type FieldPath, type FieldValues, type UseFormRegisterReturn } from 'react-hook-form';
import { sentence } from '../../../lib/form-errors';

const weekdayName = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });
// ISO weekdays 1 (Monday) to 7 (Sunday); 2024-01-01 was a Monday.
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  value: String(weekday),
  label: weekdayName.format(new Date(Date.UTC(2024, 0, weekday))),
}));

interface WeeklyHoursRowProps<TFieldValues extends FieldValues, TTransformedValues> {
  control: Control<TFieldValues, unknown, TTransformedValues>;
  /** Path of the row's ISO weekday (a number) in the form. */
  weekdayField: FieldPath<TFieldValues>;
  /** Names the row in every accessible label, e.g. "row 2" or "row 1 at Central". */
  rowName: string;
  /** "Start" / "Opens" and so on: the accessible label is `${fromLabel}, ${rowName}`. */
  fromLabel: string;
  from: UseFormRegisterReturn;
  fromError?: string;
  toLabel: string;
  to: UseFormRegisterReturn;
  toError?: string;
  onRemove: () => void;
}

/** One editable row of weekly hours: weekday, from and to times, and a remove button. */
export function WeeklyHoursRow<TFieldValues extends FieldValues, TTransformedValues>({
  control,
  weekdayField,
  rowName,
  fromLabel,
  from,
  fromError,
  toLabel,
  to,
  toError,
  onRemove,
}: WeeklyHoursRowProps<TFieldValues, TTransformedValues>) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Controller
        control={control}
        name={weekdayField}
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
      <TimeInput aria-label={`${fromLabel}, ${rowName}`} error={sentence(fromError)} {...from} />
      <TimeInput aria-label={`${toLabel}, ${rowName}`} error={sentence(toError)} {...to} />
      <ActionIcon variant="subtle" color="red" size="lg" mt={2} aria-label={`Remove ${rowName}`} onClick={onRemove}>
        ×
      </ActionIcon>
    </Group>
  );
}
