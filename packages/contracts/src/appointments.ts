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
  // Compare instants, not strings: the two ends may carry different offsets.
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] });
export type AppointmentListQuery = z.input<typeof AppointmentListQuery>;
export const AppointmentList = z.object({ items: z.array(Appointment) });

/**
 * A wall-clock date and time at the clinic, no offset (`2026-03-09T10:00`). The API alone turns it into an instant
 * with its own zone database: the browser's may hold other rules for the clinic's zone (a province that stopped
 * changing its clocks), and then an instant the browser worked out would land an hour off.
 */
const LOCAL_DATE_TIME_MESSAGE = 'must be a local date and time like 2026-03-09T10:00 (no offset)';
export const LocalDateTime = z.iso
  .datetime({ local: true, precision: -1, error: LOCAL_DATE_TIME_MESSAGE })
  .refine((value) => !/z$/i.test(value), LOCAL_DATE_TIME_MESSAGE);

/**
 * Exactly one of the instant (`startsAt`, for API clients that know the offset) or the clinic wall-clock time
 * (`localStartsAt`, what the web sends). `required: false` allows neither (a move that keeps its time).
 */
function oneStart<K extends string, L extends string>(instantKey: K, localKey: L, required: boolean) {
  return (value: Partial<Record<K | L, unknown>>, ctx: z.core.$RefinementCtx) => {
    const hasInstant = value[instantKey] !== undefined;
    const hasLocal = value[localKey] !== undefined;
    if (hasInstant && hasLocal) {
      ctx.addIssue({ code: 'custom', path: [localKey], message: `give either ${instantKey} or ${localKey}, not both` });
    } else if (required && !hasInstant && !hasLocal) {
      ctx.addIssue({ code: 'custom', path: [instantKey], message: `is required (or give ${localKey}, the clinic's wall-clock time)` });
    }
  };
}

/** The fields of a booking, without the start rule (forms pick from it). */
export const CreateAppointmentFields = z.object({
  clinicId: Id,
  patientId: Id,
  clinicianId: Id,
  roomId: Id.nullish(),
  appointmentTypeId: Id,
  planId: Id.nullish(),
  startsAt: IsoDateTime.optional(),
  localStartsAt: LocalDateTime.optional(),
  notes: z.string().trim().max(2000).nullish(),
  overrideReason: z.string().trim().min(3).max(500).optional(),
});

/**
 * `POST /api/appointments` (accepts `Idempotency-Key`): starting at `startsAt` (an instant) or `localStartsAt` (the
 * clinic's wall clock; a time the clocks skip is 422 `nonexistent-local-time`, a repeated one is its earlier instant).
 * Outside working hours is refused (422) unless a manager sends `overrideReason`. Overlaps with the clinician, room or
 * patient are refused with 409 naming the appointment.
 */
export const CreateAppointmentRequest = CreateAppointmentFields.superRefine(oneStart('startsAt', 'localStartsAt', true));
export type CreateAppointmentRequest = z.input<typeof CreateAppointmentRequest>;

/**
 * `PATCH /api/appointments/:id`: move (time, clinician, room) or edit notes, with the `version` being edited. The new
 * time is `startsAt` or `localStartsAt` (as for a booking), or neither to keep it.
 */
export const MoveAppointmentRequest = z
  .object({
    version: z.number().int(),
    startsAt: IsoDateTime.optional(),
    localStartsAt: LocalDateTime.optional(),
    clinicianId: Id.optional(),
    roomId: Id.nullish(),
    notes: z.string().trim().max(2000).nullish(),
    reason: z.string().trim().max(500).optional(),
    overrideReason: z.string().trim().min(3).max(500).optional(),
  })
  .superRefine(oneStart('startsAt', 'localStartsAt', false));
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
  /**
   * The first session, as an instant or as the clinic's wall clock (exactly one); later sessions keep its local
   * wall-clock time in the clinic's zone.
   */
  firstStartsAt: IsoDateTime.optional(),
  firstLocalStartsAt: LocalDateTime.optional(),
  weekdays: z.array(IsoWeekday).min(1).max(7).optional(),
  intervalDays: z.number().int().min(1).max(60).optional(),
  count: z.number().int().min(1).max(30),
});

