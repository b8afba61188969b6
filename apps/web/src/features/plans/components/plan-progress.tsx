import { Group, Progress, Stack, Text } from '@mantine/core';

interface PlanProgressProps {
  /** Signed visit notes of the plan. */
  completed: number;
  planned: number;
  /** A table cell's width rather than a page section's. */
  compact?: boolean;
}

/** "4 of 10" with a bar: sessions signed of the sessions planned. */
export function PlanProgress({ completed, planned, compact }: PlanProgressProps) {
  const text = `${completed} of ${planned}`;
  const percent = planned > 0 ? Math.min(100, (completed / planned) * 100) : 0;
  return (
    <Stack gap={4} miw={compact ? 90 : undefined} maw={compact ? 140 : 360}>
      <Group gap={4} wrap="nowrap">
        <Text size="sm" fw={600}>
          {text}
        </Text>
        {compact ? null : (
          <Text size="sm" c="dimmed">
            sessions signed
          </Text>
        )}
      </Group>
      <Progress value={percent} size={compact ? 'sm' : 'md'} aria-label={`Sessions signed: ${text}`} />
    </Stack>
  );
}
