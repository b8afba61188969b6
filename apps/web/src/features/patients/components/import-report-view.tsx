import type { PatientImportReport } from '@ims/contracts';
import { Alert, Anchor, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { duplicateReasonLabel } from '../patient-format';
import { IMPORT_FIELD_LABELS } from './column-mapping-table';

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** The dry run's findings: counts, every row problem by line and field, and rows that look like duplicates. */
export function ImportReportView({ report }: { report: PatientImportReport }) {
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label="Dry run counts">
        <Count label="Rows in the file" value={report.totalRows} />
        <Count label="Valid rows" value={report.validRows} />
        <Count label="Rows with problems" value={report.invalidRows} />
        <Count label="Possible duplicates" value={report.duplicateRows} />
      </SimpleGrid>
      {report.truncated ? (
        <Alert color="yellow" variant="light">
          Only the first entries of each list are shown; the counts above are complete.
        </Alert>
      ) : null}
      {report.errorRows.length > 0 ? (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Row problems
          </Title>
          <Table.ScrollContainer minWidth={560} mah={360}>
            <Table striped verticalSpacing={4} aria-label="Row problems" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Line</Table.Th>
                  <Table.Th scope="col">Field</Table.Th>
                  <Table.Th scope="col">Column</Table.Th>
                  <Table.Th scope="col">Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.errorRows.map((problem, index) => (
                  <Table.Tr key={`${problem.line}-${problem.field}-${index}`}>
                    <Table.Td>{problem.line}</Table.Td>
                    <Table.Td>{problem.field === 'row' ? 'Whole row' : IMPORT_FIELD_LABELS[problem.field]}</Table.Td>
                    <Table.Td>{problem.column ?? ''}</Table.Td>
                    <Table.Td>{problem.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
      {report.duplicates.length > 0 ? (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Possible duplicates
          </Title>
          <Table.ScrollContainer minWidth={560} mah={360}>
            <Table striped verticalSpacing={4} aria-label="Possible duplicates" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Line</Table.Th>
                  <Table.Th scope="col">Looks like</Table.Th>
                  <Table.Th scope="col">Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.duplicates.map((duplicate) => (
                  <Table.Tr key={duplicate.line}>
                    <Table.Td>{duplicate.line}</Table.Td>
                    <Table.Td>
                      {duplicate.patientId ? (
                        <Anchor component={Link} to={`/patients/${duplicate.patientId}`} target="_blank" size="sm">
                          {duplicate.patientLabel ?? 'Existing patient'}
                        </Anchor>
                      ) : (
                        `Line ${duplicate.duplicateOfLine} of this file`
                      )}
                    </Table.Td>
                    <Table.Td>{duplicate.reasons.map(duplicateReasonLabel).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
    </Stack>
  );
}
