import type { Appointment, Clinician, Room } from '@ims/contracts';
import { Anchor, Badge, Button, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAppointmentStatusChange } from '../api';
import { formatClinicDateTime, formatClinicTime } from '../clinic-time';
import { AppointmentHistoryList } from './appointment-history-list';
import { AppointmentStatusBadge } from './appointment-status-badge';
import { CancelAppointmentForm } from './cancel-appointment-form';
import { MoveAppointmentForm } from './move-appointment-form';
import { SlotProblemAlert } from './slot-problem-alert';

interface AppointmentDrawerProps {
  appointment: Appointment | null;
  timeZone: string;
  clinicians: readonly Clinician[];
  rooms: readonly Room[];
  /** May check in, mark no-show, cancel and move. */
  canAct: boolean;
  canOverride: boolean;
  onClose: () => void;
  onChanged: (appointment: Appointment) => void;
}

type Mode = 'details' | 'move' | 'cancel';

/** One appointment: what, who, when, its history and, while booked, what the desk can do with it. */
export function AppointmentDrawer({ appointment, onClose, ...props }: AppointmentDrawerProps) {
  return (
    <Drawer opened={appointment !== null} onClose={onClose} position="right" size="md" title="Appointment">
      {appointment ? <AppointmentPanel key={appointment.id} appointment={appointment} {...props} /> : null}
    </Drawer>
  );
}

function AppointmentPanel({ appointment, timeZone, clinicians, rooms, canAct, canOverride, onChanged }: Omit<AppointmentDrawerProps, 'onClose'> & { appointment: Appointment }) {
  const [mode, setMode] = useState<Mode>('details');
  const change = useAppointmentStatusChange();
  const booked = appointment.status === 'booked';
  const done = (updated: Appointment) => {
    setMode('details');
    onChanged(updated);
  };
  const statusAction = (action: 'arrive' | 'no-show') =>
    change.mutate({ action, id: appointment.id, version: appointment.version }, { onSuccess: (updated) => done(updated) });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h4">
            <Anchor component={Link} to={`/patients/${appointment.patientId}`}>
              {appointment.patientName}
            </Anchor>
          </Title>
          <Text size="sm">
            {formatClinicDateTime(appointment.startsAt, timeZone)}–{formatClinicTime(appointment.endsAt, timeZone)}
          </Text>
        </Stack>
        <AppointmentStatusBadge status={appointment.status} />
      </Group>
      <Stack gap={4}>
        <Text size="sm">{appointment.appointmentTypeName}</Text>
        <Text size="sm">With {appointment.clinicianName}</Text>
        <Text size="sm">{appointment.roomName ? `Room: ${appointment.roomName}` : 'No room'}</Text>
        {appointment.notes ? <Text size="sm">Notes: {appointment.notes}</Text> : null}
        {appointment.cancelReason ? (
          <Group gap="xs">
            <Text size="sm">Cancelled: {appointment.cancelReason}</Text>
            {appointment.lateCancellation ? <Badge color="red" variant="light">Late</Badge> : null}
          </Group>
        ) : null}
        {appointment.overrideReason ? <Text size="sm">Booked outside the hours: {appointment.overrideReason}</Text> : null}
      </Stack>

      {canAct && booked && mode === 'details' ? (
        <Stack gap="sm">
          {change.isError ? <SlotProblemAlert error={change.error} what="updated" /> : null}
          <Group gap="xs">
            <Button size="xs" color="green" onClick={() => statusAction('arrive')} loading={change.isPending && change.variables?.action === 'arrive'}>
              Arrived
            </Button>
            <Button size="xs" color="gray" onClick={() => statusAction('no-show')} loading={change.isPending && change.variables?.action === 'no-show'}>
              No-show
            </Button>
            <Button size="xs" variant="default" onClick={() => setMode('move')}>
              Move…
            </Button>
            <Button size="xs" variant="light" color="red" onClick={() => setMode('cancel')}>
              Cancel…
            </Button>
          </Group>
        </Stack>
      ) : null}
      {mode === 'move' ? (
        <MoveAppointmentForm
          appointment={appointment}
          timeZone={timeZone}
          clinicians={clinicians}
          rooms={rooms}
          canOverride={canOverride}
          onMoved={done}
          onCancel={() => setMode('details')}
        />
      ) : null}
      {mode === 'cancel' ? <CancelAppointmentForm appointment={appointment} onCancelled={done} onBack={() => setMode('details')} /> : null}

      <Divider label="History" labelPosition="left" />
      <AppointmentHistoryList appointmentId={appointment.id} timeZone={timeZone} />
    </Stack>
  );
}
