import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { ProblemConflict } from '@ims/contracts';
import type { Prisma, PrismaClient } from '@ims/prisma';

export type Db = PrismaClient | Prisma.TransactionClient;

/** Statuses that free the slot: the exclusion constraints ignore them, and so does every lookup here. */
export const INACTIVE_STATUSES = ['cancelled', 'no_show'] as const;

/** Which of the three exclusion constraints an overlap is about. */
export type OverlapKind = 'clinician' | 'room' | 'patient';

export interface SlotParties {
  organisationId: string;
  clinicianId: string;
  roomId?: string | null;
  patientId: string;
  startsAt: Date;
  endsAt: Date;
  /** The appointment being moved: it never conflicts with itself. */
  ignoreAppointmentId?: string;
}

export interface OverlapConflict {
  kind: OverlapKind;
  appointmentId: string;
  message: string;
}

const CONFLICT_SELECT = {
  id: true,
  clinicianId: true,
  roomId: true,
  patientId: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  clinician: { select: { displayName: true } },
  patient: { select: { firstName: true, lastName: true, preferredName: true } },
  room: { select: { name: true } },
} satisfies Prisma.AppointmentSelect;

type ConflictRow = Prisma.AppointmentGetPayload<{ select: typeof CONFLICT_SELECT }>;

/** The patient's name as the schedule shows it: preferred or first name, then last name. */
export function scheduleName(patient: { firstName: string; lastName: string; preferredName: string | null }): string {
  return `${patient.preferredName || patient.firstName} ${patient.lastName}`;
}

/**
 * Active appointments that overlap the slot for the same clinician, room or patient: the rows the exclusion
 * constraints `appointment_no_{clinician,room,patient}_overlap` would refuse the slot because of. One appointment
 * may conflict on several counts; each count is its own entry, clinician first, so messages say exactly why.
 */
export async function findOverlaps(db: Db, slot: SlotParties): Promise<OverlapConflict[]> {
  const parties: Prisma.AppointmentWhereInput[] = [{ clinicianId: slot.clinicianId }, { patientId: slot.patientId }];
  if (slot.roomId) parties.push({ roomId: slot.roomId });
  const rows = await db.appointment.findMany({
    where: {
      organisationId: slot.organisationId,
      status: { notIn: [...INACTIVE_STATUSES] },
      // appointment_at_most_a_day makes this lower bound exact: the start index reads a range, not the whole history.
      startsAt: { gte: new Date(slot.startsAt.getTime() - 86_400_000), lt: slot.endsAt },
      endsAt: { gt: slot.startsAt },
      ...(slot.ignoreAppointmentId ? { id: { not: slot.ignoreAppointmentId } } : {}),
      OR: parties,
    },
    select: CONFLICT_SELECT,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  const conflicts: OverlapConflict[] = [];
  for (const row of rows) {
    if (row.clinicianId === slot.clinicianId) conflicts.push(describe('clinician', row));
    if (slot.roomId && row.roomId === slot.roomId) conflicts.push(describe('room', row));
    if (row.patientId === slot.patientId) conflicts.push(describe('patient', row));
  }
  return conflicts;
}

function describe(kind: OverlapKind, row: ConflictRow): OverlapConflict {
  const zone = row.timeZone;
  const when = `${format(new TZDate(row.startsAt.getTime(), zone), 'yyyy-MM-dd HH:mm')}-${format(new TZDate(row.endsAt.getTime(), zone), 'HH:mm')}`;
  const patient = scheduleName(row.patient);
  const clinician = row.clinician.displayName;
  const message =
    kind === 'clinician'
      ? `${clinician} already has ${patient} ${when}`
      : kind === 'room'
        ? `${row.room?.name ?? 'The room'} is taken by ${patient} with ${clinician} ${when}`
        : `${patient} is already booked with ${clinician} ${when}`;
  return { kind, appointmentId: row.id, message };
}

/** Overlaps as the `conflicts` member of a 409 problem, each naming the appointment. */
export function toProblemConflicts(overlaps: readonly OverlapConflict[]): ProblemConflict[] {
  return overlaps.map((overlap) => ({ entity: 'appointment', id: overlap.appointmentId, message: overlap.message }));
}

/** The overlap kind a violated exclusion constraint stands for, from its name. */
export function overlapKindOfConstraint(constraint: string | undefined): OverlapKind | undefined {
  if (!constraint) return undefined;
  if (constraint.includes('clinician_overlap')) return 'clinician';
  if (constraint.includes('room_overlap')) return 'room';
  if (constraint.includes('patient_overlap')) return 'patient';
  return undefined;
}
