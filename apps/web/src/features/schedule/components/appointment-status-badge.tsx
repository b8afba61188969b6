import type { AppointmentStatus } from '@ims/contracts';
import { Badge } from '@mantine/core';

const STATUS: Record<AppointmentStatus, { label: string; color: string }> = {
  booked: { label: 'Booked', color: 'blue' },
  arrived: { label: 'Arrived', color: 'green' },
  completed: { label: 'Completed', color: 'teal' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  no_show: { label: 'No-show', color: 'red' },
};

export function AppointmentStatusBadge({ status }: { status: AppointmentStatus }) {
  const { label, color } = STATUS[status];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}
