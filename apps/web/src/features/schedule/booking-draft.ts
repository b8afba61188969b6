import type { LocalDateTime } from './clinic-time';
import type { PickedPatient } from './components/patient-picker';

/** What is known when a booking starts: the slot clicked, and whatever an offer or a column already says. */
export interface BookingDraft {
  /** The clinic wall clock of the slot (`2026-03-09T10:15`): the API turns it into an instant with its zone rules. */
  localStartsAt: LocalDateTime;
  clinicianId?: string;
  roomId?: string | null;
  appointmentTypeId?: string;
  patient?: PickedPatient;
}
