import { EmergencyContact, PatientFields, PhoneNumber, type Patient } from '@ims/contracts';
import { z } from 'zod';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/** A phone box left empty means "no number"; the contract's `PhoneNumber` alone would call it required. */
const OptionalPhone = z.preprocess(blankToNull, PhoneNumber.nullish());

/**
 * The registration form's schema: the contract's `PatientFields`, with empty phone boxes read as "none". The
 * output is what `POST`/`PATCH /api/patients` take (phones already E.164), so the browser says exactly what the
 * API would.
 */
export const PatientForm = PatientFields.extend({
  phone: OptionalPhone,
  phoneAlt: OptionalPhone,
  emergencyContact: EmergencyContact.extend({ phone: OptionalPhone }),
});
/** What the inputs hold (`z.input`: phones as typed). */
export type PatientFormInput = z.input<typeof PatientForm>;
/** What is sent (`z.output`: phones normalised to E.164, empty text as null). */
export type PatientFormValues = z.output<typeof PatientForm>;

/** Top-level fields of the form, for placing the API's field errors (`address.city` lands on `address`'s city). */
export const PATIENT_FORM_FIELDS = Object.keys(PatientForm.shape) as (keyof PatientFormInput)[];

/** Friendlier words than the schema's defaults for the few messages the contract leaves generic. */
export const patientFormErrorMap: z.core.$ZodErrorMap = (issue) => {
  const field = issue.path?.[0];
  if (field === 'dateOfBirth' && issue.code === 'invalid_format') return 'Enter the date of birth as YYYY-MM-DD';
  if (field === 'homeClinicId') return 'Choose the home clinic';
  return undefined;
};

/** An empty registration, at the clinic the person at the desk works at. */
export function emptyPatientForm(homeClinicId: string): PatientFormInput {
  return {
    homeClinicId,
    firstName: '',
    lastName: '',
    middleName: '',
    preferredName: '',
    dateOfBirth: '',
    sex: null,
    genderIdentity: '',
    pronouns: '',
    phone: '',
    phoneAlt: '',
    email: '',
    address: { line1: '', line2: '', city: '', region: '', postalCode: '', country: 'CA' },
    healthNumber: '',
    healthNumberIssuer: '',
    emergencyContact: { name: '', relationship: '', phone: '' },
    referrerName: '',
    referralSource: '',
    preferredContact: 'email',
    reminderConsentEmail: false,
    reminderConsentSms: false,
    frontDeskNotes: '',
  };
}

/** The form filled from a saved patient; nulls become empty boxes. */
export function patientToForm(patient: Patient): PatientFormInput {
  const text = (value: string | null | undefined) => value ?? '';
  return {
    homeClinicId: patient.homeClinicId,
    firstName: patient.firstName,
    lastName: patient.lastName,
    middleName: text(patient.middleName),
    preferredName: text(patient.preferredName),
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    genderIdentity: text(patient.genderIdentity),
    pronouns: text(patient.pronouns),
    phone: text(patient.phone),
    phoneAlt: text(patient.phoneAlt),
    email: text(patient.email),
    address: {
      line1: text(patient.address.line1),
      line2: text(patient.address.line2),
      city: text(patient.address.city),
      region: text(patient.address.region),
      postalCode: text(patient.address.postalCode),
      country: text(patient.address.country),
    },
    healthNumber: text(patient.healthNumber),
    healthNumberIssuer: text(patient.healthNumberIssuer),
    emergencyContact: {
      name: text(patient.emergencyContact.name),
      relationship: text(patient.emergencyContact.relationship),
      phone: text(patient.emergencyContact.phone),
    },
    referrerName: text(patient.referrerName),
    referralSource: text(patient.referralSource),
    preferredContact: patient.preferredContact,
    reminderConsentEmail: patient.reminderConsentEmail,
    reminderConsentSms: patient.reminderConsentSms,
    frontDeskNotes: text(patient.frontDeskNotes),
  };
}
