import { zodResolver } from '@hookform/resolvers/zod';
import { MfaEnableRequest } from '@ims/contracts';
import { Button, Code, CopyButton, Group, Image, List, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { mfaSetupQueryOptions, useEnableMfa } from '../api';

type Input = z.input<typeof MfaEnableRequest>;
type Values = z.output<typeof MfaEnableRequest>;

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type into an app by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Scan (or type) the secret, then prove it works with one code; `onEnabled` receives the recovery codes. */
export function MfaSetupSteps({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const setup = useQuery(mfaSetupQueryOptions());
  const enable = useEnableMfa();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(MfaEnableRequest),
    defaultValues: { code: '' },
  });

  if (setup.isPending) return <Skeleton h={320} aria-label="Preparing your set-up" />;
  if (setup.isError) {
    return <ErrorPanel title="Could not start the set-up" error={setup.error} onRetry={() => void setup.refetch()} />;
  }

  const onSubmit = (values: Values) =>
    enable.mutate(values, {
      onSuccess: ({ recoveryCodes }) => onEnabled(recoveryCodes),
      onError: (error) => {
        // A refused code usually comes without a field path; it still belongs under the code field.
        if (!applyProblemToForm(error, form.setError, ['code'])) {
          form.setError('code', { type: 'server', message: errorMessage(error) }, { shouldFocus: true });
        }
      },
    });

  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs" size="sm">
        <List.Item>Install an authenticator app on your phone (for example Google Authenticator or Microsoft Authenticator).</List.Item>
        <List.Item>In the app, add an account and scan this QR code.</List.Item>
        <List.Item>Enter the 6-digit code the app shows.</List.Item>
      </List>
      <Group justify="center">
        <Image
          src={setup.data.qrCodeDataUrl}
          alt="QR code to add IMS Clinic to your authenticator app"
          w={200}
          h={200}
          fit="contain"
        />
      </Group>
      <Stack gap={4}>
        <Text size="sm">Cannot scan? Enter this key in the app instead:</Text>
        <Group gap="xs" wrap="nowrap">
          <Code fz="md" aria-label="Set-up key">
            {groupSecret(setup.data.secret)}
          </Code>
          <CopyButton value={setup.data.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="subtle" onClick={copy}>
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
      <form noValidate aria-label="Confirm two-step verification" onSubmit={form.handleSubmit(onSubmit)}>
        <Stack gap="md">
          <TextInput
            label="Code from the app"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            required
            error={sentence(form.formState.errors.code?.message)}
            {...form.register('code')}
          />
          <Button type="submit" loading={enable.isPending}>
            Turn on two-step verification
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
