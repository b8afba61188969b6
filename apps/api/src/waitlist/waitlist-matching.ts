import { localDateTimeOf } from '../appointment-series/wall-clock';

/** What a waitlist entry asks for, as the table keeps it ("HH:MM" wall clock in the clinic's zone). */
export interface WaitlistWish {
  appointmentTypeId: string | null;
  preferredClinicianIds: readonly string[];
  preferredWeekdays: readonly number[];
  earliestTime: string | null;
  latestTime: string | null;
}

/** A freed slot: a clinician's interval that a cancelled, no-show or moved appointment left empty. */
export interface FreedSlot {
  clinicianId: string;
  appointmentTypeId: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * True when the slot is what the entry waits for: one of its clinicians (none listed: any), one of its weekdays (none:
 * any), inside its time window on the clinic's wall clock, and its appointment type (none: any). A slot that runs
 * past local midnight fits no window.
 */
export function slotMatchesWish(slot: FreedSlot, wish: WaitlistWish, timeZone: string): boolean {
  if (wish.appointmentTypeId && wish.appointmentTypeId !== slot.appointmentTypeId) return false;
  if (wish.preferredClinicianIds.length > 0 && !wish.preferredClinicianIds.includes(slot.clinicianId)) return false;
  const start = localDateTimeOf(slot.startsAt, timeZone);
  const end = localDateTimeOf(slot.endsAt, timeZone);
  if (wish.preferredWeekdays.length > 0 && !wish.preferredWeekdays.includes(start.dayOfWeek)) return false;
  const startClock = start.toPlainTime().toString({ smallestUnit: 'minute' });
  const sameDay = end.toPlainDate().equals(start.toPlainDate());
  const endClock = sameDay ? end.toPlainTime().toString({ smallestUnit: 'minute' }) : '24:00';
  if (wish.earliestTime && startClock < wish.earliestTime) return false;
  if (wish.latestTime && endClock > wish.latestTime) return false;
  return true;
}

/** Waitlist order: most urgent priority first (1), then who has waited longest. */
export function byPriorityThenAge(a: { priority: number; createdAt: Date }, b: { priority: number; createdAt: Date }): number {
  return a.priority - b.priority || a.createdAt.getTime() - b.createdAt.getTime();
}
