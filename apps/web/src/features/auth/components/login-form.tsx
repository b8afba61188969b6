import { zodResolver } from '@hookform/resolvers/zod';
import { LoginRequest, type AuthConfigResponse } from '@ims/contracts';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { DemoLogins } from './demo-logins';

type LoginFormInput = z.input<typeof LoginRequest>;
export type LoginFormValues = z.output<typeof LoginRequest>;

// The contract carries no wording; these are the messages a person at the front desk should read.
const loginErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.path?.[0] === 'email') {
    return issue.code === 'too_big' ? 'That email address is too long' : 'Enter a valid email address';
  }
  if (issue.path?.[0] === 'password') {
    return issue.code === 'too_big' ? 'That password is too long' : 'Enter your password';
  }
  return undefined;
};

interface LoginFormProps {
  onSubmit: (values: LoginFormValues) => void;
  pending?: boolean;
  /** The server's answer to the last attempt (wrong password, throttled, …). */
  errorMessage?: string | null;
  /** Demo mode: the logins to offer as click-to-fill. */
  demo?: AuthConfigResponse;
}

/** Email and password, validated with the shared `LoginRequest` contract before anything is sent. */
export function LoginForm({ onSubmit, pending = false, errorMessage, demo }: LoginFormProps) {
  const submitRef = useRef<HTMLButtonElement>(null);
  const form = useForm<LoginFormInput, unknown, LoginFormValues>({
    resolver: zodResolver(LoginRequest, { error: loginErrorMap }),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const fill = (email: string, password: string) => {
    form.setValue('email', email, { shouldValidate: form.formState.isSubmitted });
    form.setValue('password', password, { shouldValidate: form.formState.isSubmitted });
    submitRef.current?.focus();
  };

  return (
    <Stack gap="lg">
      <form noValidate onSubmit={form.handleSubmit(onSubmit)} aria-label="Sign in">
        <Stack gap="md">
          {errorMessage ? (
            <Alert color="red" variant="light" title="Sign-in failed">
              {errorMessage}
            </Alert>
          ) : null}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            error={errors.email?.message}
            {...form.register('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            error={errors.password?.message}
            aria-invalid={Boolean(errors.password)}
            {...form.register('password')}
          />
          <Button ref={submitRef} type="submit" loading={pending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
      {demo?.demo && demo.demoLogins?.length ? (
        <DemoLogins logins={demo.demoLogins} password={demo.demoPassword} onPick={fill} />
      ) : null}
    </Stack>
  );
}
