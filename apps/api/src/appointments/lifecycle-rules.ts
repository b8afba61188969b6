import type { AppointmentStatus } from '@ims/contracts';
import { dayIn } from '../clinicians/needling-authorisation';

/**
 * The appointment lifecycle: booked → arrived → completed, or booked → cancelled / no-show. Pure functions of the
 * appointment and "now", so the edges (the notice boundary, the clinic's day) are unit-tested exactly.
 */
export type LifecycleAction = 'arrive' | 'no_show' | 'cancel' | 'complete';

/** The status each action leads to. */
export const TARGET_STATUS: Record<LifecycleAction, AppointmentStatus> = {
  arrive: 'arrived',
  no_show: 'no_show',
  cancel: 'cancelled',
  complete: 'completed',
};

/**
 * Where each action may start from. Completing a still-booked appointment is allowed because signing the visit
 * note is the proof the visit happened, even when nobody marked the arrival.
 */
const ALLOWED_FROM: Record<LifecycleAction, readonly AppointmentStatus[]> = {
  arrive: ['booked'],
  no_show: ['booked'],
  cancel: ['booked'],
  complete: ['booked', 'arrived'],
};

export interface LifecycleSubject {
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}

/** A refusal in the words of rule `status-transition`; undefined when the action may go ahead now. */
export function transitionRefusal(action: LifecycleAction, appointment: LifecycleSubject, now: Date): string | undefined {
  if (!ALLOWED_FROM[action].includes(appointment.status)) {
    return `an appointment that is ${appointment.status.replace('_', '-')} cannot be marked ${TARGET_STATUS[action].replace('_', '-')}`;
  }
  if (action === 'no_show' && now.getTime() < appointment.startsAt.getTime()) {
    return 'a no-show can only be recorded once the appointment has started';
  }
  if (action === 'arrive' && dayIn(appointment.timeZone, now) !== dayIn(appointment.timeZone, appointment.startsAt)) {
    return "an arrival can only be recorded on the appointment's day";
  }
  if (action === 'cancel' && now.getTime() >= appointment.endsAt.getTime()) {
    return 'an appointment that has ended cannot be cancelled; record a no-show instead';
  }
  return undefined;
}

/**
 * A cancellation is late when it comes less than `noticeHours` before the start (exactly at the notice boundary is
 * still in time). Late cancellations are reported separately from timely ones; neither counts as delivered.
 */
export function isLateCancellation(startsAt: Date, now: Date, noticeHours: number): boolean {
  return startsAt.getTime() - now.getTime() < noticeHours * 3_600_000;
}
