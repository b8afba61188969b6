import { ActionIcon, Group, Tooltip } from '@mantine/core';

interface ColumnHelpProps {
  label: string;
  /** What the column counts, from the contract's *_DEFINITIONS. */
  definition: string;
}

/**
 * A column header with its definition one hover, focus or tap away. The definition is the button's description, so
 * a screen reader reads it with the header's name without opening anything.
 */
export function ColumnHelp({ label, definition }: ColumnHelpProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <span>{label}</span>
      <Tooltip label={definition} multiline w={300} withArrow events={{ hover: true, focus: true, touch: true }}>
        <ActionIcon variant="subtle" color="gray" size="xs" radius="xl" aria-label={`What "${label}" counts`} aria-description={definition}>
          <span aria-hidden>?</span>
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
