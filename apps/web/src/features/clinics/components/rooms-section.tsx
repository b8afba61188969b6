import type { Room } from '@ims/contracts';
import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../lib/error-message';
import { useCreateRoom, useUpdateRoom } from '../setup-api';

/** One room: rename in place, or retire it (booked appointments keep their room). */
function RoomRow({ room }: { room: Room }) {
  const update = useUpdateRoom();
  const [name, setName] = useState(room.name);
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput aria-label={`Name of ${room.name}`} value={name} onChange={(e) => setName(e.currentTarget.value)} size="xs" />
        {update.isError ? <Text c="red" size="xs">{errorMessage(update.error)}</Text> : null}
      </Table.Td>
      <Table.Td>{room.active ? <Badge color="teal">Active</Badge> : <Badge color="gray">Retired</Badge>}</Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button size="xs" variant="light" disabled={!name.trim() || name.trim() === room.name} loading={update.isPending}
            onClick={() => update.mutate({ id: room.id, name: name.trim() })}>
            Rename
          </Button>
          <Button size="xs" variant="subtle" color={room.active ? 'red' : 'teal'}
            onClick={() => update.mutate({ id: room.id, active: !room.active })}>
            {room.active ? `Deactivate ${room.name}` : `Reactivate ${room.name}`}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The clinic's rooms and beds; appointments may be booked into active ones. */
export function RoomsSection({ clinicId, rooms }: { clinicId: string; rooms: Room[] }) {
  const create = useCreateRoom();
  const [name, setName] = useState('');
  const add = () =>
    create.mutate({ clinicId, name: name.trim() }, { onSuccess: () => setName('') });

  return (
    <Stack gap="sm">
      {rooms.length === 0 ? <Text size="sm" c="dimmed">No rooms yet.</Text> : (
        <Table>
          <Table.Tbody>{rooms.map((room) => <RoomRow key={`${room.id}-${room.name}`} room={room} />)}</Table.Tbody>
        </Table>
      )}
      {create.isError ? <Alert color="red" variant="light">{errorMessage(create.error)}</Alert> : null}
      <form noValidate aria-label="Add a room" onSubmit={(event) => { event.preventDefault(); add(); }}>
        <Group align="flex-end">
          <TextInput label="New room" value={name} onChange={(e) => setName(e.currentTarget.value)} w={260} />
          <Button type="submit" variant="light" disabled={!name.trim()} loading={create.isPending}>
            Add room
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
