import type { Clinician } from '@ims/contracts';
import { Badge, Group, Text } from '@mantine/core';
import { currentImsAuthorisation, formatDate, localToday } from '../authorisations';

/**
 * "IMS authorised today" (the server's answer, in the clinic's time zone) and until when, or "Not authorised":
 * who may sign an IMS note is the one fact an admin must see at a glance.
 */
export function ImsStatusBadge({ clinician }: { clinician: Clinician }) {
  if (!clinician.imsAuthorisedToday) {
    return (
      <Badge color="red" variant="light">
        Not IMS authorised
      </Badge>
    );
  }
  const current = currentImsAuthorisation(clinician.authorisations, localToday());
  return (
    <Group gap="xs" wrap="nowrap">
      <Badge color="teal" variant="light">
        IMS authorised today
      </Badge>
      {current ? (
        <Text size="xs" c="dimmed">
          {current.validTo ? `valid to ${formatDate(current.validTo)}` : 'no end date'}
        </Text>
      ) : null}
    </Group>
  );
}
