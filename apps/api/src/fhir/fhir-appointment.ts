import type { Appointment as FhirAppointment } from 'fhir/r4';
import type { Appointment, AppointmentStatus } from '@ims/prisma';
import { ANONYMISED_LABEL, urnOf } from './fhir-codes';

const STATUS: Record<AppointmentStatus, FhirAppointment['status']> = {
  booked: 'booked',
  arrived: 'arrived',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  no_show: 'noshow',
};

/** What the export needs of an appointment row (the row may carry more). */
export type AppointmentRow = Pick<Appointment, 'id' | 'patientId' | 'status' | 'startsAt' | 'endsAt' | 'createdAt' | 'notes' | 'cancelReason'> & {
  clinic: { name: string };
  clinician: { displayName: string };
  appointmentType: { name: string };
  room: { name: string } | null;
};

/** An appointment as a FHIR Appointment; its notes and cancellation reason are free text, left out when anonymised. */
export function toFhirAppointment(row: AppointmentRow, options: { anonymised: boolean }): FhirAppointment {
  const freeText = !options.anonymised;
  return {
    resourceType: 'Appointment',
    id: row.id,
    ...(options.anonymised ? { meta: { security: [ANONYMISED_LABEL] } } : {}),
    status: STATUS[row.status],
    ...(freeText && row.status === 'cancelled' && row.cancelReason ? { cancelationReason: { text: row.cancelReason } } : {}),
    serviceType: [{ text: row.appointmentType.name }],
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    minutesDuration: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000),
    created: row.createdAt.toISOString(),
    ...(freeText && row.notes ? { comment: row.notes } : {}),
    participant: [
      { actor: { reference: urnOf(row.patientId), type: 'Patient' }, required: 'required', status: 'accepted' },
      { actor: { type: 'Practitioner', display: row.clinician.displayName }, required: 'required', status: 'accepted' },
      { actor: { type: 'Location', display: row.room ? `${row.clinic.name}, ${row.room.name}` : row.clinic.name }, required: 'required', status: 'accepted' },
    ],
  };
}
