import type { Clinician, WaitlistEntry } from '@ims/contracts';
import { Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../lib/error-message';
import { useRemoveWaitlistEntry } from '../api';
import { weekdayNames } from '../weekdays';

interface WaitlistEntriesProps {
  entries: readonly WaitlistEntry[];
  clinicians: readonly Clinician[];
  canEdit: boolean;
}

/** What an entry asks for, in one line: "Mon, Wed · 09:00–12:00 · Dr Lee". */
export function preferenceSummary(entry: WaitlistEntry, clinicianName: (id: string) => string): string {
  const window = entry.earliestTime || entry.latestTime ? `${entry.earliestTime ?? 'any time'}–${entry.latestTime ?? 'close'}` : 'any time';
  const who = entry.preferredClinicianIds.length ? entry.preferredClinicianIds.map(clinicianName).join(', ') : 'anyone';
  return `${weekdayNames(entry.preferredWeekdays)} · ${window} · ${who}`;
}

/** The clinic's waitlist, most urgent first (the API's order); each entry can be taken off with a reason. */
export function WaitlistEntries({ entries, clinicians, canEdit }: WaitlistEntriesProps) {
  const [removing, setRemoving] = useState<string | null>(null);
  const names = new Map(clinicians.map((clinician) => [clinician.id, clinician.name]));
  const clinicianName = (id: string) => names.get(id) ?? 'another clinician';

  if (entries.length === 0) return <Text size="sm" c="dimmed">Nobody is waiting.</Text>;
  return (
    <Stack gap="sm" role="list" aria-label="Waitlist entries">
      {entries.map((entry) => (
        <Stack key={entry.id} gap={2} role="listitem">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={500} truncate>
              {entry.patientName}
            </Text>
            <Badge size="sm" variant="light" color={entry.priority <= 2 ? 'red' : 'gray'}>
              Priority {entry.priority}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {preferenceSummary(entry, clinicianName)}
          </Text>
          {entry.notes ? <Text size="xs">{entry.notes}</Text> : null}
          {canEdit && removing !== entry.id ? (
            <Group>
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(entry.id)}>
                Remove…
              </Button>
            </Group>
          ) : null}
          {removing === entry.id ? <RemoveEntryForm entry={entry} onDone={() => setRemoving(null)} /> : null}
        </Stack>
      ))}
    </Stack>
  );
}

function RemoveEntryForm({ entry, onDone }: { entry: WaitlistEntry; onDone: () => void }) {
  const remove = useRemoveWaitlistEntry();
  const [reason, setReason] = useState('');
  return (
    <Stack gap={4}>
      <Textarea
        size="xs"
        label={`Why is ${entry.patientName} leaving the list?`}
        placeholder="e.g. booked, no longer needed"
        autosize
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={remove.isError ? errorMessage(remove.error) : undefined}
      />
      <Group gap="xs">
        <Button size="compact-xs" color="red" loading={remove.isPending} onClick={() => remove.mutate({ id: entry.id, reason: reason.trim() || undefined }, { onSuccess: () => onDone() })}>
          Remove from waitlist
        </Button>
        <Button size="compact-xs" variant="default" onClick={onDone}>
          Keep
        </Button>
      </Group>
    </Stack>
  );
}
