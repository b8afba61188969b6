import { isLightColor } from '@mantine/core';
import type { Appointment, AppointmentStatus, AppointmentType } from '@ims/contracts';
import type { EventInput } from '@fullcalendar/core';
import { toWallClock } from './clinic-time';

/**
 * Distinct, readable-on-white colours for appointment types, assigned in the order of the clinic's type list so
 * each type keeps its colour while the list does not change.
 */
export const TYPE_PALETTE = ['#1971c2', '#2f9e44', '#e8590c', '#9c36b5', '#0c8599', '#c2255c', '#5c940d', '#f08c00'] as const;

/** Colour of a type missing from the list (deleted or another clinic's): neutral grey. */
export const UNKNOWN_TYPE_COLOUR = '#868e96';

/** Statuses that no longer hold the slot: drawn faded and struck through, never draggable. */
const INACTIVE: ReadonlySet<AppointmentStatus> = new Set(['cancelled', 'no_show']);

const STATUS_LABEL: Record<AppointmentStatus, string | undefined> = {
  booked: undefined,
  arrived: 'arrived',
  completed: 'completed',
  cancelled: 'cancelled',
  no_show: 'no-show',
};

/** Colour per appointment type id, in list order, cycling through the palette. */
export function typeColours(types: readonly Pick<AppointmentType, 'id'>[]): Map<string, string> {
  return new Map(types.map((type, index) => [type.id, TYPE_PALETTE[index % TYPE_PALETTE.length]!]));
}

/** `#rrggbb` at a given opacity, as `#rrggbbaa`. */
function withAlpha(hex: string, alpha: number): string {
  const byte = Math.round(alpha * 255).toString(16).padStart(2, '0');
  return `${hex}${byte}`;
}

export interface ToCalendarEventsOptions {
  /** From {@link typeColours}. */
  colours: ReadonlyMap<string, string>;
  /** Whether the viewer may move appointments (drag); only booked ones ever move. */
  canMove: boolean;
}

/**
 * Appointments as FullCalendar events on the clinic's wall clock: coloured by type, styled by status (arrived outlined and marked, cancelled
 * and no-show faded and struck through, listed after the active ones), draggable only while booked.
 */
export function toCalendarEvents(appointments: readonly Appointment[], options: ToCalendarEventsOptions): EventInput[] {
  return appointments.map((appointment) => {
    const colour = options.colours.get(appointment.appointmentTypeId) ?? UNKNOWN_TYPE_COLOUR;
    const inactive = INACTIVE.has(appointment.status);
    const label = STATUS_LABEL[appointment.status];
    const title = `${appointment.patientName} · ${appointment.appointmentTypeName}${label ? ` (${label})` : ''}`;
    return {
      id: appointment.id,
      title,
      // The calendar runs on the clinic's wall clock as the API states it (see clinic-time.ts).
      start: toWallClock(appointment.startsAt, appointment.timeZone),
      end: toWallClock(appointment.endsAt, appointment.timeZone),
      backgroundColor: inactive ? withAlpha(colour, 0.15) : colour,
      borderColor: appointment.status === 'arrived' ? '#2b8a3e' : colour,
      // Admins pick type colours freely: the text takes whichever of dark and white reads on it (WCAG AA).
      textColor: inactive ? '#495057' : isLightColor(colour) ? '#000000' : '#ffffff',
      classNames: [`appointment-status-${appointment.status.replace('_', '-')}`, ...(inactive ? ['appointment-inactive'] : [])],
      startEditable: options.canMove && appointment.status === 'booked',
      durationEditable: false,
      extendedProps: { appointment, inactive },
    };
  });
}
