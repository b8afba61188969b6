import { ADVERSE_EVENT_KINDS } from '@ims/contracts';
import { Alert, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { needleCountOf, type DraftValues } from '../visit-draft';

/** Adverse events of the visit: one box per kind, with a detail line once ticked (required for "Other"). */
export function AdverseEventsFields() {
  const { control, register, setValue } = useFormContext<DraftValues>();
  const events = useWatch({ control, name: 'adverseEvents' });
  const count = needleCountOf(useWatch({ control, name: 'needleCount' }));
  const retainedUnrecorded = count.retained > 0 && !events['retained-needle'].checked;

  return (
    <Stack gap={8} role="group" aria-label="Adverse events">
      {ADVERSE_EVENT_KINDS.map(({ key, label }) => (
        <Group key={key} gap="sm" wrap="nowrap" align="center" mih={36}>
          <Checkbox label={label} miw={230} {...register(`adverseEvents.${key}.checked`)} />
          {events[key].checked ? (
            <TextInput
              aria-label={`${label}: detail`}
              placeholder={key === 'other' ? 'What happened (required)' : 'Detail (optional)'}
              required={key === 'other'}
              error={key === 'other' && !events[key].detail.trim() ? 'Describe the event' : undefined}
              style={{ flex: 1 }}
              {...register(`adverseEvents.${key}.detail`)}
            />
          ) : null}
        </Group>
      ))}
      {retainedUnrecorded ? (
        <Alert color="orange" variant="light" title="A needle was retained">
          A broken or retained needle is an adverse event that must be recorded: tick “Broken or retained needle” and say
          where it is and what was done.{' '}
          <Group mt="xs">
            <Button size="xs" color="orange" variant="white" onClick={() => setValue('adverseEvents.retained-needle.checked', true, { shouldDirty: true })}>
              Record it now
            </Button>
          </Group>
        </Alert>
      ) : null}
    </Stack>
  );
}
