import type { MyDayItem } from '@ims/contracts';
import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { NoteStatusBadge } from '../../plans/components/note-status-badge';
import { useStartNote } from '../api';

interface NoteActionProps {
  item: MyDayItem;
  /** Physiotherapists chart; a manager looking at someone's day sees the note's status only. */
  canChart: boolean;
}

/**
 * The next step on the visit note: start it once the patient has arrived, continue a draft, read a signed note.
 * Labels name the patient so a screen reader's list of buttons says whose note each one is.
 */
export function NoteAction({ item, canChart }: NoteActionProps) {
  const navigate = useNavigate();
  const start = useStartNote();
  const { visit, appointment, patient } = item;

  if (!canChart) return visit ? <NoteStatusBadge status={visit.status} /> : <Text size="sm" c="dimmed">No note</Text>;
  if (visit) {
    const signed = visit.status === 'signed';
    return (
      <Button
        component={Link}
        to={`/visits/${visit.id}`}
        size="xs"
        variant={signed ? 'default' : 'light'}
        aria-label={`${signed ? 'View note' : 'Continue note'}: ${patient.name}`}
      >
        {signed ? 'View note' : 'Continue note'}
      </Button>
    );
  }
  if (appointment.status !== 'arrived') {
    return (
      <Text size="sm" c="dimmed">
        {appointment.status === 'booked' ? 'Not arrived yet' : 'No note'}
      </Text>
    );
  }
  return (
    <Button
      size="xs"
      loading={start.isPending}
      aria-label={`Start note: ${patient.name}`}
      onClick={() =>
        start.mutate(appointment.id, {
          onSuccess: (note) => navigate(`/visits/${note.id}`),
          onError: (error) => notifications.show({ color: 'red', title: 'Note not started', message: errorMessage(error) }),
        })
      }
    >
      Start note
    </Button>
  );
}
