import { Injectable } from '@nestjs/common';
import type { Prisma } from '@ims/prisma';
import { NotFoundError } from '../common/problem/domain-errors';
import { wallClockOf } from '../clinicians/working-hours';
import { findOverlaps, type OverlapKind } from './conflict-lookup';
import { slotRuleFindings, type RuleFinding } from './booking-rules';

/** One reason a slot cannot be booked as asked: an overlapping appointment or a broken booking rule. */
export interface SlotConflict {
  kind: OverlapKind | RuleFinding['kind'];
  /** The appointment holding the slot, for clinician/room/patient overlaps. */
  appointmentId?: string;
  message: string;
}

export interface SlotCheck {
  clinicId: string;
  clinicianId: string;
  roomId?: string | null;
  patientId: string;
  startsAt: Date;
  endsAt: Date;
  /** The appointment being moved, which never conflicts with itself. */
  ignoreAppointmentId?: string;
}

/** Rule kinds a manager may override with a reason; overlaps can never be overridden. */
export const OVERRIDABLE_KINDS: ReadonlySet<SlotConflict['kind']> = new Set(['working_hours', 'opening_hours', 'time_off']);

export const isOverlap = (conflict: SlotConflict): boolean => !OVERRIDABLE_KINDS.has(conflict.kind);

/**
 * Everything that stands in the way of a slot, used by single bookings, moves and course previews/commits alike.
 * It assumes the ids were already checked to belong to the caller's organisation and to fit together.
 */
@Injectable()
export class AppointmentRulesService {
  /**
   * Overlapping active appointments of the clinician, room or patient (kinds `clinician`, `room`, `patient`, with
   * `appointmentId`), then the rules the slot breaks: the clinician's working hours at this clinic
   * (`working_hours`), the clinic's opening hours once set (`opening_hours`) and the clinician's time off
   * (`time_off`). Empty when the slot is bookable. Pass the transaction the booking will be written in.
   */
  async checkSlot(slot: SlotCheck, tx: Prisma.TransactionClient): Promise<SlotConflict[]> {
    const clinic = await tx.clinic.findUnique({ where: { id: slot.clinicId }, select: { organisationId: true, name: true, timeZone: true } });
    if (!clinic) throw new NotFoundError('clinic', slot.clinicId);
    // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
    const clinician = await tx.clinician.findUnique({ where: { id: slot.clinicianId }, select: { displayName: true } });
    const workingHours = await tx.workingHours.findMany({ where: { clinicianId: slot.clinicianId, clinicId: slot.clinicId } });
    const openingHours = await tx.clinicOpeningHours.findMany({ where: { clinicId: slot.clinicId } });
    const timeOff = await tx.clinicianTimeOff.findMany({
      where: { clinicianId: slot.clinicianId, startsAt: { lt: slot.endsAt }, endsAt: { gt: slot.startsAt } },
      select: { startsAt: true, endsAt: true },
    });
    const overlaps = await findOverlaps(tx, { ...slot, organisationId: clinic.organisationId });
    if (!clinician) throw new NotFoundError('clinician', slot.clinicianId);
    const findings = slotRuleFindings({
      slot,
      timeZone: clinic.timeZone,
      clinicianName: clinician.displayName,
      clinicName: clinic.name,
      workingHours: workingHours.map((h) => ({ weekday: h.weekday, start: wallClockOf(h.startTime), end: wallClockOf(h.endTime) })),
      openingHours: openingHours.map((h) => ({ weekday: h.weekday, start: wallClockOf(h.opensAt), end: wallClockOf(h.closesAt) })),
      timeOff,
    });
    return [...overlaps, ...findings];
  }
}
