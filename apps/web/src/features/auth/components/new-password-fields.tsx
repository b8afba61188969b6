import { PasswordInput } from '@mantine/core';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { sentence } from '../../../lib/form-errors';
import { PASSWORD_HINT } from '../password-policy';

interface NewPasswordFieldsProps {
  /** `form.register(...)` for the new password. */
  password: UseFormRegisterReturn;
  passwordError?: FieldError;
  /** `form.register(...)` for the repeated password. */
  confirm: UseFormRegisterReturn;
  confirmError?: FieldError;
}

/** "New password" with the policy hint, then "Repeat new password"; shared by password change and reset. */
export function NewPasswordFields({ password, passwordError, confirm, confirmError }: NewPasswordFieldsProps) {
  return (
    <>
      <PasswordInput
        label="New password"
        description={PASSWORD_HINT}
        autoComplete="new-password"
        required
        error={sentence(passwordError?.message)}
        aria-invalid={Boolean(passwordError)}
        {...password}
      />
      <PasswordInput
        label="Repeat new password"
        autoComplete="new-password"
        required
        error={sentence(confirmError?.message)}
        aria-invalid={Boolean(confirmError)}
        {...confirm}
      />
    </>
  );
}
