import { zodResolver } from '@hookform/resolvers/zod';
import { ChangePasswordRequest } from '@ims/contracts';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { NewPasswordFields } from '../../auth/components/new-password-fields';
import { PASSWORDS_DIFFER } from '../../auth/password-policy';
import { useChangePassword } from '../api';

const ChangePasswordSchema = ChangePasswordRequest.extend({ confirmPassword: z.string() }).refine(
  (values) => values.newPassword === values.confirmPassword,
  { message: PASSWORDS_DIFFER, path: ['confirmPassword'] },
);
type Input = z.input<typeof ChangePasswordSchema>;
type Values = z.output<typeof ChangePasswordSchema>;

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Current password plus the new one twice; the server's refusal (too common, wrong current) lands on its field. */
export function ChangePasswordForm() {
  const change = useChangePassword();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(ChangePasswordSchema, {
      error: (issue) => (issue.path?.[0] === 'currentPassword' ? 'Enter your current password' : undefined),
    }),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors } = form.formState;

  const onSubmit = ({ currentPassword, newPassword }: Values) => {
    change.reset();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'teal', message: 'Your password has been changed.' });
        },
        onError: (error) => {
          applyProblemToForm(error, form.setError, FIELDS);
        },
      },
    );
  };

  // Field errors are shown on their fields; anything else (throttled, offline) as one alert.
  const unplaced = change.isError && !FIELDS.some((field) => errors[field]?.type === 'server');

  return (
    <form noValidate aria-label="Change password" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="md" maw={420}>
        {unplaced ? (
          <Alert color="red" variant="light" title="Could not change the password">
            {errorMessage(change.error)}
          </Alert>
        ) : null}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          error={sentence(errors.currentPassword?.message)}
          aria-invalid={Boolean(errors.currentPassword)}
          {...form.register('currentPassword')}
        />
        <NewPasswordFields
          password={form.register('newPassword')}
          passwordError={errors.newPassword}
          confirm={form.register('confirmPassword')}
          confirmError={errors.confirmPassword}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
