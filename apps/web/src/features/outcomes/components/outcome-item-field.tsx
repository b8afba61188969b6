import type { ItemAnswer, OutcomeItemDefinition } from '@ims/contracts';
import { Group, NumberInput, Radio } from '@mantine/core';
import { sentence } from '../../../lib/form-errors';

type Values = OutcomeItemDefinition['values'];

/** Scales this short (0-5, 1-5, 0-4, HIT-6's five choices) are answered with one click or arrow key per item. */
const MAX_RADIO_CHOICES = 6;
const NOT_ANSWERED = '';

/** "0 = No pain · 10 = Worst pain imaginable": what the ends of a scale mean. */
export function describeScale(values: Values): string | undefined {
  if (values.kind !== 'range' || !values.anchors) return undefined;
  return `${values.min} = ${values.anchors.min} · ${values.max} = ${values.anchors.max}`;
}

function radioChoices(values: Values): { value: number; label: string }[] | null {
  if (values.kind === 'choices') return values.choices.map((choice) => ({ value: choice.value, label: `${choice.label} (${choice.value})` }));
  if (values.max - values.min + 1 > MAX_RADIO_CHOICES) return null;
  return Array.from({ length: values.max - values.min + 1 }, (_, offset) => ({ value: values.min + offset, label: String(values.min + offset) }));
}

/** NumberInput's value while typing: '' when cleared, a lone '-' on the way to a negative GROC rating. */
function toAnswer(value: number | string): ItemAnswer {
  if (typeof value === 'number') return value;
  if (value.trim() === '' || value === '-') return null;
  return Number(value);
}

interface OutcomeItemFieldProps {
  item: OutcomeItemDefinition;
  value: ItemAnswer;
  onChange: (value: ItemAnswer) => void;
  onBlur: () => void;
  error?: string;
  /** Shown under the item: its scale's anchors, when the items of the instrument do not share one scale. */
  description?: string;
}

/**
 * One item of an instrument, labelled "4. Reading" as printed. Short scales and published choices are radios with an
 * explicit "Not answered" (a radio cannot be cleared from the keyboard otherwise); longer ones (0-10, GROC −7..+7)
 * are number inputs left empty when unanswered. Out-of-range entries are kept, not clamped, so the check can name them.
 */
export function OutcomeItemField({ item, value, onChange, onBlur, error, description }: OutcomeItemFieldProps) {
  const label = `${item.number}. ${item.label}`;
  const choices = radioChoices(item.values);
  if (choices) {
    return (
      <Radio.Group
        label={label}
        description={description}
        value={value === null ? NOT_ANSWERED : String(value)}
        onChange={(next) => onChange(next === NOT_ANSWERED ? null : Number(next))}
        onBlur={onBlur}
        error={sentence(error)}
      >
        <Group gap="md" mt={6}>
          {choices.map((choice) => (
            <Radio key={choice.value} value={String(choice.value)} label={choice.label} />
          ))}
          <Radio value={NOT_ANSWERED} label="Not answered" />
        </Group>
      </Radio.Group>
    );
  }
  const range = item.values as Extract<Values, { kind: 'range' }>;
  return (
    <NumberInput
      label={label}
      description={description}
      placeholder="Not answered"
      value={value ?? ''}
      onChange={(next) => onChange(toAnswer(next))}
      onBlur={onBlur}
      min={range.min}
      max={range.max}
      allowDecimal={false}
      allowNegative={range.min < 0}
      clampBehavior="none"
      maw={320}
      error={sentence(error)}
    />
  );
}
