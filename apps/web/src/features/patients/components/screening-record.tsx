import { PRECAUTIONS, type Screening } from '@ims/contracts';
import { Badge, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../patient-format';

/** One screening as recorded: every precaution yes/no with its notes, who screened and when. */
export function ScreeningRecord({ screening, caption }: { screening: Screening; caption: string }) {
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Recorded {formatDateTime(screening.recordedAt)} by {screening.recordedBy.name}
      </Text>
      <Table verticalSpacing={6} aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Precaution</Table.Th>
            <Table.Th scope="col">Present</Table.Th>
            <Table.Th scope="col">Notes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRECAUTIONS.map(({ key, label }) => {
            const item = screening.items[key];
            return (
              <Table.Tr key={key}>
                <Table.Td>{label}</Table.Td>
                <Table.Td>
                  {item.present ? (
                    <Badge color="orange" variant="filled" size="sm">
                      Yes
                    </Badge>
                  ) : (
                    <Text size="sm">No</Text>
                  )}
                </Table.Td>
                <Table.Td>{item.notes ?? ''}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {screening.notes ? <Text size="sm">Notes: {screening.notes}</Text> : null}
    </Stack>
  );
}
