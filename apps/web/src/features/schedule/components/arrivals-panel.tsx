import type { Appointment } from '@ims/contracts';
import { Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/error-message';
import { appointmentsQueryOptions, useAppointmentStatusChange } from '../api';
import { dayRange, formatClinicTime, onLocalDays } from '../clinic-time';
import { AppointmentStatusBadge } from './appointment-status-badge';

interface ArrivalsPanelProps {
  clinicId: string;
  timeZone: string;
  today: string;
  canAct: boolean;
  onOpen: (appointment: Appointment) => void;
}

/** Today's expected patients in time order: the desk checks them in or marks them no-show from here. */
export function ArrivalsPanel({ clinicId, timeZone, today, canAct, onOpen }: ArrivalsPanelProps) {
  const list = useQuery(appointmentsQueryOptions({ clinicId, ...dayRange(today, timeZone) }));
  const change = useAppointmentStatusChange();
  const expected = onLocalDays(list.data ?? [], today, 1).filter((appointment) => appointment.status === 'booked' || appointment.status === 'arrived');

  const act = (action: 'arrive' | 'no-show', appointment: Appointment) =>
    change.mutate(
      { action, id: appointment.id, version: appointment.version },
      {
        onError: (error) =>
          notifications.show({ color: 'red', title: `${appointment.patientName} was not updated`, message: errorMessage(error) }),
      },
    );

  return (
    <Card withBorder padding="md" component="section" aria-label="Today's arrivals">
      <Title order={2} size="h5" mb="sm">
        Today’s arrivals
      </Title>
      {list.isPending ? <Loader size="sm" aria-label="Loading arrivals" /> : null}
      {list.isError ? <Text size="sm" c="red">{errorMessage(list.error)}</Text> : null}
      {list.isSuccess && expected.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody else is expected today.
        </Text>
      ) : null}
      <Stack gap="xs">
        {expected.map((appointment) => {
          const busy = change.isPending && change.variables?.id === appointment.id;
          return (
            <Group key={appointment.id} justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0, cursor: 'pointer' }} onClick={() => onOpen(appointment)}>
                <Text size="sm" fw={500} truncate>
                  {formatClinicTime(appointment.startsAt, timeZone)} {appointment.patientName}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {appointment.clinicianName}
                  {appointment.roomName ? ` · ${appointment.roomName}` : ''}
                </Text>
              </Stack>
              {appointment.status === 'booked' && canAct ? (
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" color="green" loading={busy && change.variables?.action === 'arrive'} disabled={busy} onClick={() => act('arrive', appointment)} aria-label={`Check in ${appointment.patientName}`}>
                    Check in
                  </Button>
                  <Button size="compact-xs" variant="default" loading={busy && change.variables?.action === 'no-show'} disabled={busy} onClick={() => act('no-show', appointment)} aria-label={`No-show ${appointment.patientName}`}>
                    No-show
                  </Button>
                </Group>
              ) : (
                <div style={{ flexShrink: 0 }}>
                  <AppointmentStatusBadge status={appointment.status} />
                </div>
              )}
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
