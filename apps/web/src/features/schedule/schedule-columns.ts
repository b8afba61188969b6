import type { EventInput } from '@fullcalendar/core';
import type { Appointment, Clinician, Room } from '@ims/contracts';
import { clinicianBusinessHours, openingBusinessHours, toBusinessHours } from './calendar-config';
import type { ScheduleColumn } from './components/day-columns';

/** The id of the rooms view's column for appointments booked without a room. */
export const NO_ROOM = 'no-room';

const appointmentOf = (event: EventInput) => (event.extendedProps as { appointment: Appointment }).appointment;

/**
 * One column per clinician working at the clinic, plus one for any clinician who has appointments there today but
 * is no longer listed (left the clinic): an appointment is never hidden because its column is missing.
 */
export function clinicianColumns(options: { clinicians: readonly Clinician[]; clinicId: string; events: EventInput[] }): ScheduleColumn[] {
  const columns: ScheduleColumn[] = options.clinicians.map((clinician) => ({
    id: clinician.id,
    heading: clinician.name,
    events: options.events.filter((event) => appointmentOf(event).clinicianId === clinician.id),
    businessHours: clinicianBusinessHours(clinician, options.clinicId),
  }));
  const listed = new Set(columns.map((column) => column.id));
  const unlisted = new Map<string, ScheduleColumn>();
  for (const event of options.events) {
    const { clinicianId, clinicianName } = appointmentOf(event);
    if (listed.has(clinicianId)) continue;
    const column = unlisted.get(clinicianId) ?? { id: clinicianId, heading: clinicianName, events: [], businessHours: toBusinessHours([]) };
    column.events.push(event);
    unlisted.set(clinicianId, column);
  }
  return [...columns, ...unlisted.values()];
}

/** One column per bookable room, plus "No room" when some appointments have none. */
export function roomColumns(options: {
  rooms: readonly Room[];
  openingHours: readonly { weekday: number; opensAt: string; closesAt: string }[];
  events: EventInput[];
}): ScheduleColumn[] {
  const businessHours = openingBusinessHours(options.openingHours);
  const columns: ScheduleColumn[] = options.rooms.map((room) => ({
    id: room.id,
    heading: room.name,
    events: options.events.filter((event) => appointmentOf(event).roomId === room.id),
    businessHours,
  }));
  const known = new Set(options.rooms.map((room) => room.id));
  const roomless = options.events.filter((event) => {
    const { roomId } = appointmentOf(event);
    return roomId === null || !known.has(roomId);
  });
  if (roomless.length > 0) columns.push({ id: NO_ROOM, heading: 'No room', events: roomless, businessHours });
  return columns;
}
