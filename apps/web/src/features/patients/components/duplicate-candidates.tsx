import type { DuplicateCandidate } from '@ims/contracts';
import { useEffect } from 'react';
import type { Control } from 'react-hook-form';
import { Alert, Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PatientFormInput, PatientFormValues } from '../patient-form-schema';
import { displayName, duplicateReasonLabel, formatDateOfBirth, formatPhone } from '../patient-format';
import { useLiveDuplicates } from '../use-live-duplicates';

interface LiveDuplicateCandidatesProps {
  control: Control<PatientFormInput, unknown, PatientFormValues>;
  /** The latest candidates, for the 409 panel to name them; a callback so the whole form does not re-render. */
  onCandidates: (candidates: DuplicateCandidate[]) => void;
}

/**
 * Watches the registration's identifying fields on its own, so each keystroke re-renders this panel only, and
 * shows who the person might already be.
 */
export function LiveDuplicateCandidates({ control, onCandidates }: LiveDuplicateCandidatesProps) {
  const { candidates } = useLiveDuplicates(control);
  useEffect(() => {
    onCandidates(candidates);
  }, [candidates]);
  return <DuplicateCandidates candidates={candidates} />;
}

/**
 * Live warning while registering: people already on file who look like this one, each with why and a way to open
 * them instead of registering twice.
 */
export function DuplicateCandidates({ candidates }: { candidates: DuplicateCandidate[] }) {
  // Always rendered (empty) so the live region exists before its first announcement.
  return (
    <div role="status" aria-live="polite">
      {candidates.length > 0 ? (
        // A region, not an alert: the surrounding live region announces it politely while the desk keeps typing.
        <Alert color="orange" variant="light" title="Possibly already registered" role="region">
          <Stack gap="sm">
            <Text size="sm">Check these before registering: if one of them is this person, open their record instead.</Text>
            <List spacing="sm" listStyleType="none" aria-label="Possible duplicates">
              {candidates.map(({ patient, reasons }) => (
                <List.Item key={patient.id}>
                  <Stack gap={2}>
                    <Anchor component={Link} to={`/patients/${patient.id}`} fw={600}>
                      Open {displayName(patient)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      Born {formatDateOfBirth(patient.dateOfBirth)}
                      {patient.phone ? ` · ${formatPhone(patient.phone)}` : ''}
                      {patient.archived ? ' · archived' : ''}
                    </Text>
                    <Group gap={4}>
                      {reasons.map((reason) => (
                        <Badge key={reason} size="xs" variant="outline" color="orange">
                          {duplicateReasonLabel(reason)}
                        </Badge>
                      ))}
                    </Group>
                  </Stack>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      ) : null}
    </div>
  );
}
