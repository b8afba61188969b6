import { Temporal } from 'temporal-polyfill';

/** Why a local wall-clock time is unusual on its day: it does not exist (spring forward) or exists twice (fall back). */
export type DstFlag = 'skipped_hour' | 'repeated_hour';

export interface ResolvedWallClock {
  /** The instant the time is booked at: the earlier of two for a repeated hour, the zone's 'later' for a gap. */
  instant: Temporal.Instant;
  dst: DstFlag | null;
}

/**
 * The instant of a local date and wall-clock time in an IANA zone, saying when the zone's rules make it ambiguous.
 * Temporal's 'earlier' and 'later' disambiguations agree for an ordinary time; for a repeated hour they give the
 * same wall clock at two offsets; for a skipped hour 'earlier' lands before the gap with another wall clock.
 */
export function resolveWallClock(local: Temporal.PlainDateTime, timeZone: string): ResolvedWallClock {
  const earlier = local.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = local.toZonedDateTime(timeZone, { disambiguation: 'later' });
  if (earlier.epochNanoseconds === later.epochNanoseconds) return { instant: earlier.toInstant(), dst: null };
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), local) === 0) return { instant: earlier.toInstant(), dst: 'repeated_hour' };
  return { instant: later.toInstant(), dst: 'skipped_hour' };
}

/** An instant as the wire shows it: ISO 8601 with the zone's offset, to the second (`2026-03-08T10:00:00-07:00`). */
export function isoInZone(instant: Temporal.Instant | Date, timeZone: string): string {
  return toInstant(instant).toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** The local date and wall-clock time of an instant in a zone. */
export function localDateTimeOf(instant: Temporal.Instant | Date, timeZone: string): Temporal.PlainDateTime {
  return toInstant(instant).toZonedDateTimeISO(timeZone).toPlainDateTime();
}

/** `2026-03-08T10:00`: the wall clock as Appointment.localStart shows it (meaningful only with the zone). */
export function localStartText(local: Temporal.PlainDateTime): string {
  return local.toString({ smallestUnit: 'minute' });
}

export function toInstant(value: Temporal.Instant | Date | string): Temporal.Instant {
  if (value instanceof Temporal.Instant) return value;
  if (value instanceof Date) return Temporal.Instant.fromEpochMilliseconds(value.getTime());
  return Temporal.Instant.from(value);
}

export function toDate(instant: Temporal.Instant): Date {
  return new Date(instant.epochMilliseconds);
}
