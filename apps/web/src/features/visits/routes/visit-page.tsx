import { Alert, Button, CopyButton, Group, Skeleton, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { visitQueryOptions } from '../api';
import { DraftChart } from '../components/draft-chart';
import { SignedNoteView } from '../components/signed-note-view';

/** Text the clinician had typed when someone else's change stopped it from being saved, kept after the reload. */
function KeptText({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  return (
    <Alert color="orange" variant="light" title="Your text from before the reload (not saved)">
      <Textarea readOnly autosize minRows={3} maxRows={12} value={text} aria-label="Your unsaved text" />
      <Group mt="sm" gap="xs">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button size="xs" color="orange" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="default" onClick={onDismiss}>
          Dismiss
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * `/visits/:id`: a draft is charted here (autosaved, signed from the Sign dialog); a signed note is shown
 * read-only with its addenda. Both show the patient's note history.
 */
export function VisitPage() {
  const id = useParams().id ?? '';
  const queryClient = useQueryClient();
  const visit = useQuery(visitQueryOptions(id));
  const [generation, setGeneration] = useState(0);
  const [kept, setKept] = useState<string | null>(null);

  const reloadAfterConflict = async (localText: string) => {
    setKept(localText);
    try {
      await queryClient.fetchQuery({ ...visitQueryOptions(id), staleTime: 0 });
      setGeneration((current) => current + 1);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not reload the note', message: errorMessage(error) });
    }
  };

  return (
    <Stack gap="md">
      {visit.isPending ? <Skeleton h={320} aria-label="Loading the visit" /> : null}
      {visit.isError ? (
        <ErrorPanel
          title={isApiError(visit.error, 404) ? 'No such visit note' : 'Could not load the visit note'}
          error={visit.error}
          onRetry={isApiError(visit.error, 404) ? undefined : () => void visit.refetch()}
        />
      ) : null}
      {kept ? <KeptText text={kept} onDismiss={() => setKept(null)} /> : null}
      {visit.data?.status === 'draft' ? (
        <DraftChart visit={visit.data} generation={generation} onConflictReload={(text) => void reloadAfterConflict(text)} />
      ) : null}
      {visit.data?.status === 'signed' ? <SignedNoteView visit={visit.data} /> : null}
    </Stack>
  );
}
