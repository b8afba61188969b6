import { Alert, Button, Checkbox, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';

interface RecoveryCodesPanelProps {
  codes: string[];
  onDone: () => void;
  doneLabel?: string;
}

/** Saves the codes as a text file through a temporary link; nothing leaves the browser. */
function download(codes: string[]) {
  const text = [
    'IMS Clinic: two-step verification recovery codes',
    'Each code works once. Keep them somewhere safe, away from your phone.',
    '',
    ...codes,
    '',
  ].join('\n');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'ims-clinic-recovery-codes.txt';
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The recovery codes, shown this once: copy or download them, and confirm they are saved before going on, since
 * the server keeps only their hashes.
 */
export function RecoveryCodesPanel({ codes, onDone, doneLabel = 'Continue' }: RecoveryCodesPanelProps) {
  const [saved, setSaved] = useState(false);
  return (
    <Stack gap="md" component="section" aria-labelledby="recovery-codes-title">
      <Text fw={600} id="recovery-codes-title">
        Your recovery codes
      </Text>
      <Alert color="yellow" variant="light">
        If you lose your phone, each of these codes lets you sign in once. They are shown only now: save them
        somewhere safe.
      </Alert>
      <SimpleGrid cols={2} spacing="xs" component="ol" aria-label="Recovery codes" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {codes.map((code) => (
          <Text key={code} component="li" ff="monospace" fz="md">
            {code}
          </Text>
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" onClick={() => download(codes)}>
          Download .txt
        </Button>
      </Group>
      <Checkbox
        label="I have saved my recovery codes"
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <Button onClick={onDone} disabled={!saved}>
        {doneLabel}
      </Button>
    </Stack>
  );
}
