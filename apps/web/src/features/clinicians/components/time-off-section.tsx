import type { Clinician } from '@ims/contracts';
import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { errorMessage } from '../../../lib/error-message';
import { clinicsQueryOptions } from '../../clinics/api';
import { timeOffQueryOptions, useAddTimeOff, useRemoveTimeOff } from '../time-off-api';

/** The API reads time off in the zone of the clinician's first clinic by name; the form enters it in the same zone. */
function useClinicianZone(clinician: Clinician): string {
  const clinics = useQuery(clinicsQueryOptions());
  const theirs = (clinics.data ?? []).filter((c) => clinician.clinicIds.includes(c.id)).sort((a, b) => a.name.localeCompare(b.name));
  return theirs[0]?.timeZone ?? 'UTC';
}

/** A wall clock typed in the clinic's zone, as ISO 8601 with that zone's offset (null when not a valid time). */
export function wallClockToIso(local: string, timeZone: string): string | null {
  const value = DateTime.fromISO(local, { zone: timeZone });
  return value.isValid ? value.toISO({ suppressMilliseconds: true }) : null;
}

// Shown at the offset the API sent, which is the clinic's.
const show = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toFormat('ccc d LLL yyyy, HH:mm');

/** Holidays, courses and sickness: no booking may fall into them without a manager's override. */
export function TimeOffSection({ clinician }: { clinician: Clinician }) {
  const zone = useClinicianZone(clinician);
  const list = useQuery(timeOffQueryOptions(clinician.id));
  const add = useAddTimeOff(clinician.id);
  const remove = useRemoveTimeOff(clinician.id);
  const [draft, setDraft] = useState({ startsAt: '', endsAt: '', reason: '' });
  const startsAt = wallClockToIso(draft.startsAt, zone);
  const endsAt = wallClockToIso(draft.endsAt, zone);
  const backwards = startsAt !== null && endsAt !== null && Date.parse(endsAt) <= Date.parse(startsAt);
  const upcoming = (list.data ?? []).filter((t) => Date.parse(t.endsAt) > Date.now());

  const submit = () => {
    if (!startsAt || !endsAt || backwards) return;
    add.mutate({ startsAt, endsAt, reason: draft.reason.trim() || undefined }, { onSuccess: () => setDraft({ startsAt: '', endsAt: '', reason: '' }) });
  };

  return (
    <Stack gap="sm">
      {list.isError ? <Alert color="red" variant="light">{errorMessage(list.error)}</Alert> : null}
      {list.data && upcoming.length === 0 ? <Text size="sm" c="dimmed">No upcoming time off.</Text> : null}
      {upcoming.length > 0 ? (
        <Table>
          <Table.Thead><Table.Tr><Table.Th>From</Table.Th><Table.Th>Until</Table.Th><Table.Th>Reason</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {upcoming.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{show(t.startsAt)}</Table.Td>
                <Table.Td>{show(t.endsAt)}</Table.Td>
                <Table.Td>{t.reason ?? '—'}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" loading={remove.isPending && remove.variables === t.id} onClick={() => remove.mutate(t.id)}>
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {add.isError || remove.isError ? <Alert color="red" variant="light">{errorMessage(add.error ?? remove.error)}</Alert> : null}
      <form noValidate aria-label="Add time off" onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <Group align="flex-start">
          <TextInput type="datetime-local" label="From" value={draft.startsAt} onChange={(e) => setDraft({ ...draft, startsAt: e.currentTarget.value })} />
          <TextInput type="datetime-local" label="Until" value={draft.endsAt} error={backwards ? 'Must end after it starts' : undefined}
            onChange={(e) => setDraft({ ...draft, endsAt: e.currentTarget.value })} />
          <TextInput label="Reason" value={draft.reason} maxLength={500} onChange={(e) => setDraft({ ...draft, reason: e.currentTarget.value })} />
          <Button type="submit" mt={25} variant="light" disabled={!startsAt || !endsAt || backwards} loading={add.isPending}>Add time off</Button>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>Times are in {zone}.</Text>
      </form>
    </Stack>
  );
}
