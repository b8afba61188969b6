import type { Appointment, Clinician, MoveAppointmentRequest, Room } from '@ims/contracts';
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMoveAppointment } from '../api';
import { instantToLocal, isIsoDate, localDateTime } from '../clinic-time';
import { isRuleRefusal, SlotProblemAlert } from './slot-problem-alert';

interface MoveAppointmentFormProps {
  appointment: Appointment;
  timeZone: string;
  clinicians: readonly Clinician[];
  rooms: readonly Room[];
  canOverride: boolean;
  onMoved: (appointment: Appointment) => void;
  onCancel: () => void;
}

/** Moves an appointment to another time, clinician or room, sending the version shown; the history keeps both. */
export function MoveAppointmentForm({ appointment, timeZone, clinicians, rooms, canOverride, onMoved, onCancel }: MoveAppointmentFormProps) {
  const move = useMoveAppointment();
  const start = instantToLocal(appointment.startsAt, timeZone);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [clinicianId, setClinicianId] = useState(appointment.clinicianId);
  const [roomId, setRoomId] = useState<string | null>(appointment.roomId);
  const [reason, setReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const overriding = canOverride && isRuleRefusal(move.error);

  const submit = () => {
    if (!isIsoDate(date) || !/^\d{2}:\d{2}$/.test(time)) return setInvalid('Enter a date and a time');
    if (overriding && overrideReason.trim().length < 3) return setInvalid('Give the reason for moving outside the hours');
    setInvalid(null);
    const body: MoveAppointmentRequest = {
      version: appointment.version,
      localStartsAt: localDateTime(date, time),
      clinicianId,
      roomId,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(overriding ? { overrideReason: overrideReason.trim() } : {}),
    };
    move.mutate({ id: appointment.id, body }, { onSuccess: (moved) => onMoved(moved) });
  };

  return (
    <Stack gap="sm" component="section" aria-label="Move appointment">
      {move.isError ? <SlotProblemAlert error={move.error} what="moved" /> : null}
      <Group grow>
        <TextInput type="date" label="Date" value={date} onChange={(event) => setDate(event.currentTarget.value)} error={invalid && !isIsoDate(date) ? invalid : undefined} />
        <TextInput type="time" label="Time" step={300} value={time} onChange={(event) => setTime(event.currentTarget.value)} />
      </Group>
      <Select
        label="Clinician"
        data={clinicians.map((clinician) => ({ value: clinician.id, label: clinician.name }))}
        value={clinicianId}
        onChange={(value) => value && setClinicianId(value)}
        allowDeselect={false}
      />
      <Select
        label="Room"
        placeholder="No room"
        clearable
        data={rooms.map((room) => ({ value: room.id, label: room.name }))}
        value={roomId}
        onChange={setRoomId}
      />
      <Textarea label="Reason for the move" autosize minRows={1} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
      {overriding ? (
        <Textarea
          label="Override working hours: reason"
          required
          autosize
          minRows={2}
          value={overrideReason}
          onChange={(event) => setOverrideReason(event.currentTarget.value)}
          error={invalid && overrideReason.trim().length < 3 ? invalid : undefined}
        />
      ) : null}
      <Group>
        <Button onClick={submit} loading={move.isPending} color={overriding ? 'orange' : undefined}>
          {overriding ? 'Move with override' : 'Move'}
        </Button>
        <Button variant="default" onClick={onCancel}>
          Back
        </Button>
      </Group>
    </Stack>
  );
}
