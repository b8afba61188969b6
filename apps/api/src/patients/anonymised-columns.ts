import type { PatientColumns } from './patient-columns';

/** The name an anonymised patient is listed under: recognisable as such, distinct per patient, tied to nothing. */
export const anonymisedLastName = (patientId: string): string => `Patient-${patientId.replace(/-/g, '').slice(-8)}`;

/**
 * The demographics an anonymised patient keeps: home clinic, sex and year of birth (1 January), enough for
 * de-identified reporting by clinic, sex and age band. Everything that identifies or reaches the person (names,
 * phones, email, address, health number, emergency contact, referrer, notes) is cleared. Clinical rows are not
 * touched: plans, appointments, screenings, consents and signed notes stay as they are.
 */
export function anonymisedColumns(patientId: string, current: PatientColumns): PatientColumns {
  return {
    homeClinicId: current.homeClinicId,
    firstName: 'Anonymised',
    lastName: anonymisedLastName(patientId),
    middleName: null,
    preferredName: null,
    dateOfBirth: new Date(Date.UTC(current.dateOfBirth.getUTCFullYear(), 0, 1)),
    sex: current.sex,
    genderIdentity: null,
    pronouns: null,
    phone: null,
    phoneAlt: null,
    email: null,
    addressLine1: null,
    addressLine2: null,
    city: null,
    region: null,
    postalCode: null,
    country: null,
    healthNumber: null,
    healthNumberIssuer: null,
    emergencyContactName: null,
    emergencyContactRelationship: null,
    emergencyContactPhone: null,
    referrerName: null,
    referralSource: null,
    preferredContact: 'none',
    reminderConsentEmail: false,
    reminderConsentSms: false,
    frontDeskNotes: null,
  };
}
