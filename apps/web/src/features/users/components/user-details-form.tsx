import { zodResolver } from '@hookform/resolvers/zod';
import { CreateUserRequest, type User } from '@ims/contracts';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { useUpdateUser } from '../api';
import { ClinicsPicker, RolesPicker } from './role-and-clinic-pickers';

// Editing asks for the same facts as creating, all still required; only the email is fixed once the user exists.
const UserDetails = CreateUserRequest.pick({ name: true, roles: true, clinicIds: true });
type Input = z.input<typeof UserDetails>;
type Values = z.output<typeof UserDetails>;
const FIELDS = ['name', 'roles', 'clinicIds'] as const;

const valuesOf = (user: User): Input => ({ name: user.name, roles: user.roles, clinicIds: user.clinicIds });

interface UserDetailsFormProps {
  user: User;
  onReload: () => void;
  reloading: boolean;
}

/** Name, roles and clinics of an existing user, saved with the version the edit started from. */
export function UserDetailsForm({ user, onReload, reloading }: UserDetailsFormProps) {
  const update = useUpdateUser(user.id);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(UserDetails),
    defaultValues: valuesOf(user),
  });
  const { errors, isDirty } = form.formState;

  // A saved edit or a reload brings a new version: the form starts again from what the server holds. Keyed on
  // the version alone, so a background refetch of the same version does not wipe an edit in progress.
  useEffect(() => {
    form.reset(valuesOf(user));
    update.reset();
  }, [user.version]);

  const stale = isApiError(update.error, 409);
  const unplaced = update.isError && !stale && !FIELDS.some((field) => errors[field]?.type === 'server');

  const onSubmit = (values: Values) =>
    update.mutate(
      { version: user.version, ...values },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: 'Changes saved.' }),
        onError: (error) => void applyProblemToForm(error, form.setError, FIELDS),
      },
    );

  return (
    <form noValidate aria-label="User details" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="md">
        {stale ? <StaleVersionAlert what="this user" onReload={onReload} reloading={reloading} /> : null}
        {unplaced ? (
          <Alert color="red" variant="light" title="Changes not saved">
            {errorMessage(update.error)}
          </Alert>
        ) : null}
        <TextInput label="Name" required error={sentence(errors.name?.message)} {...form.register('name')} />
        <TextInput label="Email" value={user.email} readOnly description="The sign-in address cannot be changed here." />
        <Controller
          control={form.control}
          name="roles"
          render={({ field, fieldState }) => (
            <RolesPicker value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        <Controller
          control={form.control}
          name="clinicIds"
          render={({ field, fieldState }) => (
            <ClinicsPicker value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!isDirty}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
