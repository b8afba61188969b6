import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, pageOf } from './common';

/** Where a number without a country code is assumed to be (the demo clinics are in BC). */
export const DEFAULT_PHONE_COUNTRY = 'CA';

/** A phone number in any common notation, validated and normalised to E.164 (+16045550123). */
export const PhoneNumber = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(40)
  .transform((value, context) => {
    const parsed = parsePhoneNumberFromString(value, DEFAULT_PHONE_COUNTRY);
    if (!parsed || !parsed.isValid()) {
      context.addIssue({ code: 'custom', message: 'is not a valid phone number' });
      return z.NEVER;
    }
    return parsed.number as string;
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullish();

const Name = z.string().trim().min(1, 'is required').max(100);

/** A date of birth: a real calendar date, not in the future, not before 1900. */
export const DateOfBirth = IsoDate.refine((date) => date <= new Date().toISOString().slice(0, 10), {
  message: 'cannot be in the future',
}).refine((date) => date >= '1900-01-01', { message: 'must be after 1900-01-01' });

export const Sex = z.enum(['female', 'male', 'intersex', 'unknown']);
export const ContactChannel = z.enum(['email', 'sms', 'phone', 'none']);

export const Address = z.object({
  line1: optionalText(200),
  line2: optionalText(200),
  city: optionalText(100),
  region: optionalText(100),
  postalCode: optionalText(20),
  country: optionalText(2),
});

export const EmergencyContact = z.object({
  name: optionalText(200),
  relationship: optionalText(100),
  phone: PhoneNumber.nullish(),
});

/** The registration fields a receptionist fills in; used for create (all) and edit (partial, with version). */
export const PatientFields = z.object({
  homeClinicId: Id,
  firstName: Name,
  lastName: Name,
  middleName: optionalText(100),
  preferredName: optionalText(100),
  dateOfBirth: DateOfBirth,
  sex: Sex.nullish(),
  genderIdentity: optionalText(100),
  pronouns: optionalText(50),
  phone: PhoneNumber.nullish(),
  phoneAlt: PhoneNumber.nullish(),
  email: z.string().trim().toLowerCase().pipe(z.email('is not a valid email address').max(320)).nullish().or(z.literal('').transform(() => null)),
  address: Address.nullish(),
  healthNumber: optionalText(40),
  healthNumberIssuer: optionalText(100),
  emergencyContact: EmergencyContact.nullish(),
  referrerName: optionalText(200),
  referralSource: optionalText(200),
  preferredContact: ContactChannel.default('email'),
  reminderConsentEmail: z.boolean().default(false),
  reminderConsentSms: z.boolean().default(false),
  frontDeskNotes: optionalText(2000),
});

/**
 * `POST /api/patients`. When likely duplicates exist the API answers 409 naming them; the receptionist confirms
 * "not the same person" by sending their ids in `acknowledgedDuplicateIds`.
 */
export const CreatePatientRequest = PatientFields.extend({
  acknowledgedDuplicateIds: z.array(Id).max(50).optional(),
});
export type CreatePatientRequest = z.input<typeof CreatePatientRequest>;

/** `PATCH /api/patients/:id`: any registration fields plus the `version` being edited (stale → 409). */
export const UpdatePatientRequest = PatientFields.partial().extend({
  // Without defaults: a PATCH that leaves these out must keep them, not reset them to the create defaults.
  preferredContact: ContactChannel.optional(),
  reminderConsentEmail: z.boolean().optional(),
  reminderConsentSms: z.boolean().optional(),
  version: z.number().int(),
});
export type UpdatePatientRequest = z.input<typeof UpdatePatientRequest>;

/** Yes/no facts every role may see, receptionists included (never the clinical detail behind them). */
export const PatientFlags = z.object({
  imsConsentOnFile: z.boolean(),
  precautionsPresent: z.boolean(),
});

export const Patient = z.object({
  id: Id,
  version: z.number().int(),
  homeClinicId: Id,
  firstName: z.string(),
  lastName: z.string(),
  middleName: z.string().nullable(),
  preferredName: z.string().nullable(),
  dateOfBirth: IsoDate,
  sex: Sex.nullable(),
  genderIdentity: z.string().nullable(),
  pronouns: z.string().nullable(),
  phone: z.string().nullable(),
  phoneAlt: z.string().nullable(),
  email: z.string().nullable(),
  address: Address,
  healthNumber: z.string().nullable(),
  healthNumberIssuer: z.string().nullable(),
  emergencyContact: z.object({ name: z.string().nullable(), relationship: z.string().nullable(), phone: z.string().nullable() }),
  referrerName: z.string().nullable(),
  referralSource: z.string().nullable(),
  preferredContact: ContactChannel,
  reminderConsentEmail: z.boolean(),
  reminderConsentSms: z.boolean(),
  frontDeskNotes: z.string().nullable(),
  flags: PatientFlags,
  archivedAt: IsoDateTime.nullable(),
  anonymisedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Patient = z.infer<typeof Patient>;

/** A search result row: enough to pick the right person at the front desk. */
export const PatientSummary = z.object({
  id: Id,
  homeClinicId: Id,
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: IsoDate,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  healthNumber: z.string().nullable(),
  flags: PatientFlags,
  archived: z.boolean(),
});
export type PatientSummary = z.infer<typeof PatientSummary>;

/**
 * `GET /api/patients?q=`: q is a name fragment (typos tolerated), a phone number or part of one, a date of birth
 * (YYYY-MM-DD) or a health number. Best match first. For a name, `total` counts the best matches ranked (at most
 * 100), not every name sharing a few letters with q; otherwise it counts every match.
 */
export const PatientSearchQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  clinicId: Id.optional(),
  includeArchived: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PatientSearchQuery = z.input<typeof PatientSearchQuery>;
export const PatientSearchResult = pageOf(PatientSummary);

export const DuplicateReason = z.enum(['same_dob_similar_name', 'same_phone', 'same_health_number', 'same_email_and_dob']);
export const DuplicateCandidate = z.object({ patient: PatientSummary, reasons: z.array(DuplicateReason) });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

/** `POST /api/patients/duplicates`: who might this new registration already be? */
export const DuplicateCheckRequest = PatientFields.pick({
  firstName: true,
  lastName: true,
  dateOfBirth: true,
  phone: true,
  healthNumber: true,
  email: true,
}).partial({ phone: true, healthNumber: true, email: true });
export type DuplicateCheckRequest = z.input<typeof DuplicateCheckRequest>;
export const DuplicateCheckResponse = z.object({ candidates: z.array(DuplicateCandidate) });

export const ArchivePatientRequest = z.object({ version: z.number().int(), reason: z.string().trim().min(1, 'is required').max(500) });
export type ArchivePatientRequest = z.input<typeof ArchivePatientRequest>;

/** Anonymising cannot be undone: the caller repeats the patient's last name to confirm. */
export const AnonymisePatientRequest = ArchivePatientRequest.extend({ confirmLastName: z.string().trim().min(1) });
export type AnonymisePatientRequest = z.input<typeof AnonymisePatientRequest>;

/** `POST /api/patients/:id/unarchive`: back into search (never for an anonymised patient). */
export const UnarchivePatientRequest = z.object({ version: z.number().int() });
export type UnarchivePatientRequest = z.input<typeof UnarchivePatientRequest>;
