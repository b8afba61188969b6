import type { OutcomeMeasureDefinition } from '@ims/contracts';
import { Stack, Text } from '@mantine/core';
import { Controller } from 'react-hook-form';
import type { OutcomeFormControl } from '../outcome-form';
import { describeScale, OutcomeItemField } from './outcome-item-field';

interface OutcomeItemsFieldsProps {
  definition: OutcomeMeasureDefinition;
  control: OutcomeFormControl;
  /** Any answer changed: the score preview and "not scoreable" refusals are about the answers as a whole. */
  onAnswered: () => void;
}

/** The instrument's fixed items in published order; one note for the scale when every item shares it. */
export function OutcomeItemsFields({ definition, control, onAnswered }: OutcomeItemsFieldsProps) {
  const [first] = definition.items;
  const scales = new Set(definition.items.map((item) => JSON.stringify(item.values)));
  const shared = first && scales.size === 1 ? describeScale(first.values) : undefined;
  return (
    <Stack gap="md">
      {shared ? (
        <Text size="sm" c="dimmed">
          Scale: {shared}
        </Text>
      ) : null}
      {definition.items.map((item, index) => (
        <Controller
          key={`${definition.id}-${item.number}`}
          control={control}
          name={`answers.${index}`}
          render={({ field, fieldState }) => (
            <OutcomeItemField
              item={item}
              value={field.value ?? null}
              onChange={(value) => {
                field.onChange(value);
                onAnswered();
              }}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              description={scales.size > 1 ? describeScale(item.values) : undefined}
            />
          )}
        />
      ))}
    </Stack>
  );
}
