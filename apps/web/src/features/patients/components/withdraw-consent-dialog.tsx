import { zodResolver } from '@hookform/resolvers/zod';
import { WithdrawConsentRequest, type Consent } from '@ims/contracts';
import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { useWithdrawConsent } from '../clinical-api';
import { formatDate, localTodayIso } from '../patient-format';

type Input = z.input<typeof WithdrawConsentRequest>;
type Values = z.output<typeof WithdrawConsentRequest>;
const FIELDS = ['withdrawnOn', 'reason'] as const;

interface WithdrawConsentDialogProps {
  patientId: string;
  consent: Consent | null;
  onClose: () => void;
}

/** Withdraws a consent from a day, with the reason; the consent stays on record, marked withdrawn. */
export function WithdrawConsentDialog({ patientId, consent, onClose }: WithdrawConsentDialogProps) {
  const withdraw = useWithdrawConsent(patientId);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(WithdrawConsentRequest),
    defaultValues: { withdrawnOn: localTodayIso(), reason: '' },
  });
  const { errors } = form.formState;
  const close = () => {
    form.reset();
    withdraw.reset();
    onClose();
  };
  const onSubmit = (body: Values) =>
    consent &&
    withdraw.mutate(
      { consentId: consent.id, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Consent withdrawn.' });
          close();
        },
        onError: (error) => void applyProblemToForm(error, form.setError, FIELDS),
      },
    );

  return (
    <Modal opened={consent !== null} onClose={close} title="Withdraw consent" centered>
      <form noValidate aria-label="Withdraw consent" onSubmit={form.handleSubmit(onSubmit)}>
        <Stack gap="md">
          {consent ? <Text size="sm">Consent of {formatDate(consent.consentedOn)}: no IMS from the day it is withdrawn.</Text> : null}
          {withdraw.isError && !FIELDS.some((field) => errors[field]?.type === 'server') ? (
            <Alert color="red" variant="light">
              {errorMessage(withdraw.error)}
            </Alert>
          ) : null}
          <TextInput label="Withdrawn on" required placeholder="YYYY-MM-DD" error={sentence(errors.withdrawnOn?.message)} {...form.register('withdrawnOn')} />
          <Textarea label="Reason" required autosize minRows={2} error={sentence(errors.reason?.message)} {...form.register('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={withdraw.isPending}>
              Withdraw consent
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
