import { z } from 'zod';
import { Id } from './common';

/** An IANA time zone name, checked against the runtime's zone database. */
export const TimeZoneName = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as America/Vancouver' },
);

export const Clinic = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  lateCancelNoticeHours: z.number().int(),
});
export type Clinic = z.infer<typeof Clinic>;
export const ClinicList = z.object({ items: z.array(Clinic) });

export const Room = z.object({ id: Id, clinicId: Id, name: z.string(), active: z.boolean() });
export type Room = z.infer<typeof Room>;
export const RoomList = z.object({ items: z.array(Room) });

export const AppointmentKind = z.enum(['initial_assessment', 'treatment', 'review']);
export const AppointmentType = z.object({
  id: Id,
  clinicId: Id,
  name: z.string(),
  kind: AppointmentKind,
  durationMinutes: z.number().int(),
  active: z.boolean(),
});
export type AppointmentType = z.infer<typeof AppointmentType>;
export const AppointmentTypeList = z.object({ items: z.array(AppointmentType) });

/** `?clinicId=` filter shared by the clinic set-up lists. */
export const ClinicFilterQuery = z.object({ clinicId: Id.optional() });
