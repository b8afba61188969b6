import type { PasswordLink, User } from '@ims/contracts';
import { Alert, Button, Divider, Group, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useIssuePasswordLink, useResetUserMfa, useUpdateUser } from '../api';
import { PasswordLinkCard } from './password-link-card';

type Confirming = 'deactivate' | 'reactivate' | 'reset-mfa' | null;

interface UserAccessSectionProps {
  user: User;
  onReload: () => void;
  reloading: boolean;
}

/** Whether the user may sign in, a fresh password link, and a two-step reset for a lost phone. */
export function UserAccessSection({ user, onReload, reloading }: UserAccessSectionProps) {
  const update = useUpdateUser(user.id);
  const issueLink = useIssuePasswordLink(user.id);
  const resetMfa = useResetUserMfa(user.id);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [link, setLink] = useState<PasswordLink | null>(null);

  const setActive = (active: boolean) =>
    update.mutate(
      { version: user.version, active },
      {
        onSettled: () => setConfirming(null),
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: active ? `${user.name} can sign in again.` : `${user.name} is deactivated and signed out.`,
          }),
      },
    );

  return (
    <Stack gap="md">
      {isApiError(update.error, 409) ? (
        <StaleVersionAlert what="this user" onReload={onReload} reloading={reloading} />
      ) : update.isError ? (
        <Alert color="red" variant="light">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      <Switch
        label="Active"
        description={user.active ? 'Can sign in.' : 'Cannot sign in.'}
        checked={user.active}
        onChange={(event) => setConfirming(event.currentTarget.checked ? 'reactivate' : 'deactivate')}
        disabled={update.isPending}
      />

      <Divider />
      <Stack gap="xs">
        <Text size="sm">
          A one-time link lets {user.name} choose a new password. Earlier links stop working.
        </Text>
        <Group>
          <Button
            variant="light"
            loading={issueLink.isPending}
            onClick={() => issueLink.mutate(undefined, { onSuccess: setLink })}
            disabled={!user.active}
          >
            Issue password link
          </Button>
        </Group>
        {issueLink.isError ? (
          <Alert color="red" variant="light">
            {errorMessage(issueLink.error)}
          </Alert>
        ) : null}
        {link ? <PasswordLinkCard link={link} name={user.name} /> : null}
      </Stack>

      <Divider />
      <Stack gap="xs">
        <Text size="sm">Two-step verification is {user.mfaEnabled ? 'on' : 'off'}.</Text>
        {user.mfaEnabled ? (
          <Group>
            <Button variant="light" color="red" onClick={() => setConfirming('reset-mfa')}>
              Reset two-step verification
            </Button>
          </Group>
        ) : null}
        {resetMfa.isError ? (
          <Alert color="red" variant="light">
            {errorMessage(resetMfa.error)}
          </Alert>
        ) : null}
      </Stack>

      <ConfirmDialog
        opened={confirming === 'deactivate'}
        title={`Deactivate ${user.name}?`}
        confirmLabel="Deactivate"
        danger
        pending={update.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => setActive(false)}
      >
        This ends their sessions at once: they are signed out everywhere and cannot sign in until reactivated. Their
        records and history stay.
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === 'reactivate'}
        title={`Reactivate ${user.name}?`}
        confirmLabel="Reactivate"
        pending={update.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => setActive(true)}
      >
        They can sign in again with their password.
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === 'reset-mfa'}
        title="Reset two-step verification?"
        confirmLabel="Reset"
        danger
        pending={resetMfa.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          resetMfa.mutate(undefined, {
            onSettled: () => setConfirming(null),
            onSuccess: () =>
              notifications.show({ color: 'teal', message: `Two-step verification of ${user.name} was reset.` }),
          })
        }
      >
        Their authenticator app and recovery codes stop working. Do this only when you are sure who is asking (a lost
        or replaced phone); if their role requires it, they set it up again at their next sign-in.
      </ConfirmDialog>
    </Stack>
  );
}
