/**
 * Calendar arithmetic for the large chain without a Date per slot: a local calendar day is a day number (days since
 * 1970-01-01), a wall-clock time is minutes after local midnight, and a zone's UTC offset is looked up once per day.
 * Clinics work between 07:30 and 19:00, after any daylight-saving change (02:00), so the offset a day has at noon is
 * the offset of every appointment that day.
 */
export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** YYYY-MM-DD to its day number. */
export function dayNumberOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** Day number to YYYY-MM-DD. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday .. 7 = Sunday) of a day number; day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(day: number): number {
  return ((day + 3) % 7 + 7) % 7 + 1;
}

const offsets = new Map<string, number>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in minutes (Vancouver in summer: -420) on that local day, after 02:00. */
export function offsetMinutes(timeZone: string, day: number): number {
  const key = `${timeZone}|${day}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let formatter = formatters.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
      formatters.set(timeZone, formatter);
    }
    // 12:00 UTC is early morning in the Americas, after the 02:00 change.
    const name = formatter.formatToParts(new Date(day * DAY_MS + 12 * 3_600_000)).find((part) => part.type === 'timeZoneName')!.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
    offsets.set(key, offset);
  }
  return offset;
}

/** The instant (ms) of a wall-clock time on a local day in a zone. */
export function instantOf(timeZone: string, day: number, minutes: number): number {
  return day * DAY_MS + minutes * MINUTE_MS - offsetMinutes(timeZone, day) * MINUTE_MS;
}

/** The local day number an instant falls on in a zone (for appointments: always a working day's own number). */
export function localDayOf(timeZone: string, instant: number): number {
  const guess = Math.floor(instant / DAY_MS);
  for (const day of [guess - 1, guess, guess + 1]) {
    const start = instantOf(timeZone, day, 0);
    if (instant >= start && instant < start + DAY_MS) return day;
  }
  return guess;
}

/** `timestamp without time zone` text of a wall-clock time: `2026-03-09 08:30:00`. */
export function localTimestampText(day: number, minutes: number): string {
  return `${dateOfDay(day)} ${hhmm(minutes)}:00`;
}

export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
