import type { WaitlistEntry } from '@ims/contracts';
import type { WaitlistEntry as WaitlistRow } from '@ims/prisma';
import { scheduleName, type Db } from '../appointments/conflict-lookup';
import { isoInZone } from '../appointment-series/wall-clock';

/** "HH:MM" of a `time(0)` column, which Prisma reads as that time on 1970-01-01 UTC. */
export const clockOf = (time: Date | null): string | null => (time ? time.toISOString().slice(11, 16) : null);

/** "HH:MM" into what Prisma writes to a `time(0)` column. */
export const timeColumn = (clock: string | null | undefined): Date | null => (clock ? new Date(`1970-01-01T${clock}:00Z`) : null);

/** The patients' display names, by id, for a batch of entries (the table has no patient relation to include). */
export async function patientNames(db: Db, organisationId: string, patientIds: string[]): Promise<Map<string, string>> {
  const rows = await db.patient.findMany({
    where: { organisationId, id: { in: [...new Set(patientIds)] } },
    select: { id: true, firstName: true, preferredName: true, lastName: true },
  });
  return new Map(rows.map((row) => [row.id, scheduleName(row)]));
}

export function toWaitlistEntry(row: WaitlistRow, patientName: string, timeZone: string): WaitlistEntry {
  return {
    id: row.id,
    clinicId: row.clinicId,
    patientId: row.patientId,
    patientName,
    appointmentTypeId: row.appointmentTypeId,
    preferredClinicianIds: row.preferredClinicianIds,
    preferredWeekdays: [...row.preferredWeekdays].sort((a, b) => a - b),
    earliestTime: clockOf(row.earliestTime),
    latestTime: clockOf(row.latestTime),
    priority: row.priority,
    notes: row.notes,
    createdAt: isoInZone(row.createdAt, timeZone),
  };
}
