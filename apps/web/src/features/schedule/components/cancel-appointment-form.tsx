import type { Appointment } from '@ims/contracts';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useAppointmentStatusChange } from '../api';
import { SlotProblemAlert } from './slot-problem-alert';

interface CancelAppointmentFormProps {
  appointment: Appointment;
  onCancelled: (appointment: Appointment) => void;
  onBack: () => void;
}

/** Cancels with the reason the patient gave; the API marks it late when inside the clinic's notice period. */
export function CancelAppointmentForm({ appointment, onCancelled, onBack }: CancelAppointmentFormProps) {
  const change = useAppointmentStatusChange();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    change.mutate({ action: 'cancel', id: appointment.id, version: appointment.version, reason: reason.trim() }, { onSuccess: (cancelled) => onCancelled(cancelled) });
  };

  return (
    <Stack gap="sm" component="section" aria-label="Cancel appointment">
      {change.isError ? <SlotProblemAlert error={change.error} what="cancelled" /> : null}
      <Textarea
        label="Reason for cancelling"
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          setMissing(false);
        }}
        error={missing ? 'Give the reason' : undefined}
      />
      <Group>
        <Button color="red" onClick={submit} loading={change.isPending}>
          Cancel appointment
        </Button>
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
      </Group>
    </Stack>
  );
}