/** `POST /api/appointments/series/preview`: weekly on `weekdays`, or every `intervalDays` days. */
export const SeriesPreviewRequest = SeriesBase.refine((s) => (s.weekdays ? !s.intervalDays : !!s.intervalDays), {
  message: 'give either weekdays or intervalDays',
  path: ['weekdays'],
}).superRefine(oneStart('firstStartsAt', 'firstLocalStartsAt', true));
export type SeriesPreviewRequest = z.input<typeof SeriesPreviewRequest>;

/** Why an occurrence's local time is unusual on its day. */
export const DstFlag = z.enum(['skipped_hour', 'repeated_hour']);

export const SeriesOccurrence = z.object({
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  localStart: z.string(),
  available: z.boolean(),
  conflicts: z.array(z.object({ kind: z.enum(['clinician', 'room', 'patient', 'working_hours', 'opening_hours', 'time_off']), appointmentId: Id.optional(), message: z.string() })),
  alternatives: z.array(z.object({ startsAt: IsoDateTime })),
  dst: DstFlag.nullable(),
});
export type SeriesOccurrence = z.infer<typeof SeriesOccurrence>;
export const SeriesPreviewResponse = z.object({ timeZone: z.string(), occurrences: z.array(SeriesOccurrence) });
export type SeriesPreviewResponse = z.infer<typeof SeriesPreviewResponse>;

/** One chosen session: the instant (e.g. an alternative exactly as the preview returned it) or the clinic wall clock. */
export const SeriesCommitOccurrence = z
  .object({ startsAt: IsoDateTime.optional(), localStartsAt: LocalDateTime.optional() })
  .superRefine(oneStart('startsAt', 'localStartsAt', true));

/** `POST /api/appointments/series`: the chosen occurrences (alternatives included), all booked or none. */
export const SeriesCommitRequest = SeriesBase.extend({
  occurrences: z.array(SeriesCommitOccurrence).min(1).max(30),
  overrideReason: z.string().trim().min(3).max(500).optional(),
}).superRefine(oneStart('firstStartsAt', 'firstLocalStartsAt', true));
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
  .refine((t) => Date.parse(t.startsAt) < Date.parse(t.endsAt), { message: 'must end after it starts', path: ['endsAt'] });

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

/** `DELETE /api/waitlist/:id?reason=`: the entry leaves the list (kept, with when and why). */
export const RemoveWaitlistEntryQuery = z.object({ reason: z.string().trim().max(500).optional() });

/** `GET /api/waitlist/offers`: slots freed in [from, to) at the clinic. */
export const WaitlistOffersQuery = z
  .object({ clinicId: Id, from: IsoDateTime, to: IsoDateTime })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] });
export type WaitlistOffersQuery = z.input<typeof WaitlistOffersQuery>;

/** When a slot frees (cancel, no-show, move), the waitlist entries that match it, best first. */
export const WaitlistOffer = z.object({
  slot: z.object({
    clinicId: Id,
    clinicianId: Id,
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    /** What freed it, the appointment that held it and that appointment's type. */
    freedBy: z.enum(['cancelled', 'no_show', 'moved']),
    appointmentId: Id,
    appointmentTypeId: Id,
  }),
  entries: z.array(WaitlistEntry),
});
export const WaitlistOffers = z.object({ items: z.array(WaitlistOffer) });

/** Calendar feed: the URL is shown once when created. */
export const CalendarFeedLink = z.object({ url: z.string(), createdAt: IsoDateTime });

export const DayQuery = z.object({ clinicId: Id, date: IsoDate });
