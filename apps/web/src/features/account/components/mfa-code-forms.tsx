import { zodResolver } from '@hookform/resolvers/zod';
import { MfaDisableRequest, MfaEnableRequest } from '@ims/contracts';
import { Alert, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { useDisableMfa, useRegenerateRecoveryCodes } from '../api';

/** Turning two-factor off asks for both factors, so a borrowed unlocked session cannot do it alone. */
export function DisableMfaForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const disable = useDisableMfa();
  const form = useForm<z.input<typeof MfaDisableRequest>, unknown, z.output<typeof MfaDisableRequest>>({
    resolver: zodResolver(MfaDisableRequest, {
      error: (issue) => (issue.path?.[0] === 'password' ? 'Enter your password' : undefined),
    }),
    defaultValues: { password: '', code: '' },
  });
  const { errors } = form.formState;
  const placed = errors.password?.type === 'server' || errors.code?.type === 'server';

  return (
    <form
      noValidate
      aria-label="Turn off two-step verification"
      onSubmit={form.handleSubmit((values) =>
        disable.mutate(values, {
          onSuccess: onDone,
          onError: (error) => void applyProblemToForm(error, form.setError, ['password', 'code']),
        }),
      )}
    >
      <Stack gap="md">
        {disable.isError && !placed ? (
          <Alert color="red" variant="light" title="Two-step verification is still on">
            {errorMessage(disable.error)}
          </Alert>
        ) : null}
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          data-autofocus
          error={sentence(errors.password?.message)}
          aria-invalid={Boolean(errors.password)}
          {...form.register('password')}
        />
        <TextInput
          label="Code from the app"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          required
          error={sentence(errors.code?.message)}
          {...form.register('code')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={disable.isPending}>
            Turn off
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A current code from the app buys a fresh set of recovery codes; the old set stops working. */
export function RegenerateCodesForm({ onCodes, onCancel }: { onCodes: (codes: string[]) => void; onCancel: () => void }) {
  const regenerate = useRegenerateRecoveryCodes();
  const form = useForm<z.input<typeof MfaEnableRequest>, unknown, z.output<typeof MfaEnableRequest>>({
    resolver: zodResolver(MfaEnableRequest),
    defaultValues: { code: '' },
  });
  const { errors } = form.formState;

  return (
    <form
      noValidate
      aria-label="Get new recovery codes"
      onSubmit={form.handleSubmit((values) =>
        regenerate.mutate(values, {
          onSuccess: ({ recoveryCodes }) => onCodes(recoveryCodes),
          onError: (error) => {
            if (!applyProblemToForm(error, form.setError, ['code'])) {
              form.setError('code', { type: 'server', message: errorMessage(error) }, { shouldFocus: true });
            }
          },
        }),
      )}
    >
      <Stack gap="md">
        <TextInput
          label="Code from the app"
          description="Your current recovery codes stop working once the new ones are made."
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          required
          data-autofocus
          error={sentence(errors.code?.message)}
          {...form.register('code')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={regenerate.isPending}>
            Make new codes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
