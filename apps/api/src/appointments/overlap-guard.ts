import { postgresErrorInfo, SQLSTATE, type Prisma } from '@ims/prisma';
import { ConflictError } from '../common/problem/domain-errors';
import { findOverlaps, overlapKindOfConstraint, toProblemConflicts, type SlotParties } from './conflict-lookup';

/** How often a write refused by a concurrent writer is retried before giving up with a plain 409. */
const MAX_ATTEMPTS = 4;

/**
 * Queues concurrent bookings of the same clinician, room or patient behind each other for the rest of the
 * transaction. PostgreSQL checks an exclusion constraint after inserting the row, so two concurrent inserters of the
 * same slot can each wait for the other and one dies as a deadlock victim after `deadlock_timeout`; queueing them
 * avoids that stall. The exclusion constraints still decide what overlaps. Locks are taken in a fixed order so two
 * bookings naming the same parties never wait on each other crosswise.
 */
export async function lockSlotParties(tx: Prisma.TransactionClient, parties: { clinicianId: string; roomId?: string | null; patientId: string }[]): Promise<void> {
  const keys = new Set<string>();
  for (const p of parties) {
    keys.add(`appointment-slot:clinician:${p.clinicianId}`);
    keys.add(`appointment-slot:patient:${p.patientId}`);
    if (p.roomId) keys.add(`appointment-slot:room:${p.roomId}`);
  }
  for (const key of [...keys].sort()) {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))) AS lock`;
  }
}

/**
 * Runs `write` (an insert or update of one appointment) so that an overlap refused by the exclusion constraints
 * (23P01), or a deadlock with a concurrent writer (40P01), becomes a ConflictError naming the appointment already
 * holding the slot, and the transaction stays usable. The write runs under a savepoint: after a failed statement
 * PostgreSQL refuses every further one in the transaction until it rolls back to a savepoint. When the holder has
 * not committed yet (a deadlock victim) the write is retried, so it ends either written or refused with a name.
 */
export async function writeWithOverlapGuard<T>(tx: Prisma.TransactionClient, slot: SlotParties, write: () => Promise<T>): Promise<T> {
  let lastConstraint: string | undefined;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    await tx.$executeRawUnsafe('SAVEPOINT appointment_write');
    try {
      const result = await write();
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT appointment_write');
      return result;
    } catch (error) {
      const info = postgresErrorInfo(error);
      if (info?.sqlState !== SQLSTATE.exclusionViolation && info?.sqlState !== SQLSTATE.deadlockDetected) throw error;
      await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT appointment_write');
      lastConstraint = info.constraint ?? lastConstraint;
      const overlaps = await findOverlaps(tx, slot);
      const kind = overlapKindOfConstraint(info.constraint);
      // Name the constraint's own kind first: that is the one PostgreSQL refused.
      const ordered = kind ? [...overlaps.filter((o) => o.kind === kind), ...overlaps.filter((o) => o.kind !== kind)] : overlaps;
      if (ordered.length > 0) throw overlapConflict(ordered);
    }
  }
  const kind = overlapKindOfConstraint(lastConstraint);
  throw new ConflictError('The slot was taken by another booking at the same moment; reload and try again', [
    { entity: 'appointment', message: `overlaps another active appointment${kind ? ` of the same ${kind}` : ''}` },
  ]);
}

/** The 409 for a slot already held: the detail names the first appointment, `conflicts` names them all. */
export function overlapConflict(overlaps: Parameters<typeof toProblemConflicts>[0]): ConflictError {
  return new ConflictError(`The slot is taken: ${overlaps[0].message}`, toProblemConflicts(overlaps));
}
