import { TZDate } from '@date-fns/tz';

const BLOCK_MS = 15 * 60_000;

/**
 * Keeps which 15-minute blocks each clinician, room and patient is already booked for, so the seed never creates
 * the double bookings the database will refuse.
 */
export class SlotBook {
  private readonly taken = new Set<string>();

  isFree(keys: string[], startsAt: Date, endsAt: Date): boolean {
    for (const block of blocks(startsAt, endsAt)) {
      for (const key of keys) if (this.taken.has(`${key}|${block}`)) return false;
    }
    return true;
  }

  take(keys: string[], startsAt: Date, endsAt: Date): void {
    for (const block of blocks(startsAt, endsAt)) for (const key of keys) this.taken.add(`${key}|${block}`);
  }
}

function* blocks(startsAt: Date, endsAt: Date): Generator<number> {
  for (let t = startsAt.getTime(); t < endsAt.getTime(); t += BLOCK_MS) yield Math.floor(t / BLOCK_MS);
}

/** The instant of a wall-clock time in a time zone (date parts of `day` as seen in that zone). */
export function atLocalTime(day: TZDate, time: string, timeZone: string): TZDate {
  const [hours, minutes] = time.split(':').map(Number);
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, 0, timeZone);
}

/** Wall-clock fields of an instant in its zone, stored as a UTC Date (the `timestamp without time zone` column). */
export function wallClock(instant: TZDate): Date {
  return new Date(
    Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate(), instant.getHours(), instant.getMinutes()),
  );
}

/** A `time` column value from "HH:MM". */
export function timeOfDay(time: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(Date.UTC(1970, 0, 1, hours, minutes));
}
