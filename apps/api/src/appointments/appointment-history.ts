import type { Prisma } from '@ims/prisma';
import type { RequestUser } from '../common/access/request-user';
import type { Db } from './conflict-lookup';
import { isoInZone } from './appointment-view';

/** Kinds of history entries: one per write to an appointment. */
export type ChangeKind = 'created' | 'moved' | 'edited' | 'arrived' | 'no_show' | 'cancelled' | 'completed';

export interface ChangeEntry {
  appointment: { id: string; organisationId: string; clinicId: string };
  kind: ChangeKind;
  from?: { startsAt: Date; clinicianId: string; roomId: string | null };
  to?: { startsAt: Date; clinicianId: string; roomId: string | null };
  reason?: string | null;
}

/** Appends a history entry in the write's transaction: who, when, from where to where and why. */
export async function recordChange(tx: Prisma.TransactionClient, user: RequestUser, entry: ChangeEntry): Promise<void> {
  await tx.appointmentChange.create({
    data: {
      organisationId: entry.appointment.organisationId,
      clinicId: entry.appointment.clinicId,
      appointmentId: entry.appointment.id,
      kind: entry.kind,
      changedById: user.id,
      fromStartsAt: entry.from?.startsAt ?? null,
      toStartsAt: entry.to?.startsAt ?? null,
      fromClinicianId: entry.from?.clinicianId ?? null,
      toClinicianId: entry.to?.clinicianId ?? null,
      fromRoomId: entry.from?.roomId ?? null,
      toRoomId: entry.to?.roomId ?? null,
      reason: entry.reason ?? null,
    },
  });
}

/** The AppointmentHistory payload, oldest first, times in the appointment's zone, with who made each change. */
export async function loadHistory(db: Db, appointment: { id: string; timeZone: string }) {
  const rows = await db.appointmentChange.findMany({ where: { appointmentId: appointment.id }, orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] });
  const userIds = [...new Set(rows.map((r) => r.changedById).filter((id): id is string => id !== null))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const at = (instant: Date | null) => (instant ? isoInZone(instant, appointment.timeZone) : null);
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      changedAt: at(row.changedAt)!,
      changedBy: row.changedById ? { id: row.changedById, name: names.get(row.changedById) ?? 'former user' } : null,
      fromStartsAt: at(row.fromStartsAt),
      toStartsAt: at(row.toStartsAt),
      fromClinicianId: row.fromClinicianId,
      toClinicianId: row.toClinicianId,
      fromRoomId: row.fromRoomId,
      toRoomId: row.toRoomId,
      reason: row.reason,
    })),
  };
}
