import { zodResolver } from '@hookform/resolvers/zod';
import { DiscontinuePlanRequest, type Plan } from '@ims/contracts';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { usePlanAction } from '../api';

const ReasonForm = DiscontinuePlanRequest.pick({ reason: true });
type Input = z.input<typeof ReasonForm>;
type Values = z.output<typeof ReasonForm>;
const FIELDS = ['reason'] as const;

interface DiscontinuePlanDialogProps {
  plan: Plan;
  opened: boolean;
  onClose: () => void;
  onReload: () => void;
  reloading: boolean;
}

/** Ends a plan early, with the reason (moved away, no change by session 4, referred on...): the record keeps it. */
export function DiscontinuePlanDialog({ plan, opened, onClose, onReload, reloading }: DiscontinuePlanDialogProps) {
  const discontinue = usePlanAction(plan.id);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(ReasonForm), defaultValues: { reason: '' } });
  const { errors } = form.formState;
  const stale = isApiError(discontinue.error, 409);
  const close = () => {
    form.reset();
    discontinue.reset();
    onClose();
  };
  const onSubmit = ({ reason }: Values) =>
    discontinue.mutate(
      { action: 'discontinue', body: { version: plan.version, reason } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Plan discontinued.' });
          close();
        },
        onError: (error) => void applyProblemToForm(error, form.setError, FIELDS),
      },
    );

  return (
    <Modal opened={opened} onClose={close} title="Discontinue plan" centered>
      <form noValidate aria-label="Discontinue plan" onSubmit={form.handleSubmit(onSubmit)}>
        <Stack gap="md">
          <Text size="sm">
            The plan ends now with {plan.completedSessions} of {plan.plannedSessions} sessions signed. It stays on the
            record with the reason.
          </Text>
          {stale ? (
            <StaleVersionAlert
              what="this plan"
              reloading={reloading}
              onReload={() => {
                discontinue.reset();
                onReload();
              }}
            />
          ) : null}
          {discontinue.isError && !stale && errors.reason?.type !== 'server' ? (
            <Alert color="red" variant="light">
              {errorMessage(discontinue.error)}
            </Alert>
          ) : null}
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            data-autofocus
            error={sentence(errors.reason?.message)}
            {...form.register('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={discontinue.isPending}>
              Discontinue plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
