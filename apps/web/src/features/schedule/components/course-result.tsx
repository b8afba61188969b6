import type { Appointment } from '@ims/contracts';
import { Alert, Anchor, Button, Group, List, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { formatClinicDateTime, instantToLocal } from '../clinic-time';
import { scheduleHref } from '../use-schedule-params';

interface CourseResultProps {
  appointments: readonly Appointment[];
  onAnother: () => void;
}

/** What the commit booked, each session linking to its day on the schedule. */
export function CourseResult({ appointments, onAnother }: CourseResultProps) {
  const first = appointments[0];
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" title={`${appointments.length} ${appointments.length === 1 ? 'session' : 'sessions'} booked`}>
        {first ? `${first.patientName} with ${first.clinicianName}, ${first.appointmentTypeName}.` : null}
      </Alert>
      <List size="sm" spacing={4} aria-label="Booked sessions">
        {appointments.map((appointment, index) => (
          <List.Item key={appointment.id}>
            <Anchor
              component={Link}
              to={scheduleHref({ clinicId: appointment.clinicId, date: instantToLocal(appointment.startsAt, appointment.timeZone).date })}
            >
              Session {index + 1}: {formatClinicDateTime(appointment.startsAt, appointment.timeZone)}
            </Anchor>
          </List.Item>
        ))}
      </List>
      <Group>
        {first ? (
          <Button
            component={Link}
            to={scheduleHref({ clinicId: first.clinicId, date: instantToLocal(first.startsAt, first.timeZone).date, view: 'week', clinicianId: first.clinicianId })}
          >
            Open the schedule
          </Button>
        ) : null}
        <Button variant="default" onClick={onAnother}>
          Book another course
        </Button>
      </Group>
    </Stack>
  );
}
