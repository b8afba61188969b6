import type { MyDayItem } from '@ims/contracts';
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { OutcomeDueBadge } from '../../outcomes/components/outcome-due-badge';
import { PlanProgress } from '../../plans/components/plan-progress';
import { ReviewDueBadge } from '../../plans/components/plan-status-badge';
import { conditionLabel } from '../../plans/plan-labels';
import { formatClinicTime } from '../../schedule/clinic-time';
import { AppointmentStatusBadge } from '../../schedule/components/appointment-status-badge';
import { NoteAction } from './note-action';
import { PrecautionBadges } from './precaution-badges';

interface MyDayTableProps {
  items: readonly MyDayItem[];
  /** The clinic's IANA zone, for times the API sent in UTC. */
  timeZoneOf: (clinicId: string) => string;
  /** Show clinic names: the clinician works at more than one. */
  showClinic: boolean;
  canChart: boolean;
  /** "Appointments on Tuesday 10 March 2026", the table's name for screen readers. */
  label: string;
}

/**
 * One row per appointment, by start: when, who (a link to the patient), the appointment's status, precautions,
 * the plan's progress, review and outcomes due, and the note's next step. Every action is a link or a button,
 * reached with Tab.
 */
export function MyDayTable({ items, timeZoneOf, showClinic, canChart, label }: MyDayTableProps) {
  const ordered = [...items].sort((a, b) => Date.parse(a.appointment.startsAt) - Date.parse(b.appointment.startsAt));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label={label} verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Precautions</Table.Th>
            <Table.Th>Plan</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((item) => {
            const { appointment, patient, plan } = item;
            const zone = timeZoneOf(appointment.clinicId);
            const where = [showClinic ? appointment.clinicName : null, appointment.roomName].filter(Boolean).join(' · ');
            return (
              <Table.Tr key={appointment.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {formatClinicTime(appointment.startsAt, zone)}–{formatClinicTime(appointment.endsAt, zone)}
                  </Text>
                  {where ? (
                    <Text size="xs" c="dimmed">
                      {where}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${patient.id}`} size="sm" fw={600}>
                    {patient.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {appointment.appointmentTypeName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AppointmentStatusBadge status={appointment.status} />
                </Table.Td>
                <Table.Td>
                  <PrecautionBadges precautions={patient.precautions} />
                </Table.Td>
                <Table.Td>
                  {plan ? (
                    <Stack gap={4}>
                      <Anchor component={Link} to={`/plans/${plan.id}`} size="xs">
                        {conditionLabel(plan.condition)}
                      </Anchor>
                      <Group gap={6} wrap="nowrap">
                        <PlanProgress completed={plan.completedSessions} planned={plan.plannedSessions} compact />
                        {plan.reviewDue ? <ReviewDueBadge /> : null}
                      </Group>
                      {plan.outcomesDue.length > 0 ? (
                        <Group gap={4}>
                          {plan.outcomesDue.map((due) => (
                            <OutcomeDueBadge key={`${due.measure}-${due.timepoint}`} due={due} />
                          ))}
                        </Group>
                      ) : null}
                    </Stack>
                  ) : (
                    <Text size="xs" c="dimmed">
                      No plan
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <NoteAction item={item} canChart={canChart} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
