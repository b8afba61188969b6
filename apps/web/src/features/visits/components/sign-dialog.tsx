import type { VisitNote } from '@ims/contracts';
import { Alert, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useSignVisit } from '../api';
import { signRuleHeading } from '../sign-rules';
import { DraftNotSavedError } from '../use-visit-autosave';

interface SignDialogProps {
  opened: boolean;
  visitId: string;
  /** Saves the draft as it stands and answers the version to sign. */
  flush: () => Promise<number>;
  /** Parts of the form not in the saved draft (unfinished rows): they would not be part of the signed note. */
  unsaved: string[];
  onClose: () => void;
  onSigned: (note: VisitNote) => void;
}

/** Why signing did not happen, in the words the clinician needs to fix it. */
function SignProblem({ error }: { error: unknown }) {
  if (isApiError(error, 422) && error.problem.violations?.length) {
    return (
      <Alert color="red" variant="light" title="This note cannot be signed yet" role="alert">
        <Stack gap="sm" mt={4}>
          {error.problem.violations.map((violation) => (
            <div key={`${violation.rule}-${violation.message}`}>
              <Title order={3} size="h6">
                {signRuleHeading(violation.rule)}
              </Title>
              <Text size="sm">{violation.message}</Text>
            </div>
          ))}
        </Stack>
      </Alert>
    );
  }
  const conflict = (error instanceof DraftNotSavedError && error.conflict) || isApiError(error, 409);
  if (conflict) {
    return (
      <Alert color="orange" variant="light" title="Someone else changed this note — reload" role="alert">
        The note changed since you opened it (or was signed already), so it was not signed. Close this dialog, copy your
        text if you need it, and reload.
      </Alert>
    );
  }
  const cause = error instanceof DraftNotSavedError ? error.cause : error;
  return (
    <Alert color="red" variant="light" title={error instanceof DraftNotSavedError ? 'The draft could not be saved' : 'Not signed'} role="alert">
      {errorMessage(cause)}
    </Alert>
  );
}

/**
 * Signing: the draft is saved first (so what is signed is what is on screen), then signed with that version. The
 * API checks every rule and answers each one the note fails; they are listed here to fix, and the dialog stays open
 * for another try.
 */
export function SignDialog({ opened, visitId, flush, unsaved, onClose, onSigned }: SignDialogProps) {
  const sign = useSignVisit(visitId);
  const [phase, setPhase] = useState<'idle' | 'saving' | 'signing'>('idle');
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    setError(null);
    onClose();
  };

  const confirm = async () => {
    setError(null);
    setPhase('saving');
    let version: number;
    try {
      version = await flush();
    } catch (failure) {
      setError(failure);
      setPhase('idle');
      return;
    }
    setPhase('signing');
    sign.mutate(version, {
      onSuccess: (note) => {
        setError(null);
        onSigned(note);
      },
      onError: setError,
      onSettled: () => setPhase('idle'),
    });
  };

  return (
    <Modal opened={opened} onClose={close} title="Sign this note" size="lg" centered>
      <Stack gap="md">
        <Text size="sm">
          Once signed, the note is locked with your name, the time and a content hash. It cannot be changed afterwards:
          corrections are added as addenda, with their reason.
        </Text>
        {unsaved.length ? (
          <Alert color="yellow" variant="light" title="Not part of the note">
            <Text size="sm">These are unfinished and will not be signed:</Text>
            <List size="sm">
              {unsaved.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {error ? <SignProblem error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {error ? 'Back to the note' : 'Cancel'}
          </Button>
          <Button onClick={() => void confirm()} loading={phase !== 'idle'} loaderProps={{ type: 'dots' }}>
            {phase === 'saving' ? 'Saving…' : phase === 'signing' ? 'Signing…' : 'Sign note'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
