import { Alert, Group, List, NumberInput, Stack, Text } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { needleBalance } from '../needle-balance';
import { checkedEvents, needleCountOf, type DraftValues } from '../visit-draft';

const COUNTS = [
  { name: 'opened', label: 'Opened' },
  { name: 'removed', label: 'Removed' },
  { name: 'retained', label: 'Retained' },
  { name: 'disposed', label: 'Disposed' },
] as const;

/** The sharps count with its balance worked out live, the way signing will judge it. */
export function NeedleCountFields() {
  const { control } = useFormContext<DraftValues>();
  const count = needleCountOf(useWatch({ control, name: 'needleCount' }));
  const events = checkedEvents(useWatch({ control, name: 'adverseEvents' }));
  const balance = needleBalance(count, events);
  const nothingCounted = count.opened + count.removed + count.retained + count.disposed === 0;

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-start">
        {COUNTS.map(({ name, label }) => (
          <Controller
            key={name}
            control={control}
            name={`needleCount.${name}`}
            render={({ field }) => (
              <NumberInput
                ref={field.ref}
                label={label}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                min={0}
                max={500}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                w={104}
              />
            )}
          />
        ))}
      </Group>
      <div aria-live="polite">
        {nothingCounted ? (
          <Text size="sm" c="dimmed">
            No needles counted yet.
          </Text>
        ) : balance.balanced ? (
          <Alert color="teal" variant="light" title="Count balances" py="xs">
            Every needle opened is accounted for and every removed needle disposed of.
          </Alert>
        ) : (
          <Alert color="red" variant="light" title="Count does not balance" py="xs">
            <List size="sm">
              {balance.problems.map((problem) => (
                <List.Item key={problem}>{problem}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
