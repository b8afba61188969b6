import type { Appointment, AppointmentType, Clinician, Room } from '@ims/contracts';
import { Drawer } from '@mantine/core';
import type { BookingDraft } from '../booking-draft';
import { BookingForm } from './booking-form';

interface BookingDrawerProps {
  draft: BookingDraft | null;
  clinicId: string;
  clinicians: readonly Clinician[];
  rooms: readonly Room[];
  types: readonly AppointmentType[];
  canOverride: boolean;
  onClose: () => void;
  onBooked: (appointment: Appointment) => void;
}

/** The booking form for a clicked slot or an offer; a new draft is a new attempt (fresh form, fresh key). */
export function BookingDrawer({ draft, onClose, ...formProps }: BookingDrawerProps) {
  return (
    <Drawer opened={draft !== null} onClose={onClose} position="right" size="md" title="Book an appointment">
      {draft ? <BookingForm key={JSON.stringify(draft)} draft={draft} {...formProps} /> : null}
    </Drawer>
  );
}
