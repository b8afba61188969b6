import type { BusinessHoursInput } from '@fullcalendar/core';
import type { Clinician } from '@ims/contracts';

interface WeeklyHours {
  weekday: number;
  start: string;
  end: string;
}

/** ISO weekday (1 = Monday … 7 = Sunday) as FullCalendar counts days (0 = Sunday). */
const calendarDay = (isoWeekday: number) => isoWeekday % 7;

/** Weekly hours as FullCalendar business hours: the rest of the grid is shaded. None at all shades everything. */
export function toBusinessHours(hours: readonly WeeklyHours[]): BusinessHoursInput {
  if (hours.length === 0) return [{ daysOfWeek: [], startTime: '00:00', endTime: '00:00' }];
  return hours.map((entry) => ({ daysOfWeek: [calendarDay(entry.weekday)], startTime: entry.start, endTime: entry.end }));
}

/** A clinician's working hours at one clinic, shaded outside them in their column. */
export function clinicianBusinessHours(clinician: Pick<Clinician, 'workingHours'>, clinicId: string): BusinessHoursInput {
  return toBusinessHours(
    clinician.workingHours
      .filter((entry) => entry.clinicId === clinicId)
      .map((entry) => ({ weekday: entry.weekday, start: entry.start, end: entry.end })),
  );
}

/** The clinic's opening hours, for the room columns. */
export function openingBusinessHours(hours: readonly { weekday: number; opensAt: string; closesAt: string }[]): BusinessHoursInput {
  return toBusinessHours(hours.map((entry) => ({ weekday: entry.weekday, start: entry.opensAt, end: entry.closesAt })));
}

const DEFAULT_RANGE = { slotMinTime: '07:00:00', slotMaxTime: '20:00:00' };

/**
 * The hours the grid shows: from the earliest opening or working hour to the latest closing one, widened to
 * whole hours, so every column of the day shares one time axis. Without any hours, 07:00–20:00.
 */
export function visibleTimeRange(spans: readonly { start: string; end: string }[]): { slotMinTime: string; slotMaxTime: string } {
  if (spans.length === 0) return DEFAULT_RANGE;
  const starts = spans.map((span) => span.start).sort();
  const ends = spans.map((span) => span.end).sort();
  const first = Number(starts[0]!.slice(0, 2));
  const last = ends.at(-1)!;
  const lastHour = Number(last.slice(0, 2)) + (last.slice(3, 5) === '00' ? 0 : 1);
  const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00:00`;
  return { slotMinTime: pad(first), slotMaxTime: lastHour >= 24 ? '24:00:00' : pad(lastHour) };
}
