import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../../lib/error-message';
import { formatBytes, formatCount } from '../report-format';
import { useCsvDownload, type CsvDownloadState } from '../use-csv-download';

interface CsvExportButtonProps {
  /** The CSV's URL (`…&format=csv`). */
  url: string;
  /** The name to save under when the response names none. */
  filename: string;
  /** What is exported, for the button's accessible name: "Export CSV: caseload". */
  what: string;
}

type Downloading = Extract<CsvDownloadState, { status: 'downloading' }>;

function progressText({ rows, bytes, totalRows }: Downloading): string {
  if (totalRows !== null) return `${formatCount(rows)} of ${formatCount(totalRows)} rows`;
  return `${formatBytes(bytes)} received`;
}

/** A rows-of-total bar when the API said how many rows to expect; otherwise a moving bar beside the bytes so far. */
function DownloadProgress({ state, label }: { state: Downloading; label: string }) {
  const text = progressText(state);
  if (state.totalRows !== null) {
    const percent = state.totalRows === 0 ? 100 : Math.min(100, Math.round((state.rows / state.totalRows) * 100));
    return <Progress value={percent} aria-label={`${label}: ${text}`} w={160} transitionDuration={100} />;
  }
  // No total: an indeterminate progress bar has no value (ARIA), only its label.
  return (
    <Progress.Root w={160} role="progressbar" aria-label={`${label}: ${text}`}>
      <Progress.Section value={100} striped animated withAria={false} />
    </Progress.Root>
  );
}

/** Streams a CSV export with a progress bar and a Cancel button, then saves it; says what was saved or what failed. */
export function CsvExportButton({ url, filename, what }: CsvExportButtonProps) {
  const label = `Export CSV: ${what}`;
  const { state, start, cancel } = useCsvDownload();
  const downloading = state.status === 'downloading';

  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs" wrap="nowrap">
        {state.status === 'downloading' ? (
          <>
            <DownloadProgress state={state} label={label} />
            <Text size="xs" c="dimmed" aria-hidden>
              {progressText(state)}
            </Text>
            <Button size="xs" variant="default" onClick={cancel} aria-label={`Cancel export: ${what}`}>
              Cancel export
            </Button>
          </>
        ) : null}
        <Button size="xs" variant="light" loading={downloading} aria-label={label} onClick={() => void start(url, filename)}>
          Export CSV
        </Button>
      </Group>
      <div aria-live="polite">
        {state.status === 'done' ? (
          <Text size="xs" c="dimmed">
            Saved {state.filename} ({formatCount(state.rows)} {state.rows === 1 ? 'row' : 'rows'})
          </Text>
        ) : null}
        {state.status === 'cancelled' ? (
          <Text size="xs" c="dimmed">
            Export cancelled
          </Text>
        ) : null}
      </div>
      {state.status === 'failed' ? (
        <Alert color="red" variant="light" p="xs" title="The export failed">
          <Text size="xs">{errorMessage(state.error)}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
