import { Temporal } from 'temporal-polyfill';
import { type DstFlag, localDateTimeOf, resolveWallClock, toInstant } from './wall-clock';

export interface SeriesPattern {
  /** ISO weekdays (1 = Monday … 7 = Sunday) for a weekly course. */
  weekdays?: readonly number[];
  /** Or one session every N days. */
  intervalDays?: number;
}

export interface SeriesPlanInput extends SeriesPattern {
  /** The clinic's IANA zone: it alone gives the wall clock its meaning. */
  timeZone: string;
  /** The first session, an instant; its local date and wall-clock time in `timeZone` anchor the course. */
  firstStartsAt: string | Date | Temporal.Instant;
  durationMinutes: number;
  count: number;
}

export interface PlannedOccurrence {
  /** The local wall clock the session keeps, whatever the zone's offset that day. */
  localStart: Temporal.PlainDateTime;
  startsAt: Temporal.Instant;
  endsAt: Temporal.Instant;
  dst: DstFlag | null;
  /**
   * False when the wall clock does not exist that day (skipped hour): the occurrence is shown, never moved
   * silently, and the receptionist picks another time. A repeated hour is bookable (the earlier instant).
   */
  available: boolean;
}

/**
 * The local dates of a course. Weekly: the first date, then every later date whose ISO weekday is listed (the first
 * date counts even when its weekday is not listed: it is the session the receptionist chose). Every N days: the
 * first date plus multiples of N calendar days (calendar days, not 24-hour periods, so DST cannot shift them).
 */
export function seriesDates(first: Temporal.PlainDate, pattern: SeriesPattern, count: number): Temporal.PlainDate[] {
  const dates = [first];
  if (pattern.intervalDays) {
    for (let i = 1; i < count; i += 1) dates.push(first.add({ days: i * pattern.intervalDays }));
    return dates;
  }
  const weekdays = new Set(pattern.weekdays ?? []);
  if (weekdays.size === 0) throw new Error('a series needs weekdays or intervalDays');
  for (let day = first.add({ days: 1 }); dates.length < count; day = day.add({ days: 1 })) {
    if (weekdays.has(day.dayOfWeek)) dates.push(day);
  }
  return dates;
}

/**
 * The occurrences of a course in local wall-clock time: each keeps the first session's local time in the clinic's
 * zone (a weekly Tuesday 10:00 stays 10:00 across DST, so its UTC offset changes), with the DST flag of its day.
 * Pure: no database, no clock.
 */
export function planSeries(input: SeriesPlanInput): PlannedOccurrence[] {
  const firstInstant = toInstant(input.firstStartsAt);
  const firstLocal = localDateTimeOf(firstInstant, input.timeZone);
  const wallClock = firstLocal.toPlainTime();
  return seriesDates(firstLocal.toPlainDate(), input, input.count).map((date, index) => {
    const occurrence = occurrenceOn(date, wallClock, input.timeZone, input.durationMinutes);
    if (index > 0) return occurrence;
    // The first session is the instant the receptionist picked (in a repeated hour it may be the later one).
    return { ...occurrence, startsAt: firstInstant, endsAt: firstInstant.add({ minutes: input.durationMinutes }) };
  });
}

/** The same local wall clock on another date, with its DST flag (used for "next days at the same time"). */
export function occurrenceOn(date: Temporal.PlainDate, wallClock: Temporal.PlainTime, timeZone: string, durationMinutes: number): PlannedOccurrence {
  const localStart = date.toPlainDateTime(wallClock);
  const resolved = resolveWallClock(localStart, timeZone);
  return {
    localStart,
    startsAt: resolved.instant,
    endsAt: resolved.instant.add({ minutes: durationMinutes }),
    dst: resolved.dst,
    available: resolved.dst !== 'skipped_hour',
  };
}
