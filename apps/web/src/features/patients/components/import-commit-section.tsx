import type { PatientImportReport } from '@ims/contracts';
import { Alert, Button, Checkbox, Group, Progress, Radio, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { importProgressQueryOptions, useCommitImport } from '../import-api';

/**
 * After the dry run: the user decides explicitly what happens to duplicates (and, when some rows have problems,
 * that only the valid rows go in), commits, watches the progress bar, and reads the outcome.
 */
export function ImportCommitSection({ report }: { report: PatientImportReport }) {
  const commit = useCommitImport(report.importId);
  const [duplicates, setDuplicates] = useState<'skip' | 'import' | ''>(report.duplicateRows > 0 ? '' : 'skip');
  const [skipInvalidRows, setSkipInvalidRows] = useState(false);
  const started = commit.isPending || commit.isSuccess;
  const progress = useQuery({ ...importProgressQueryOptions(report.importId), enabled: started });
  // The commit's own answer is final; polls only tell how far a running commit has got.
  const state = commit.isSuccess ? commit.data : (progress.data ?? null);

  const ready = duplicates !== '' && (report.invalidRows === 0 || skipInvalidRows) && report.validRows > 0;
  const toInsert = duplicates === 'skip' ? report.validRows - report.duplicateRows : report.validRows;

  if (state?.status === 'committed') {
    return (
      <Alert color="teal" variant="light" title="Import finished" role="status">
        <Stack gap="xs">
          <Text size="sm">
            {state.insertedRows ?? state.processedRows} patients imported from {state.fileName}
            {state.invalidRows > 0 ? `; ${state.invalidRows} rows with problems left out` : ''}
            {duplicates === 'skip' && state.duplicateRows > 0 ? `; ${state.duplicateRows} possible duplicates skipped` : ''}.
          </Text>
          <Group>
            <Button component={Link} to="/patients" variant="light" size="xs">
              Go to patients
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  if (state?.status === 'failed') {
    return (
      <Alert color="red" variant="light" title="Import failed: nothing was imported">
        {state.failureReason ?? 'The import stopped with an error.'}
      </Alert>
    );
  }

  if (started) {
    const total = state?.rowsToInsert ?? toInsert;
    const done = state?.processedRows ?? 0;
    const percent = total > 0 ? Math.round((done / total) * 100) : 0;
    return (
      <Stack gap="xs">
        <Text size="sm" aria-hidden>
          Importing… {done} of {total} rows
        </Text>
        <Progress.Root size="lg">
          <Progress.Section value={percent} animated aria-label={`Importing… ${done} of ${total} rows`} />
        </Progress.Root>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {commit.isError ? (
        <Alert color="red" variant="light" title="Import not started">
          {errorMessage(commit.error)}
        </Alert>
      ) : null}
      {report.duplicateRows > 0 ? (
        <Radio.Group
          label={`${report.duplicateRows} rows look like patients already registered or earlier rows`}
          required
          value={duplicates}
          onChange={(value) => setDuplicates(value as 'skip' | 'import')}
        >
          <Stack gap={6} mt={4}>
            <Radio value="skip" label="Skip them" />
            <Radio value="import" label="Import them as new patients (I checked they are different people)" />
          </Stack>
        </Radio.Group>
      ) : null}
      {report.invalidRows > 0 ? (
        <Checkbox
          label={`Leave out the ${report.invalidRows} rows with problems and import only the valid ones`}
          checked={skipInvalidRows}
          onChange={(event) => setSkipInvalidRows(event.currentTarget.checked)}
        />
      ) : null}
      <Group>
        <Button
          disabled={!ready}
          onClick={() => commit.mutate({ skipDuplicates: duplicates === 'skip', skipInvalidRows })}
        >
          Import {Math.max(toInsert, 0)} patients
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        All rows go in together or none do.
      </Text>
    </Stack>
  );
}
