import { Loader, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/error-message';
import { appointmentHistoryQueryOptions } from '../api';
import { formatClinicDateTime } from '../clinic-time';

const KIND_LABEL: Record<string, string> = {
  created: 'Booked',
  moved: 'Moved',
  edited: 'Edited',
  arrived: 'Checked in',
  no_show: 'Marked no-show',
  cancelled: 'Cancelled',
  completed: 'Completed',
};

/** Who changed the appointment, when, from which time to which, and why. */
export function AppointmentHistoryList({ appointmentId, timeZone }: { appointmentId: string; timeZone: string }) {
  const history = useQuery(appointmentHistoryQueryOptions(appointmentId));
  if (history.isPending) return <Loader size="sm" aria-label="Loading history" />;
  if (history.isError) return <Text size="sm" c="red">{errorMessage(history.error)}</Text>;
  if (history.data.length === 0) return <Text size="sm" c="dimmed">No changes recorded.</Text>;

  return (
    <Timeline bulletSize={12} lineWidth={2} aria-label="History">
      {history.data.map((change) => (
        <Timeline.Item key={change.id} title={KIND_LABEL[change.kind] ?? change.kind}>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {formatClinicDateTime(change.changedAt, timeZone)}
              {change.changedBy ? ` by ${change.changedBy.name}` : ''}
            </Text>
            {change.kind === 'moved' && change.fromStartsAt && change.toStartsAt ? (
              <Text size="sm">
                {formatClinicDateTime(change.fromStartsAt, timeZone)} → {formatClinicDateTime(change.toStartsAt, timeZone)}
              </Text>
            ) : null}
            {change.reason ? <Text size="sm">Reason: {change.reason}</Text> : null}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
