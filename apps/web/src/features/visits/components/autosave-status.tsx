import { Alert, Button, CopyButton, Group, List, Text } from '@mantine/core';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import type { AutosaveState } from '../use-visit-autosave';
import { formatTime } from '../visit-format';

/** Which form row each sent site came from, to name a refused site by the row the clinician sees. */
export interface SaveMeta {
  rowOfSite: number[];
}

/** "sites.2.depthCm" of the body sent → "Site 4 depth (cm)". */
function fieldLabel(path: string, meta: SaveMeta | null): string {
  const parts = path.replace(/^\//, '').split(/[./]/);
  if (parts[0] === 'sites' && parts[1] !== undefined) {
    const row = meta?.rowOfSite[Number(parts[1])];
    const field = { depthCm: 'depth', lengthMm: 'needle length', muscleId: 'muscle', depthAck: 'depth acknowledgement' }[parts[2] ?? ''] ?? parts[2] ?? '';
    return `Site ${row === undefined ? Number(parts[1]) + 1 : row + 1} ${field}`.trim();
  }
  return parts.join(' ');
}

interface AutosaveStatusProps {
  state: AutosaveState<SaveMeta>;
  /** Parts left out of the save while unfinished. */
  unsaved: string[];
  /** Problems stopping the whole draft from being saved. */
  invalid: string[];
  /** The clinician's text, offered for copying when it cannot be saved. */
  localText: () => string;
  onReload: () => void;
}

/**
 * Where the draft stands: "Saving…", "Saved 10:42", what is not saved yet and why, and on a 409 that someone else
 * changed the note: the text stays on screen, with a copy offered before reloading.
 */
export function AutosaveStatus({ state, unsaved, invalid, localText, onReload }: AutosaveStatusProps) {
  if (state.status === 'conflict') {
    return (
      <Alert color="orange" variant="filled" title="Someone else changed this note — reload" role="alert">
        <Text size="sm">
          Your changes since {state.savedAt ? formatTime(state.savedAt) : 'you opened the note'} were not saved, and
          nothing else will be saved from this screen. Your text is still here: copy it, reload, and add it again.
        </Text>
        <Group mt="sm" gap="xs">
          <CopyButton value={localText()}>
            {({ copied, copy }) => (
              <Button size="xs" variant="white" color="orange" onClick={copy}>
                {copied ? 'Copied' : 'Copy my text'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="white" color="dark" onClick={onReload}>
            Reload
          </Button>
        </Group>
      </Alert>
    );
  }

  const fieldErrors = isApiError(state.error, 400) ? (state.error.problem.errors ?? []) : [];
  return (
    <div aria-live="polite">
      <Text size="sm" c={state.status === 'error' || invalid.length ? 'red' : 'dimmed'} data-autosave={state.status}>
        {invalid.length
          ? 'Not saved: correct the fields below'
          : state.status === 'saving'
            ? 'Saving…'
            : state.status === 'pending'
              ? 'Unsaved changes'
              : state.status === 'error'
                ? `Not saved: ${errorMessage(state.error)} It will be tried again with your next change.`
                : state.savedAt
                  ? `Saved ${formatTime(state.savedAt)}`
                  : 'All changes saved'}
      </Text>
      {[...invalid, ...fieldErrors.map((error) => `${fieldLabel(error.path, state.errorMeta)}: ${error.message}`)].length ? (
        <List size="xs" c="red">
          {invalid.map((problem) => (
            <List.Item key={problem}>{problem}</List.Item>
          ))}
          {fieldErrors.map((error) => (
            <List.Item key={error.path}>
              {fieldLabel(error.path, state.errorMeta)}: {error.message}
            </List.Item>
          ))}
        </List>
      ) : null}
      {unsaved.length ? (
        <Text size="xs" c="dimmed">
          Not saved yet: {unsaved.join(' · ')}
        </Text>
      ) : null}
    </div>
  );
}
