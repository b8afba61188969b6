import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './common';
import { WallClockTime } from './clinicians';

export const AppointmentStatus = z.enum(['booked', 'arrived', 'completed', 'cancelled', 'no_show']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** Statuses that hold a slot; cancelled and no-show appointments free it and never count as delivered. */
export const ACTIVE_STATUSES: AppointmentStatus[] = ['booked', 'arrived', 'completed'];

export const Appointment = z.object({
  id: Id,
  version: z.number().int(),
  clinicId: Id,
  patientId: Id,
  clinicianId: Id,
  roomId: Id.nullable(),
  appointmentTypeId: Id,
  planId: Id.nullable(),
  seriesId: Id.nullable(),
  /** Instants with the clinic's offset, e.g. 2026-03-08T10:00:00-07:00 */
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  /** The wall-clock time it was booked at and the zone that gives it meaning. */
  localStart: z.string(),
  timeZone: z.string(),
  status: AppointmentStatus,
  cancelReason: z.string().nullable(),
  lateCancellation: z.boolean(),
  overrideReason: z.string().nullable(),
  notes: z.string().nullable(),
  /** Display helpers: the patient's name as the schedule shows it, the clinician's and type's names. */
  patientName: z.string(),
  clinicianName: z.string(),
  appointmentTypeName: z.string(),
  roomName: z.string().nullable(),
});
export type Appointment = z.infer<typeof Appointment>;

export const AppointmentListQuery = z
  .object({
    from: IsoDateTime,
    to: IsoDateTime,
    clinicId: Id.optional(),
    clinicianId: Id.optional(),
    roomId: Id.optional(),
    patientId: Id.optional(),
    status: AppointmentStatus.optional(),
  })
  .refine((q) => q.from < q.to, { message: 'must be after from', path: ['to'] });
export type AppointmentListQuery = z.input<typeof AppointmentListQuery>;
export const AppointmentList = z.object({ items: z.array(Appointment) });

/**
 * `POST /api/appointments` (accepts `Idempotency-Key`). Outside working hours is refused (422) unless a manager
 * sends `overrideReason`. Overlaps with the clinician, room or patient are refused with 409 naming the appointment.
 */
export const CreateAppointmentRequest = z.object({
  clinicId: Id,
  patientId: Id,
  clinicianId: Id,
  roomId: Id.nullish(),
  appointmentTypeId: Id,
  planId: Id.nullish(),
  startsAt: IsoDateTime,
  notes: z.string().trim().max(2000).nullish(),
  overrideReason: z.string().trim().min(3).max(500).optional(),
});
export type CreateAppointmentRequest = z.input<typeof CreateAppointmentRequest>;

/** `PATCH /api/appointments/:id`: move (time, clinician, room) or edit notes, with the `version` being edited. */
export const MoveAppointmentRequest = z.object({
  version: z.number().int(),
  startsAt: IsoDateTime.optional(),
  clinicianId: Id.optional(),
  roomId: Id.nullish(),
  notes: z.string().trim().max(2000).nullish(),
  reason: z.string().trim().max(500).optional(),
  overrideReason: z.string().trim().min(3).max(500).optional(),
});
export type MoveAppointmentRequest = z.input<typeof MoveAppointmentRequest>;

export const AppointmentStatusChangeRequest = z.object({ version: z.number().int() });
export const CancelAppointmentRequest = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(1, 'is required').max(500),
});
export type CancelAppointmentRequest = z.input<typeof CancelAppointmentRequest>;

export const AppointmentChange = z.object({
  id: Id,
  kind: z.string(),
  changedAt: IsoDateTime,
  changedBy: z.object({ id: Id, name: z.string() }).nullable(),
  fromStartsAt: IsoDateTime.nullable(),
  toStartsAt: IsoDateTime.nullable(),
  fromClinicianId: Id.nullable(),
  toClinicianId: Id.nullable(),
  fromRoomId: Id.nullable(),
  toRoomId: Id.nullable(),
  reason: z.string().nullable(),
});
export const AppointmentHistory = z.object({ items: z.array(AppointmentChange) });

// --- Course booking ---------------------------------------------------------------------------------------

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const IsoWeekday = z.number().int().min(1).max(7);

const SeriesBase = z.object({
  clinicId: Id,
  patientId: Id,
  clinicianId: Id,
  appointmentTypeId: Id,
  planId: Id.nullish(),
  roomId: Id.nullish(),
  /** The first session; later ones keep its local wall-clock time in the clinic's zone. */
  firstStartsAt: IsoDateTime,
  weekdays: z.array(IsoWeekday).min(1).max(7).optional(),
  intervalDays: z.number().int().min(1).max(60).optional(),
  count: z.number().int().min(1).max(30),
});

