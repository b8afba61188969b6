import type { NeedlingAuthorisation } from '@ims/contracts';
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { errorMessage } from '../../../lib/error-message';
import { useEndAuthorisation } from '../api';
import { authorisationKindLabel, authorisationState, formatDate, localToday, type AuthorisationState } from '../authorisations';

const STATE_BADGE: Record<AuthorisationState, { color: string; label: string }> = {
  current: { color: 'teal', label: 'In force' },
  future: { color: 'blue', label: 'Starts later' },
  ended: { color: 'gray', label: 'Ended' },
};

function EndDialog({ clinicianId, authorisation, onClose }: { clinicianId: string; authorisation: NeedlingAuthorisation; onClose: () => void }) {
  const end = useEndAuthorisation(clinicianId);
  const today = localToday();
  // The last valid day; never before it started, and ending can only shorten, never extend, the validity.
  const [validTo, setValidTo] = useState<string | null>(today < authorisation.validFrom ? authorisation.validFrom : today);
  return (
    <Stack gap="md">
      <Text size="sm">
        {authorisationKindLabel(authorisation.kind)} authorisation from {authorisation.issuingBody}. It stays on record;
        from the day after the date below it no longer counts.
      </Text>
      {end.isError ? (
        <Alert color="red" variant="light">
          {errorMessage(end.error)}
        </Alert>
      ) : null}
      <DateInput
        label="Last valid day"
        value={validTo}
        onChange={setValidTo}
        minDate={authorisation.validFrom}
        maxDate={authorisation.validTo ?? undefined}
        valueFormat="D MMM YYYY"
        required
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          color="red"
          disabled={!validTo}
          loading={end.isPending}
          onClick={() => validTo && end.mutate({ authorisationId: authorisation.id, validTo }, { onSuccess: onClose })}
        >
          End authorisation
        </Button>
      </Group>
    </Stack>
  );
}

/** Every needling authorisation ever recorded, ended ones included: they show who could needle when. */
export function AuthorisationsTable({ clinicianId, authorisations }: { clinicianId: string; authorisations: NeedlingAuthorisation[] }) {
  const [ending, setEnding] = useState<NeedlingAuthorisation | null>(null);
  const today = localToday();
  if (authorisations.length === 0) return <Text c="dimmed" size="sm">No authorisations recorded.</Text>;

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-label="Needling authorisations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col">Issued by</Table.Th>
              <Table.Th scope="col">Number</Table.Th>
              <Table.Th scope="col">Valid from</Table.Th>
              <Table.Th scope="col">Valid to</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">
                <span className="mantine-visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {authorisations.map((authorisation) => {
              const state = authorisationState(authorisation, today);
              return (
                <Table.Tr key={authorisation.id}>
                  <Table.Td>{authorisationKindLabel(authorisation.kind)}</Table.Td>
                  <Table.Td>{authorisation.issuingBody}</Table.Td>
                  <Table.Td>{authorisation.number ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(authorisation.validFrom)}</Table.Td>
                  <Table.Td>{authorisation.validTo ? formatDate(authorisation.validTo) : 'No end date'}</Table.Td>
                  <Table.Td>
                    <Badge color={STATE_BADGE[state].color} variant="light">
                      {STATE_BADGE[state].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {state === 'ended' ? null : (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setEnding(authorisation)}
                        aria-label={`End ${authorisationKindLabel(authorisation.kind)} authorisation from ${authorisation.issuingBody}`}
                      >
                        End
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={ending !== null} onClose={() => setEnding(null)} title="End authorisation" centered>
        {ending ? <EndDialog clinicianId={clinicianId} authorisation={ending} onClose={() => setEnding(null)} /> : null}
      </Modal>
    </>
  );
}
