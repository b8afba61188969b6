import type { AuditEvent } from '@ims/contracts';
import { Button, Code, Drawer, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The browser's locale and time zone: the admin reads times as they lived them. */
export function formatAuditTime(at: string): string {
  return timeFormat.format(new Date(at));
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-all' }}>
        {value ?? '—'}
      </Text>
    </div>
  );
}

function EventDetails({ event }: { event: AuditEvent }) {
  return (
    <Stack gap="sm">
      <Fact label="Time" value={formatAuditTime(event.at)} />
      <Fact label="Action" value={event.action} />
      <Fact label="Entity" value={`${event.entityType}${event.entityId ? ` ${event.entityId}` : ''}`} />
      <Fact label="User" value={event.userEmail ?? event.userId} />
      <Fact label="Patient" value={event.patientId} />
      <Fact label="Clinic" value={event.clinicId} />
      <Fact label="Address" value={event.ipAddress} />
      <Fact label="Browser" value={event.userAgent} />
      <Fact label="Request id" value={event.requestId} />
      <div>
        <Text size="xs" c="dimmed">
          Detail
        </Text>
        <Code block aria-label="Detail as JSON">
          {event.detail ? JSON.stringify(event.detail, null, 2) : 'No detail recorded'}
        </Code>
      </div>
    </Stack>
  );
}

/** Audit events, one per row; "Details" opens everything recorded about one event, its JSON detail included. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const [open, setOpen] = useState<AuditEvent | null>(null);
  if (events.length === 0) return <Text c="dimmed">No events match these filters.</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table striped verticalSpacing="xs" aria-label="Audit events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Time</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
              <Table.Th scope="col">Entity</Table.Th>
              <Table.Th scope="col">User</Table.Th>
              <Table.Th scope="col">Address</Table.Th>
              <Table.Th scope="col">
                <span className="mantine-visually-hidden">Details</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatAuditTime(event.at)}</Table.Td>
                <Table.Td>{event.action}</Table.Td>
                <Table.Td>
                  <Text size="sm">{event.entityType}</Text>
                  {event.entityId ? (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {event.entityId}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{event.userEmail ?? <Text span c="dimmed" size="sm">System</Text>}</Table.Td>
                <Table.Td>{event.ipAddress ?? '—'}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setOpen(event)}
                    aria-label={`Details of ${event.action} ${event.entityType} at ${formatAuditTime(event.at)}`}
                  >
                    Details
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Drawer opened={open !== null} onClose={() => setOpen(null)} title="Audit event" position="right" size="md">
        {open ? <EventDetails event={open} /> : null}
      </Drawer>
    </>
  );
}
