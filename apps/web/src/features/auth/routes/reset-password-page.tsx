import { zodResolver } from '@hookform/resolvers/zod';
import { PasswordResetComplete } from '@ims/contracts';
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { CenteredPage } from '../../../components/ui/centered-page';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useCompletePasswordReset } from '../api';
import { NewPasswordFields } from '../components/new-password-fields';
import { PASSWORDS_DIFFER } from '../password-policy';
import type { LoginPageState } from './login-page';

const ResetForm = PasswordResetComplete.pick({ password: true })
  .extend({ confirmPassword: z.string() })
  .refine((values) => values.password === values.confirmPassword, {
    message: PASSWORDS_DIFFER,
    path: ['confirmPassword'],
  });
type Input = z.input<typeof ResetForm>;
type Values = z.output<typeof ResetForm>;

function InvalidLink() {
  return (
    <Stack gap="md">
      <Text>This link is invalid or has expired. Links work once and only for a short time.</Text>
      <Anchor component={Link} to="/forgot-password">
        Ask for a new link
      </Anchor>
    </Stack>
  );
}

/** `/reset-password?token=`: public; the link from a reset email or from an administrator. */
export function ResetPasswordPage() {
  const token = useSearchParams()[0].get('token') ?? '';
  const navigate = useNavigate();
  const complete = useCompletePasswordReset();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(ResetForm),
    defaultValues: { password: '', confirmPassword: '' },
  });
  const { errors } = form.formState;

  if (token.length < 16) {
    return (
      <CenteredPage title="Choose a new password">
        <InvalidLink />
      </CenteredPage>
    );
  }

  const onSubmit = ({ password }: Values) =>
    complete.mutate(
      { token, password },
      {
        onSuccess: () => {
          const state: LoginPageState = { notice: 'Your new password is set. Sign in with it now.' };
          void navigate('/login', { replace: true, state });
        },
        onError: (error) => {
          applyProblemToForm(error, form.setError, ['password']);
        },
      },
    );

  // A 400 that does not name the password is the server refusing the token itself (used, expired or unknown).
  const refusedPassword =
    complete.error instanceof ApiError &&
    Boolean(complete.error.problem.errors?.some((fieldError) => fieldError.path === 'password'));
  const linkRefused = complete.error instanceof ApiError && complete.error.status === 400 && !refusedPassword;

  return (
    <CenteredPage title="Choose a new password">
      {linkRefused ? (
        <InvalidLink />
      ) : (
        <form noValidate aria-label="Choose a new password" onSubmit={form.handleSubmit(onSubmit)}>
          <Stack gap="md">
            {complete.isError && !refusedPassword ? (
              <Alert color="red" variant="light" title="Could not set the password">
                {errorMessage(complete.error)}
              </Alert>
            ) : null}
            <NewPasswordFields
              password={form.register('password')}
              passwordError={errors.password}
              confirm={form.register('confirmPassword')}
              confirmError={errors.confirmPassword}
            />
            <Button type="submit" loading={complete.isPending} fullWidth>
              Set new password
            </Button>
          </Stack>
        </form>
      )}
    </CenteredPage>
  );
}
