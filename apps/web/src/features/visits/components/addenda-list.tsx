import type { Addendum } from '@ims/contracts';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../patients/patient-format';

/**
 * The corrections to a signed note, oldest first, each with who wrote it, when and why: shown wherever the note
 * is, so nobody reads the note without them.
 */
export function AddendaList({ addenda }: { addenda: readonly Addendum[] }) {
  return (
    <Stack gap="sm" component="section" aria-label="Addenda">
      <Title order={2} size="h4">
        Addenda
      </Title>
      {addenda.length === 0 ? (
        <Text size="sm" c="dimmed">
          No addenda.
        </Text>
      ) : (
        addenda
          .toSorted((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
          .map((addendum, index) => (
            <Paper key={addendum.id} withBorder p="sm" component="article" aria-label={`Addendum ${index + 1}`}>
              <Text size="xs" c="dimmed">
                Addendum {index + 1} · {addendum.author.name} · {formatDateTime(addendum.createdAt)}
              </Text>
              <Text size="sm" fw={600} mt={4}>
                Reason: {addendum.reason}
              </Text>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {addendum.text}
              </Text>
            </Paper>
          ))
      )}
    </Stack>
  );
}
