import type { AppointmentType } from '@ims/contracts';
import { Alert, Badge, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../lib/error-message';
import { useCreateAppointmentType, useUpdateAppointmentType } from '../setup-api';

type Kind = AppointmentType['kind'];
export const KINDS: { value: Kind; label: string }[] = [
  { value: 'initial_assessment', label: 'Initial assessment' },
  { value: 'treatment', label: 'Treatment' },
  { value: 'review', label: 'Review' },
];

/** Name, kind and duration as editable fields; shared by the add form and each row. */
function TypeFields({ prefix, value, onChange }: { prefix: string; value: Draft; onChange: (d: Draft) => void }) {
  return (
    <>
      <TextInput aria-label={`${prefix} name`} placeholder="Name" value={value.name} onChange={(e) => onChange({ ...value, name: e.currentTarget.value })} size="xs" />
      <Select aria-label={`${prefix} kind`} data={KINDS} value={value.kind} allowDeselect={false} onChange={(kind) => onChange({ ...value, kind: kind as Kind })} size="xs" w={170} />
      <NumberInput aria-label={`${prefix} duration in minutes`} min={5} max={240} step={5} value={value.durationMinutes}
        onChange={(d) => onChange({ ...value, durationMinutes: Number(d) })} size="xs" w={110} suffix=" min" />
    </>
  );
}

type Draft = { name: string; kind: Kind; durationMinutes: number };

function TypeRow({ type }: { type: AppointmentType }) {
  const update = useUpdateAppointmentType();
  const [draft, setDraft] = useState<Draft>({ name: type.name, kind: type.kind, durationMinutes: type.durationMinutes });
  const changed = draft.name.trim() !== type.name || draft.kind !== type.kind || draft.durationMinutes !== type.durationMinutes;
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <TypeFields prefix={type.name} value={draft} onChange={setDraft} />
        </Group>
        {update.isError ? <Text c="red" size="xs">{errorMessage(update.error)}</Text> : null}
      </Table.Td>
      <Table.Td>{type.active ? <Badge color="teal">Active</Badge> : <Badge color="gray">Retired</Badge>}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="light" disabled={!changed || !draft.name.trim()} loading={update.isPending}
            onClick={() => update.mutate({ id: type.id, ...draft, name: draft.name.trim() })}>
            Save
          </Button>
          <Button size="xs" variant="subtle" color={type.active ? 'red' : 'teal'} onClick={() => update.mutate({ id: type.id, active: !type.active })}>
            {type.active ? `Deactivate ${type.name}` : `Reactivate ${type.name}`}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

const EMPTY: Draft = { name: '', kind: 'treatment', durationMinutes: 30 };

/** Appointment types of the clinic; a new duration applies to later bookings only. */
export function AppointmentTypesSection({ clinicId, types }: { clinicId: string; types: AppointmentType[] }) {
  const create = useCreateAppointmentType();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  return (
    <Stack gap="sm">
      {types.length === 0 ? <Text size="sm" c="dimmed">No appointment types yet.</Text> : (
        <Table>
          <Table.Tbody>
            {types.map((type) => <TypeRow key={`${type.id}-${type.name}-${type.kind}-${type.durationMinutes}`} type={type} />)}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">A changed duration applies to appointments booked afterwards; booked ones keep theirs.</Text>
      {create.isError ? <Alert color="red" variant="light">{errorMessage(create.error)}</Alert> : null}
      <form noValidate aria-label="Add an appointment type"
        onSubmit={(event) => { event.preventDefault(); create.mutate({ clinicId, ...draft, name: draft.name.trim() }, { onSuccess: () => setDraft(EMPTY) }); }}>
        <Group gap="xs" align="flex-end">
          <TypeFields prefix="New type" value={draft} onChange={setDraft} />
          <Button type="submit" size="xs" variant="light" disabled={!draft.name.trim()} loading={create.isPending}>
            Add type
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
