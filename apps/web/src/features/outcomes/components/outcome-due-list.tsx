import type { OutcomeDue } from '@ims/contracts';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { outcomeDueLabel } from '../outcome-format';

interface OutcomeDueListProps {
  due: readonly OutcomeDue[];
  /** Physiotherapists record; managers see what is due. */
  canRecord: boolean;
  onRecord: (due: OutcomeDue) => void;
}

/** What the schedule expects next (baseline, session-4 reassessment, discharge), each with its reason and a way to record it. */
export function OutcomeDueList({ due, canRecord, onRecord }: OutcomeDueListProps) {
  if (due.length === 0) return null;
  return (
    <Paper withBorder p="sm" bg="yellow.0" component="section" aria-label="Outcomes due">
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          Due
        </Text>
        {due.map((entry) => {
          const label = outcomeDueLabel(entry);
          return (
            <Group key={`${entry.measure}-${entry.timepoint}-${entry.sessionNumber ?? ''}`} justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {label}
                </Text>
                <Text size="xs" c="dimmed">
                  {entry.reason}
                </Text>
              </Stack>
              {canRecord ? (
                <Button size="xs" variant="light" aria-label={`Record ${label}`} onClick={() => onRecord(entry)}>
                  Record
                </Button>
              ) : null}
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
