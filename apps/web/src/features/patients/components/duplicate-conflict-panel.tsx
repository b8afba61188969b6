import type { DuplicateCandidate, ProblemConflict } from '@ims/contracts';
import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { displayName, formatDateOfBirth } from '../patient-format';

interface DuplicateConflictPanelProps {
  /** The 409's `conflicts`, one per likely duplicate. */
  conflicts: ProblemConflict[];
  /** What the live check already knows about them, for names and dates of birth. */
  known: DuplicateCandidate[];
  pending: boolean;
  onAcknowledge: () => void;
}

/**
 * The API refused to register because the person may already be on file. The desk opens the match, or confirms
 * it is someone else, which resends the registration naming the duplicates it has seen.
 */
export function DuplicateConflictPanel({ conflicts, known, pending, onAcknowledge }: DuplicateConflictPanelProps) {
  const byId = new Map(known.map((candidate) => [candidate.patient.id, candidate.patient]));
  return (
    <Alert color="orange" variant="light" title="This person may already be registered" role="alert">
      <Stack gap="sm">
        <List spacing="xs" aria-label="Likely duplicates">
          {conflicts.map((conflict, index) => {
            const patient = conflict.id ? byId.get(conflict.id) : undefined;
            return (
              <List.Item key={conflict.id ?? index}>
                {conflict.id ? (
                  <Anchor component={Link} to={`/patients/${conflict.id}`} fw={600}>
                    {patient ? `Open ${displayName(patient)}` : 'Open this patient'}
                  </Anchor>
                ) : null}
                <Text size="sm">
                  {patient ? `Born ${formatDateOfBirth(patient.dateOfBirth)}. ` : ''}
                  {conflict.message}
                </Text>
              </List.Item>
            );
          })}
        </List>
        <Group>
          <Button color="orange" onClick={onAcknowledge} loading={pending}>
            None of these — register as a new patient
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
