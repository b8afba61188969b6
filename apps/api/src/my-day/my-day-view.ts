import type { MyDayItem, OutcomeDue } from '@ims/contracts';
import type { Prisma } from '@ims/prisma';
import { isoInZone } from '../appointments/appointment-view';
import { scheduleName } from '../appointments/conflict-lookup';
import { isReviewDue } from '../plans/plan-rules';

/** What a day's item needs besides precautions and plan progress, loaded with the appointments in one query. */
export const MY_DAY_INCLUDE = {
  clinic: { select: { name: true } },
  room: { select: { name: true } },
  appointmentType: { select: { name: true } },
  patient: { select: { firstName: true, lastName: true, preferredName: true } },
  plan: { select: { id: true, condition: true, status: true, plannedSessions: true, reviewedAt: true } },
  visitNote: { select: { id: true, status: true } },
} satisfies Prisma.AppointmentInclude;

export type MyDayRow = Prisma.AppointmentGetPayload<{ include: typeof MY_DAY_INCLUDE }>;

export function toMyDayItem(row: MyDayRow, precautions: string[], completedSessions: number, outcomesDue: OutcomeDue[]): MyDayItem {
  return {
    appointment: {
      id: row.id,
      startsAt: isoInZone(row.startsAt, row.timeZone),
      endsAt: isoInZone(row.endsAt, row.timeZone),
      status: row.status,
      clinicId: row.clinicId,
      clinicName: row.clinic.name,
      roomName: row.room?.name ?? null,
      appointmentTypeName: row.appointmentType.name,
    },
    patient: { id: row.patientId, name: scheduleName(row.patient), precautions },
    plan: row.plan
      ? {
          id: row.plan.id,
          condition: row.plan.condition,
          status: row.plan.status,
          completedSessions,
          plannedSessions: row.plan.plannedSessions,
          reviewDue: isReviewDue(row.plan, completedSessions),
          outcomesDue,
        }
      : null,
    visit: row.visitNote ? { id: row.visitNote.id, status: row.visitNote.status } : null,
  };
}
