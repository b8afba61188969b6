import { z } from 'zod';
import { Id, IsoDate } from './common';

export const AuthorisationKind = z.enum(['ims', 'dry_needling']);
export type AuthorisationKind = z.infer<typeof AuthorisationKind>;

export const NeedlingAuthorisation = z.object({
  id: Id,
  kind: AuthorisationKind,
  issuingBody: z.string(),
  number: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});
export type NeedlingAuthorisation = z.infer<typeof NeedlingAuthorisation>;

/** "HH:MM" on a 24-hour clock, local to the clinic. */
export const WallClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30');

export const WorkingHoursEntry = z
  .object({ clinicId: Id, weekday: z.number().int().min(1).max(7), start: WallClockTime, end: WallClockTime })
  .refine((entry) => entry.start < entry.end, { message: 'must end after it starts', path: ['end'] });
export type WorkingHoursEntry = z.infer<typeof WorkingHoursEntry>;

export const Clinician = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  registrationNumber: z.string().nullable(),
  clinicIds: z.array(Id),
  authorisations: z.array(NeedlingAuthorisation),
  workingHours: z.array(WorkingHoursEntry),
  /** Whether an IMS authorisation is valid today in the clinic's time zone. */
  imsAuthorisedToday: z.boolean(),
});
export type Clinician = z.infer<typeof Clinician>;
export const ClinicianList = z.object({ items: z.array(Clinician) });

export const ClinicianListQuery = z.object({ clinicId: Id.optional() });

/** Makes a user with the physiotherapist role a clinician (idempotent per user). */
export const CreateClinicianRequest = z.object({
  userId: Id,
  registrationNumber: z.string().trim().max(100).optional(),
});
export type CreateClinicianRequest = z.input<typeof CreateClinicianRequest>;

export const UpdateClinicianRequest = z.object({
  registrationNumber: z.string().trim().max(100).nullable().optional(),
  name: z.string().trim().min(1).max(200).optional(),
});
export type UpdateClinicianRequest = z.input<typeof UpdateClinicianRequest>;

export const CreateAuthorisationRequest = z
  .object({
    kind: AuthorisationKind,
    issuingBody: z.string().trim().min(1, 'is required').max(200),
    number: z.string().trim().max(100).optional(),
    validFrom: IsoDate,
    validTo: IsoDate.optional(),
  })
  .refine((a) => !a.validTo || a.validTo >= a.validFrom, { message: 'must not be before validFrom', path: ['validTo'] });
export type CreateAuthorisationRequest = z.input<typeof CreateAuthorisationRequest>;

/**
 * Ends an authorisation on `validTo` (inclusive). Authorisations are evidence of who was allowed to needle when, so
 * they are ended, never deleted; an end date can only shorten the validity, not extend it.
 */
export const EndAuthorisationRequest = z.object({ validTo: IsoDate });
export type EndAuthorisationRequest = z.input<typeof EndAuthorisationRequest>;

/** Replaces the clinician's weekly hours (all clinics) in one go. */
export const PutWorkingHoursRequest = z.object({ hours: z.array(WorkingHoursEntry).max(100) });
export type PutWorkingHoursRequest = z.input<typeof PutWorkingHoursRequest>;
