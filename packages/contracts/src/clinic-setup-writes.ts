import { z } from 'zod';
import { Id } from './common';
import { AppointmentKind, TimeZoneName } from './clinics';

/** Admin writes for clinic set-up. Names are unique per clinic (409 otherwise); `active: false` retires a row. */
const SetupName = z.string().trim().min(1, 'is required').max(100);

/** `POST /api/rooms`: a treatment room or bed of a clinic. Responds with Room. */
export const CreateRoomRequest = z.object({ clinicId: Id, name: SetupName });
export type CreateRoomRequest = z.input<typeof CreateRoomRequest>;

/** `PATCH /api/rooms/:id`: rename or retire (booked appointments keep their room). */
export const UpdateRoomRequest = z
  .object({ name: SetupName.optional(), active: z.boolean().optional() })
  .refine((r) => r.name !== undefined || r.active !== undefined, { message: 'give name or active', path: ['name'] });
export type UpdateRoomRequest = z.input<typeof UpdateRoomRequest>;

/** Appointment lengths the schedule can hold: 5 minutes to 4 hours, in whole minutes. */
const DurationMinutes = z.number().int().min(5).max(240);

/** `POST /api/appointment-types`: e.g. IMS initial assessment 45 min. Responds with AppointmentType. */
export const CreateAppointmentTypeRequest = z.object({ clinicId: Id, name: SetupName, kind: AppointmentKind, durationMinutes: DurationMinutes });
export type CreateAppointmentTypeRequest = z.input<typeof CreateAppointmentTypeRequest>;

/** `PATCH /api/appointment-types/:id`: a new duration applies to later bookings only. */
export const UpdateAppointmentTypeRequest = z
  .object({ name: SetupName.optional(), kind: AppointmentKind.optional(), durationMinutes: DurationMinutes.optional(), active: z.boolean().optional() })
  .refine((t) => Object.values(t).some((v) => v !== undefined), { message: 'give at least one field', path: ['name'] });
export type UpdateAppointmentTypeRequest = z.input<typeof UpdateAppointmentTypeRequest>;

/** Optional free text: blank clears it (stored as null). */
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/**
 * `PATCH /api/clinics/:id` (admin): a clinic's details. Clinics carry no version, so the last write wins. The notice
 * period decides which cancellations count as late (0 turns it off; at most a week). Responds with Clinic.
 */
export const UpdateClinicRequest = z
  .object({
    name: SetupName.optional(),
    timeZone: TimeZoneName.optional(),
    address: OptionalText(300),
    phone: OptionalText(40),
    lateCancelNoticeHours: z.number().int().min(0).max(168).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'give at least one field', path: ['name'] });
export type UpdateClinicRequest = z.input<typeof UpdateClinicRequest>;
