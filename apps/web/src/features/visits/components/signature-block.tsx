import type { VisitNote } from '@ims/contracts';
import { Alert, Text } from '@mantine/core';
import { formatDateTime } from '../../patients/patient-format';
import { shortHash } from '../visit-format';

/** Who signed, when, and the start of the content hash that seals the note. */
export function SignatureBlock({ visit }: { visit: VisitNote }) {
  return (
    <Alert color="teal" variant="light" title="Signed note" role="note">
      <Text size="sm">
        Signed by {visit.signedBy?.name ?? 'unknown'}
        {visit.signedAt ? ` on ${formatDateTime(visit.signedAt)}` : ''}. The note is locked: corrections are addenda.
      </Text>
      {visit.contentHash ? (
        <Text size="xs" c="dimmed" mt={4}>
          Content hash{' '}
          <Text span ff="monospace" title={visit.contentHash}>
            {shortHash(visit.contentHash)}
          </Text>
        </Text>
      ) : null}
    </Alert>
  );
}
