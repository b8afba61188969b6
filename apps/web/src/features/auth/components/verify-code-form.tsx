import { zodResolver } from '@hookform/resolvers/zod';
import { MfaVerifyRequest } from '@ims/contracts';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { sentence } from '../../../lib/form-errors';

// The contract's two ways to pass the second step: a code from the app, or one recovery code.
const [CodeSchema, RecoverySchema] = MfaVerifyRequest.options;

export type VerifyValues = z.output<typeof MfaVerifyRequest>;

interface VerifyCodeFormProps {
  onSubmit: (values: VerifyValues) => void;
  pending?: boolean;
  /** The server's answer to the last attempt (wrong code, throttled, …). */
  errorMessage?: string | null;
  /** Asking for a recovery code rather than the app's code. */
  useRecoveryCode: boolean;
  onToggleMode: () => void;
}

function AppCodeForm({ onSubmit, pending }: Pick<VerifyCodeFormProps, 'onSubmit' | 'pending'>) {
  const form = useForm<z.input<typeof CodeSchema>, unknown, z.output<typeof CodeSchema>>({
    resolver: zodResolver(CodeSchema),
    defaultValues: { code: '' },
  });
  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)} aria-label="Enter authentication code">
      <Stack gap="md">
        <TextInput
          label="Authentication code"
          description="The 6-digit code your authenticator app shows for IMS Clinic."
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          required
          data-autofocus
          error={sentence(form.formState.errors.code?.message)}
          {...form.register('code')}
        />
        <Button type="submit" loading={pending} fullWidth>
          Verify
        </Button>
      </Stack>
    </form>
  );
}

function RecoveryCodeForm({ onSubmit, pending }: Pick<VerifyCodeFormProps, 'onSubmit' | 'pending'>) {
  const form = useForm<z.input<typeof RecoverySchema>, unknown, z.output<typeof RecoverySchema>>({
    resolver: zodResolver(RecoverySchema),
    defaultValues: { recoveryCode: '' },
  });
  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)} aria-label="Enter recovery code">
      <Stack gap="md">
        <TextInput
          label="Recovery code"
          description="One of the codes you saved when you set up two-step verification. Each works once."
          autoComplete="off"
          spellCheck={false}
          required
          error={sentence(form.formState.errors.recoveryCode?.message)}
          {...form.register('recoveryCode')}
        />
        <Button type="submit" loading={pending} fullWidth>
          Verify
        </Button>
      </Stack>
    </form>
  );
}

/** The second step of sign-in: the app's code by default, a recovery code for someone without their phone. */
export function VerifyCodeForm({ onSubmit, pending, errorMessage, useRecoveryCode, onToggleMode }: VerifyCodeFormProps) {
  return (
    <Stack gap="md">
      {errorMessage ? (
        <Alert color="red" variant="light" title="Verification failed">
          {errorMessage}
        </Alert>
      ) : null}
      {useRecoveryCode ? (
        <RecoveryCodeForm onSubmit={onSubmit} pending={pending} />
      ) : (
        <AppCodeForm onSubmit={onSubmit} pending={pending} />
      )}
      <Anchor component="button" type="button" size="sm" onClick={onToggleMode} ta="center">
        {useRecoveryCode ? 'Use your authenticator app instead' : 'Use a recovery code instead'}
      </Anchor>
    </Stack>
  );
}
