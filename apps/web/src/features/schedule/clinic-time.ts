import { DateTime } from 'luxon';

/**
 * Wall-clock arithmetic in the clinic's IANA zone. The schedule shows and books times as the clinic sees them,
 * whatever the browser's own zone, and luxon's zone rules (not offset sums) decide the instant on DST days.
 *
 * The API is the authority on the clinic's zone rules: it sends every instant with the clinic's offset in force
 * (`10:00-08:00`), and those times are shown as sent. Re-deriving them with the browser's own zone database would
 * disagree with the API (and with its reminders and calendar feed) whenever the two databases differ, as they do
 * when a province changes its rules and one side has not updated yet. For the same reason, times the person types or
 * clicks are never turned into instants here: requests carry them as the clinic's wall clock (`localStartsAt`,
 * `2026-03-09T10:15`) and the API resolves them with its own rules. Only the visible range of the schedule and the
 * "now" line use the browser's rules, and only approximately (the range is padded, then filtered by the API's dates).
 */

/** A clinic wall-clock date and time as requests carry it: `YYYY-MM-DDTHH:mm`, no offset. */
export type LocalDateTime = string;

/** Hours added on both sides of a visible range, so browser zone rules an hour off from the API's miss nothing. */
const RANGE_PADDING_HOURS = 3;

/** An instant as the API expects it: ISO 8601 with the clinic's offset, no milliseconds. */
function toWire(value: DateTime): string {
  const iso = value.toISO({ suppressMilliseconds: true });
  if (!iso) throw new Error(`Invalid date time: ${value.invalidExplanation ?? 'unknown reason'}`);
  return iso;
}

/** Today's date (YYYY-MM-DD) at the clinic. */
export function clinicToday(timeZone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? '';
}

/** True for a YYYY-MM-DD string that names a real date. */
export function isIsoDate(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

/** The instants to ask the API for around [start, end) at the clinic, padded (see RANGE_PADDING_HOURS). */
function paddedRange(start: DateTime, end: DateTime): { from: string; to: string } {
  return { from: toWire(start.minus({ hours: RANGE_PADDING_HOURS })), to: toWire(end.plus({ hours: RANGE_PADDING_HOURS })) };
}

/**
 * The query range for one clinic day: a little more than the day (padded), so keep only the appointments whose
 * `localStart` falls on it (`onLocalDays`).
 */
export function dayRange(date: string, timeZone: string): { from: string; to: string } {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  return paddedRange(start, start.plus({ days: 1 }));
}

/** The query range for the Monday-to-Sunday week holding `date`, padded like `dayRange`. */
export function weekRange(date: string, timeZone: string): { from: string; to: string } {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('week');
  return paddedRange(start, start.plus({ weeks: 1 }));
}

/** The Monday (YYYY-MM-DD) of the week holding `date`. */
export function weekStart(date: string): string {
  return DateTime.fromISO(date).startOf('week').toISODate() ?? date;
}

/** The items whose API wall-clock start (`localStart`) falls on one of `days` dates from `firstDate`. */
export function onLocalDays<T extends { localStart: string }>(items: readonly T[], firstDate: string, days: number): T[] {
  const end = addDays(firstDate, days);
  return items.filter((item) => {
    const day = item.localStart.slice(0, 10);
    return day >= firstDate && day < end;
  });
}

/** `date` moved by whole days (negative goes back). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate() ?? date;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  return DateTime.fromISO(date).weekday;
}

/** A typed local date and "HH:MM" as the wall clock a request carries (`2026-03-09T10:00`): no zone rules applied. */
export function localDateTime(date: string, time: string): LocalDateTime {
  return `${date}T${time}`;
}

/**
 * An instant as the clinic's wall clock: at the offset the API sent it with, or, for a UTC (`Z`) string, converted
 * to the clinic's zone.
 */
function atClinic(iso: string, timeZone: string): DateTime {
  return /z$/i.test(iso) ? DateTime.fromISO(iso).setZone(timeZone) : DateTime.fromISO(iso, { setZone: true });
}

/** The clinic-local date (YYYY-MM-DD) and "HH:MM" of an instant. */
export function instantToLocal(iso: string, timeZone: string): { date: string; time: string } {
  const local = atClinic(iso, timeZone);
  return { date: local.toISODate() ?? '', time: local.toFormat('HH:mm') };
}

/**
 * The clinic wall-clock of an instant without an offset (`2026-03-09T10:00:00`): the calendar runs on wall-clock
 * time (its `UTC` mode), so what it draws is what the API says, on any browser.
 */
export function toWallClock(iso: string, timeZone: string): string {
  return atClinic(iso, timeZone).toFormat("yyyy-LL-dd'T'HH:mm:ss");
}

/**
 * The clinic wall clock of a slot the calendar hands back (`2026-03-09T10:15:00Z` in its `UTC` mode, where the `Z`
 * only means "no zone"): `2026-03-09T10:15`, for the API to resolve.
 */
export function fromWallClock(wallClock: string): LocalDateTime {
  return wallClock.slice(0, 16);
}

/** The clinic wall clock (`YYYY-MM-DDTHH:mm`) of an instant the API sent, at the offset it was sent with. */
export function toLocalDateTime(iso: string, timeZone: string): LocalDateTime {
  return atClinic(iso, timeZone).toFormat("yyyy-LL-dd'T'HH:mm");
}

/**
 * A wall clock as a date-time without zone rules (read as UTC, which has none), for display and minute arithmetic on
 * the wall clock itself.
 */
const wallClockOf = (local: LocalDateTime) => DateTime.fromISO(local, { zone: 'UTC' });

/** "Tue 10 Mar 2026, 10:00" for a clinic wall clock. */
export function formatLocalDateTime(local: LocalDateTime): string {
  return wallClockOf(local).toFormat('ccc d LLL yyyy, HH:mm');
}

/**
 * "10:30": the wall clock `minutes` after `local`, by wall-clock arithmetic. Used only to show where a booking will
 * end; across a clock change the API's answer (shown once booked) is the truth.
 */
export function formatLocalTimeAfter(local: LocalDateTime, minutes: number): string {
  return wallClockOf(local).plus({ minutes }).toFormat('HH:mm');
}

/** The clinic's wall-clock now, for the calendar's "now" line. */
export function wallClockNow(timeZone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toFormat("yyyy-LL-dd'T'HH:mm:ss");
}

/** "10:00" at the clinic. */
export function formatClinicTime(iso: string, timeZone: string): string {
  return atClinic(iso, timeZone).toFormat('HH:mm');
}

/** "Tue 10:00" at the clinic. */
export function formatClinicWeekdayTime(iso: string, timeZone: string): string {
  return atClinic(iso, timeZone).toFormat('ccc HH:mm');
}

/** "Tue 10 Mar 2026, 10:00" at the clinic. */
export function formatClinicDateTime(iso: string, timeZone: string): string {
  return atClinic(iso, timeZone).toFormat('ccc d LLL yyyy, HH:mm');
}

/** "Tuesday 10 March 2026" for a YYYY-MM-DD date. */
export function formatLongDate(date: string): string {
  return DateTime.fromISO(date).toFormat('cccc d LLLL yyyy');
}