/** `POST /api/appointments/series/preview`: weekly on `weekdays`, or every `intervalDays` days. */
export const SeriesPreviewRequest = SeriesBase.refine((s) => (s.weekdays ? !s.intervalDays : !!s.intervalDays), {
  message: 'give either weekdays or intervalDays',
  path: ['weekdays'],
});
export type SeriesPreviewRequest = z.input<typeof SeriesPreviewRequest>;

/** Why an occurrence's local time is unusual on its day. */
export const DstFlag = z.enum(['skipped_hour', 'repeated_hour']);

export const SeriesOccurrence = z.object({
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  localStart: z.string(),
  available: z.boolean(),
  conflicts: z.array(z.object({ kind: z.enum(['clinician', 'room', 'patient', 'working_hours', 'time_off']), appointmentId: Id.optional(), message: z.string() })),
  alternatives: z.array(z.object({ startsAt: IsoDateTime })),
  dst: DstFlag.nullable(),
});
export type SeriesOccurrence = z.infer<typeof SeriesOccurrence>;
export const SeriesPreviewResponse = z.object({ timeZone: z.string(), occurrences: z.array(SeriesOccurrence) });
export type SeriesPreviewResponse = z.infer<typeof SeriesPreviewResponse>;

/** `POST /api/appointments/series`: the chosen occurrences (alternatives included), all booked or none. */
export const SeriesCommitRequest = SeriesBase.extend({
  occurrences: z.array(z.object({ startsAt: IsoDateTime })).min(1).max(30),
  overrideReason: z.string().trim().min(3).max(500).optional(),
});
export type SeriesCommitRequest = z.input<typeof SeriesCommitRequest>;
export const SeriesCommitResponse = z.object({ seriesId: Id, appointments: z.array(Appointment) });

// --- Set-up ------------------------------------------------------------------------------------------------

export const OpeningHoursEntry = z
  .object({ weekday: IsoWeekday, opensAt: WallClockTime, closesAt: WallClockTime })
  .refine((e) => e.opensAt < e.closesAt, { message: 'must close after it opens', path: ['closesAt'] });
export const OpeningHours = z.object({ clinicId: Id, hours: z.array(OpeningHoursEntry) });
export const PutOpeningHoursRequest = z.object({ hours: z.array(OpeningHoursEntry).max(50) });

export const TimeOff = z.object({ id: Id, clinicianId: Id, startsAt: IsoDateTime, endsAt: IsoDateTime, reason: z.string().nullable() });
export const TimeOffList = z.object({ items: z.array(TimeOff) });
export const CreateTimeOffRequest = z
  .object({ startsAt: IsoDateTime, endsAt: IsoDateTime, reason: z.string().trim().max(500).optional() })
  .refine((t) => t.startsAt < t.endsAt, { message: 'must end after it starts', path: ['endsAt'] });

// --- Waitlist ----------------------------------------------------------------------------------------------

export const WaitlistEntry = z.object({
  id: Id,
  clinicId: Id,
  patientId: Id,
  patientName: z.string(),
  appointmentTypeId: Id.nullable(),
  preferredClinicianIds: z.array(Id),
  preferredWeekdays: z.array(IsoWeekday),
  earliestTime: WallClockTime.nullable(),
  latestTime: WallClockTime.nullable(),
  priority: z.number().int().min(1).max(5),
  notes: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;
export const WaitlistQuery = z.object({ clinicId: Id.optional() });
export const WaitlistList = z.object({ items: z.array(WaitlistEntry) });
export const CreateWaitlistEntryRequest = z.object({
  clinicId: Id,
  patientId: Id,
  appointmentTypeId: Id.nullish(),
  preferredClinicianIds: z.array(Id).max(20).default([]),
  preferredWeekdays: z.array(IsoWeekday).max(7).default([]),
  earliestTime: WallClockTime.nullish(),
  latestTime: WallClockTime.nullish(),
  priority: z.number().int().min(1).max(5).default(3),
  notes: z.string().trim().max(2000).nullish(),
});
export type CreateWaitlistEntryRequest = z.input<typeof CreateWaitlistEntryRequest>;

/** When a slot frees (cancel, no-show, move), the waitlist entries that match it, best first. */
export const WaitlistOffer = z.object({ slot: z.object({ clinicId: Id, clinicianId: Id, startsAt: IsoDateTime, endsAt: IsoDateTime }), entries: z.array(WaitlistEntry) });
export const WaitlistOffers = z.object({ items: z.array(WaitlistOffer) });

/** Calendar feed: the URL is shown once when created. */
export const CalendarFeedLink = z.object({ url: z.string(), createdAt: IsoDateTime });

export const DayQuery = z.object({ clinicId: Id, date: IsoDate });
