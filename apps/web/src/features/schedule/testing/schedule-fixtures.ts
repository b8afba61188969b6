import type { Appointment, AppointmentType, Clinician, Room } from '@ims/contracts';
import { CLINIC_A } from '../../../test/api-stub';

/** Ids and records for the schedule's tests: one clinic (Downtown, America/Vancouver), two clinicians, two types. */
export const TZ = 'America/Vancouver';
export const PATIENT = { id: '7f3e2d1c-0b9a-4876-a543-210fedcba987', name: 'Jane Doe' };
export const TREATMENT: AppointmentType = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  clinicId: CLINIC_A.id,
  name: 'IMS treatment',
  kind: 'treatment',
  durationMinutes: 30,
  active: true,
};
export const ASSESSMENT: AppointmentType = { ...TREATMENT, id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', name: 'IMS initial assessment', kind: 'initial_assessment', durationMinutes: 45 };
export const ROOM: Room = { id: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f', clinicId: CLINIC_A.id, name: 'Room 1', active: true };

export function clinician(id: string, name: string): Clinician {
  return {
    id,
    userId: id.replace(/^./, 'a'),
    name,
    registrationNumber: null,
    clinicIds: [CLINIC_A.id],
    authorisations: [],
    workingHours: [{ clinicId: CLINIC_A.id, weekday: 1, start: '09:00', end: '17:00' }],
    imsAuthorisedToday: true,
  };
}
export const DR_LEE = clinician('4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f80', 'Dr Lee');
export const DR_KIM = clinician('5e6f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8091', 'Dr Kim');

let sequence = 0;
/** An appointment on Monday 9 March 2026 at 10:00 Vancouver time unless told otherwise. */
export function appointment(overrides: Partial<Appointment> = {}): Appointment {
  sequence += 1;
  return {
    id: `6f7a8b9c-0d1e-4f2a-9b4c-${String(sequence).padStart(12, '0')}`,
    version: 1,
    clinicId: CLINIC_A.id,
    patientId: PATIENT.id,
    clinicianId: DR_LEE.id,
    roomId: null,
    appointmentTypeId: TREATMENT.id,
    planId: null,
    seriesId: null,
    startsAt: '2026-03-09T10:00:00-07:00',
    endsAt: '2026-03-09T10:30:00-07:00',
    localStart: '2026-03-09T10:00',
    timeZone: TZ,
    status: 'booked',
    cancelReason: null,
    lateCancellation: false,
    overrideReason: null,
    notes: null,
    patientName: PATIENT.name,
    clinicianName: DR_LEE.name,
    appointmentTypeName: TREATMENT.name,
    roomName: null,
    ...overrides,
  };
}
