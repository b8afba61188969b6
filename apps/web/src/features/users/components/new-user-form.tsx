import { zodResolver } from '@hookform/resolvers/zod';
import { CreateUserRequest, type CreateUserResponse } from '@ims/contracts';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { useCreateUser } from '../api';
import { ClinicsPicker, RolesPicker } from './role-and-clinic-pickers';

type Input = z.input<typeof CreateUserRequest>;
type Values = z.output<typeof CreateUserRequest>;

const FIELDS = ['name', 'email', 'roles', 'clinicIds'] as const;

const errorMap: z.core.$ZodErrorMap = (issue) =>
  issue.path?.[0] === 'email' ? 'Enter a valid email address' : undefined;

/** Name, email, roles and clinics of a new user, checked with the `CreateUserRequest` contract. */
export function NewUserForm({ onCreated }: { onCreated: (created: CreateUserResponse) => void }) {
  const create = useCreateUser();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(CreateUserRequest, { error: errorMap }),
    defaultValues: { name: '', email: '', roles: [], clinicIds: [] },
  });
  const { errors } = form.formState;
  const unplaced = create.isError && !FIELDS.some((field) => errors[field]?.type === 'server');

  const onSubmit = (values: Values) =>
    create.mutate(values, {
      onSuccess: onCreated,
      onError: (error) => void applyProblemToForm(error, form.setError, FIELDS),
    });

  return (
    <form noValidate aria-label="New user" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="md" maw={560}>
        {unplaced ? (
          <Alert color="red" variant="light" title="The user was not created">
            {errorMessage(create.error)}
          </Alert>
        ) : null}
        <TextInput label="Name" autoComplete="off" required error={sentence(errors.name?.message)} {...form.register('name')} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="off"
          required
          error={sentence(errors.email?.message)}
          {...form.register('email')}
        />
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
          <Button type="submit" loading={create.isPending}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
