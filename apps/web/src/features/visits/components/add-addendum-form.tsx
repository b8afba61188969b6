import { zodResolver } from '@hookform/resolvers/zod';
import { AddAddendumRequest } from '@ims/contracts';
import { Alert, Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../patients/use-idempotency-key';
import { useAddAddendum } from '../api';

type Input = z.input<typeof AddAddendumRequest>;
type Values = z.output<typeof AddAddendumRequest>;
const FIELDS = ['reason', 'text'] as const;

/** Adds a correction to a signed note: the note itself never changes; the addendum says why it was added. */
export function AddAddendumForm({ visitId }: { visitId: string }) {
  const add = useAddAddendum(visitId);
  const idempotencyKey = useIdempotencyKey();
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(AddAddendumRequest), defaultValues: { reason: '', text: '' } });
  const { errors } = form.formState;
  const unplaced = add.isError && !FIELDS.some((field) => errors[field]?.type === 'server');

  const onSubmit = (values: Values) =>
    add.mutate({ body: values, idempotencyKey: idempotencyKey(values) }, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'teal', message: 'Addendum added.' });
      },
      onError: (error) => void applyProblemToForm(error, form.setError, FIELDS),
    });

  return (
    <form noValidate aria-label="Add addendum" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Add addendum
        </Title>
        {unplaced ? (
          <Alert color="red" variant="light" title="Addendum not added">
            {errorMessage(add.error)}
          </Alert>
        ) : null}
        <TextInput label="Reason" required placeholder="e.g. depth of site 2 mistyped" error={sentence(errors.reason?.message)} {...form.register('reason')} />
        <Textarea label="Addendum" required autosize minRows={3} error={sentence(errors.text?.message)} {...form.register('text')} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            Add addendum
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
