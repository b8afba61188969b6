import { zodResolver } from '@hookform/resolvers/zod';
import { PasswordResetRequest } from '@ims/contracts';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { CenteredPage } from '../../../components/ui/centered-page';
import { errorMessage } from '../../../lib/error-message';
import { useRequestPasswordReset } from '../api';

type Input = z.input<typeof PasswordResetRequest>;
type Values = z.output<typeof PasswordResetRequest>;

/**
 * `/forgot-password`: public. The answer is the same whether or not the address has an account, so the page cannot
 * be used to find out who works at the clinic.
 */
export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(PasswordResetRequest, { error: () => 'Enter a valid email address' }),
    defaultValues: { email: '' },
  });

  if (request.isSuccess) {
    return (
      <CenteredPage title="Check your email">
        <Stack gap="md">
          <Text role="status">
            If an account uses that address, we have sent it a link to choose a new password. The link works once and
            expires soon.
          </Text>
          <Text size="sm" c="dimmed">
            No email after a few minutes? Check your spam folder, or ask your clinic’s administrator for a link.
          </Text>
          <Anchor component={Link} to="/login">
            Back to sign in
          </Anchor>
        </Stack>
      </CenteredPage>
    );
  }

  return (
    <CenteredPage title="Reset your password" description="We will email you a link to choose a new password.">
      <form noValidate aria-label="Request a password reset" onSubmit={form.handleSubmit((values) => request.mutate(values))}>
        <Stack gap="md">
          {request.isError ? (
            <Alert color="red" variant="light" title="Could not send the link">
              {errorMessage(request.error)}
            </Alert>
          ) : null}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            error={form.formState.errors.email?.message}
            {...form.register('email')}
          />
          <Button type="submit" loading={request.isPending} fullWidth>
            Send reset link
          </Button>
          <Group justify="center">
            <Anchor component={Link} to="/login" size="sm">
              Back to sign in
            </Anchor>
          </Group>
        </Stack>
      </form>
    </CenteredPage>
  );
}
