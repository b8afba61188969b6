import { CONSENT_RISKS, type Consent } from '@ims/contracts';
import { Badge, Button, Table, Text } from '@mantine/core';
import { formatDate } from '../patient-format';

const RISK_LABELS = new Map<string, string>(CONSENT_RISKS.map((risk) => [risk.key, risk.label]));

function givenByText(consent: Consent): string {
  if (consent.givenBy === 'guardian') return `Guardian: ${consent.guardianName ?? '?'} (${consent.guardianRelationship ?? '?'})`;
  if (consent.givenBy === 'capable_minor') return `Capable minor: ${consent.capacityFinding ?? ''}`;
  return 'Patient';
}

function Status({ consent }: { consent: Consent }) {
  if (consent.inForce) return <Badge color="teal">In force</Badge>;
  if (consent.withdrawnOn) {
    return (
      <Text size="sm">
        Withdrawn {formatDate(consent.withdrawnOn)}
        {consent.withdrawalReason ? `: ${consent.withdrawalReason}` : ''}
      </Text>
    );
  }
  return <Badge color="gray">Not in force</Badge>;
}

/** Every consent on record, newest first, with who gave it, what was disclosed and whether it is in force. */
export function ConsentsTable({ consents, onWithdraw }: { consents: Consent[]; onWithdraw?: (consent: Consent) => void }) {
  if (consents.length === 0) return <Text c="dimmed">No consent recorded.</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="xs" aria-label="Consents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Consented</Table.Th>
            <Table.Th scope="col">Given by</Table.Th>
            <Table.Th scope="col">Risks disclosed</Table.Th>
            <Table.Th scope="col">Thorax</Table.Th>
            <Table.Th scope="col">Taken by</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">
              <span className="mantine-visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {consents.map((consent) => (
            <Table.Tr key={consent.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(consent.consentedOn)}
                <Text size="xs" c="dimmed">
                  {consent.method}
                </Text>
              </Table.Td>
              <Table.Td>{givenByText(consent)}</Table.Td>
              <Table.Td>{consent.risksDisclosed.map((key) => RISK_LABELS.get(key) ?? key).join(', ')}</Table.Td>
              <Table.Td>{consent.thoraxIncluded ? 'Yes' : 'No'}</Table.Td>
              <Table.Td>{consent.takenBy.name}</Table.Td>
              <Table.Td>
                <Status consent={consent} />
              </Table.Td>
              <Table.Td>
                {onWithdraw && !consent.withdrawnOn ? (
                  <Button size="xs" variant="subtle" color="red" onClick={() => onWithdraw(consent)} aria-label={`Withdraw the consent of ${formatDate(consent.consentedOn)}`}>
                    Withdraw
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
