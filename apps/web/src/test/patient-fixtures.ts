import type { Patient, PatientSummary, RoleName } from '@ims/contracts';
import { CLINIC_A, clinicList, sessionFor } from './api-stub';
import { jsonResponse } from './render';

export const PATIENT_ID = '7f1e2d3c-4b5a-4697-8877-665544332211';

/** A saved patient as `GET /api/patients/:id` returns it. */
export function patientFixture(over: Partial<Patient> = {}): Patient {
  return {
    id: PATIENT_ID,
    version: 3,
    homeClinicId: CLINIC_A.id,
    firstName: 'Jonathan',
    lastName: 'Smith',
    middleName: null,
    preferredName: 'Jon',
    dateOfBirth: '1984-03-12',
    sex: 'male',
    genderIdentity: null,
    pronouns: null,
    phone: '+16048222211',
    phoneAlt: null,
    email: 'jon@example.com',
    address: { line1: null, line2: null, city: 'Vancouver', region: 'BC', postalCode: null, country: 'CA' },
    healthNumber: '9876543210',
    healthNumberIssuer: 'BC MSP',
    emergencyContact: { name: null, relationship: null, phone: null },
    referrerName: null,
    referralSource: null,
    preferredContact: 'email',
    reminderConsentEmail: true,
    reminderConsentSms: false,
    frontDeskNotes: null,
    flags: { imsConsentOnFile: true, precautionsPresent: true },
    archivedAt: null,
    anonymisedAt: null,
    createdAt: '2026-01-05T09:00:00Z',
    updatedAt: '2026-01-05T09:00:00Z',
    ...over,
  };
}

/** A search row, from a patient. */
export function summaryOf(patient: Patient): PatientSummary {
  return {
    id: patient.id,
    homeClinicId: patient.homeClinicId,
    firstName: patient.firstName,
    lastName: patient.lastName,
    preferredName: patient.preferredName,
    dateOfBirth: patient.dateOfBirth,
    phone: patient.phone,
    email: patient.email,
    healthNumber: patient.healthNumber,
    flags: patient.flags,
    archived: patient.archivedAt !== null,
  };
}

/** The calls every screen in the shell makes: who am I, the clinics, and Today's status card. */
export function shellHandlers(roles: RoleName[]) {
  return {
    'GET /api/auth/me': () => jsonResponse(sessionFor(roles)),
    'GET /api/clinics': () => jsonResponse(clinicList),
  };
}
