import type { Patient } from '@ims/contracts';
import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useRecordKeeping } from '../api';

type Dialog = 'archive' | 'unarchive' | 'anonymise' | null;

const sameName = (typed: string, lastName: string) => typed.trim().toLocaleLowerCase() === lastName.trim().toLocaleLowerCase();

/**
 * Manager and admin: archive (the patient leaves search; their history stays), unarchive, or anonymise (rewrites
 * the demographics for good; signed clinical notes stay as signed). Records are never deleted.
 */
export function RecordKeepingPanel({ patient, onReload, reloading }: { patient: Patient; onReload: () => void; reloading: boolean }) {
  const { archive, unarchive, anonymise } = useRecordKeeping(patient.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [typedName, setTypedName] = useState('');
  const failed = [archive, unarchive, anonymise].find((mutation) => mutation.isError);
  const open = (next: Dialog) => {
    for (const mutation of [archive, unarchive, anonymise]) mutation.reset();
    setDialog(next);
  };
  const close = () => {
    setDialog(null);
    setReason('');
    setTypedName('');
  };
  const done = (message: string) => () => {
    notifications.show({ color: 'teal', message });
    close();
  };

  if (patient.anonymisedAt) {
    return <Text>This patient was anonymised. Their clinical history is kept, without anything that identifies them.</Text>;
  }

  return (
    <Stack gap="lg">
      {isApiError(failed?.error, 409) ? (
        <StaleVersionAlert what="this patient" onReload={onReload} reloading={reloading} />
      ) : failed ? (
        <Alert color="red" variant="light">
          {errorMessage(failed.error)}
        </Alert>
      ) : null}
      <Stack gap="xs">
        <Title order={2} size="h4">
          Archive
        </Title>
        <Text size="sm">
          {patient.archivedAt
            ? 'Archived: the patient does not appear in search. Their history is kept.'
            : 'An archived patient leaves search (for patients who have moved or died); nothing is deleted.'}
        </Text>
        <Group>
          {patient.archivedAt ? (
            <Button variant="light" onClick={() => open('unarchive')}>
              Unarchive
            </Button>
          ) : (
            <Button variant="light" color="orange" onClick={() => open('archive')}>
              Archive patient
            </Button>
          )}
        </Group>
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Anonymise
        </Title>
        <Text size="sm">
          Replaces names, contact details and identifiers for good. Signed notes stay as they were signed; reports keep
          the de-identified history. This cannot be undone.
        </Text>
        <Group>
          <Button variant="light" color="red" onClick={() => open('anonymise')}>
            Anonymise patient
          </Button>
        </Group>
      </Stack>

      <Modal opened={dialog === 'archive'} onClose={close} title={`Archive ${patient.firstName} ${patient.lastName}?`} centered>
        <Stack gap="md">
          <Textarea label="Reason" required autosize minRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="orange"
              disabled={!reason.trim()}
              loading={archive.isPending}
              onClick={() => archive.mutate({ version: patient.version, reason }, { onSuccess: done('Patient archived.'), onError: close })}
            >
              Archive
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmDialog
        opened={dialog === 'unarchive'}
        title={`Unarchive ${patient.firstName} ${patient.lastName}?`}
        confirmLabel="Unarchive"
        pending={unarchive.isPending}
        onCancel={close}
        onConfirm={() => unarchive.mutate({ version: patient.version }, { onSuccess: done('Patient unarchived.'), onError: close })}
      >
        They appear in search again.
      </ConfirmDialog>
      <Modal opened={dialog === 'anonymise'} onClose={close} title={`Anonymise ${patient.firstName} ${patient.lastName}?`} centered>
        <Stack gap="md">
          <Text size="sm">This cannot be undone. Type the patient’s last name to confirm.</Text>
          <Textarea label="Reason" required autosize minRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
          <TextInput label="Last name" required autoComplete="off" value={typedName} onChange={(event) => setTypedName(event.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={!reason.trim() || !sameName(typedName, patient.lastName)}
              loading={anonymise.isPending}
              onClick={() =>
                anonymise.mutate(
                  { version: patient.version, reason, confirmLastName: typedName },
                  { onSuccess: done('Patient anonymised.'), onError: close },
                )
              }
            >
              Anonymise for good
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
