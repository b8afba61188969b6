import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { MFA_SETUP_PATH, withNext } from '../../auth/session-routing';
import { useSessionUser } from '../../auth/use-session-user';
import { DisableMfaForm, RegenerateCodesForm } from './mfa-code-forms';
import { RecoveryCodesPanel } from './recovery-codes-panel';

type Dialog = 'disable' | 'regenerate' | null;

function StatusBadge({ enabled }: { enabled: boolean | undefined }) {
  if (enabled === undefined) return <Badge color="gray" variant="light">Status unknown</Badge>;
  return enabled ? (
    <Badge color="teal" variant="light">On</Badge>
  ) : (
    <Badge color="gray" variant="light">Off</Badge>
  );
}

/**
 * Two-step verification on the account page: set it up when off; turn it off or renew recovery codes when on.
 * When the server does not say (older API), every action is offered and the server decides.
 */
export function TwoFactorSection() {
  const { mfaEnabled } = useSessionUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const close = () => {
    setDialog(null);
    setCodes(null);
  };

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm">Two-step verification:</Text>
        <StatusBadge enabled={mfaEnabled} />
      </Group>
      <Text size="sm" c="dimmed">
        After your password, you also enter a code from an app on your phone, so a stolen password alone is not
        enough to sign in.
      </Text>
      <Group gap="sm">
        {mfaEnabled !== true ? (
          <Button component={Link} to={withNext(MFA_SETUP_PATH, '/account')} variant="light">
            Set up two-step verification
          </Button>
        ) : null}
        {mfaEnabled !== false ? (
          <>
            <Button variant="light" onClick={() => setDialog('regenerate')}>
              New recovery codes
            </Button>
            <Button variant="light" color="red" onClick={() => setDialog('disable')}>
              Turn off
            </Button>
          </>
        ) : null}
      </Group>

      <Modal opened={dialog === 'disable'} onClose={close} title="Turn off two-step verification">
        <DisableMfaForm
          onCancel={close}
          onDone={() => {
            close();
            notifications.show({ color: 'teal', message: 'Two-step verification is off.' });
          }}
        />
      </Modal>
      <Modal opened={dialog === 'regenerate'} onClose={close} title="New recovery codes" size="lg">
        {codes ? (
          <RecoveryCodesPanel codes={codes} onDone={close} doneLabel="Done" />
        ) : (
          <RegenerateCodesForm onCodes={setCodes} onCancel={close} />
        )}
      </Modal>
    </Stack>
  );
}
