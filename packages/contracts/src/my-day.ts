import { z } from 'zod';
import { AppointmentStatus } from './appointments';
import { Id, IsoDate, IsoDateTime } from './common';
import { OutcomeDue } from './outcome-records';
import { Condition, PlanStatus } from './plans';
import { VisitNoteStatus } from './visits';

/** `GET /api/my-day?date=&clinicianId=`: a clinician's appointments of one day with what they need at a glance. */
export const MyDayQuery = z.object({
  /** The day in the clinics' time zone; defaults to today. */
  date: IsoDate.optional(),
  /** Defaults to the signed-in clinician; managers may look at anyone's day. */
  clinicianId: Id.optional(),
});
export type MyDayQuery = z.infer<typeof MyDayQuery>;

export const MyDayItem = z.object({
  appointment: z.object({
    id: Id,
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    status: AppointmentStatus,
    clinicId: Id,
    clinicName: z.string(),
    roomName: z.string().nullable(),
    appointmentTypeName: z.string(),
  }),
  patient: z.object({ id: Id, name: z.string(), precautions: z.array(z.string()) }),
  plan: z
    .object({
      id: Id,
      condition: Condition,
      status: PlanStatus,
      completedSessions: z.number().int(),
      plannedSessions: z.number().int(),
      reviewDue: z.boolean(),
      /** Outcome measures expected now: the baseline before the first treatment, session 4, discharge. */
      outcomesDue: z.array(OutcomeDue),
    })
    .nullable(),
  visit: z.object({ id: Id, status: VisitNoteStatus }).nullable(),
});
export type MyDayItem = z.infer<typeof MyDayItem>;

export const MyDay = z.object({ date: IsoDate, clinicianId: Id, items: z.array(MyDayItem) });
export type MyDay = z.infer<typeof MyDay>;
