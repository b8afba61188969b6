import { Temporal } from 'temporal-polyfill';
import { RuleViolationError } from '../common/problem/domain-errors';

/**
 * The API is the only authority on the clinic's zone rules: the web sends the wall-clock time a person clicked or
 * typed (`2026-11-24T18:15`), and this turns it into an instant with the server's zone database. A browser with other
 * rules for the zone (newer or older tz data) would otherwise book an hour off.
 *
 * Temporal's disambiguation decides, not offset sums: in a repeated hour (clocks go back) the earlier of the two
 * instants is booked, as a receptionist saying "01:30" that night most likely means the first one; a time the clocks
 * skip (they go forward) does not exist, so it is refused rather than silently moved.
 */
export function resolveClinicLocalTime(local: string, timeZone: string, field: string): Date {
  const wallClock = Temporal.PlainDateTime.from(local);
  const earlier = wallClock.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  // For a skipped time, 'earlier' lands before the gap with another wall clock; otherwise it keeps the one asked for.
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), wallClock) !== 0) {
    const message = `${field}: ${local} does not exist in ${timeZone} (the clocks go forward then); choose another time`;
    throw new RuleViolationError(message, [{ rule: 'nonexistent-local-time', message }]);
  }
  return new Date(earlier.epochMilliseconds);
}

/** The start a request asks for: the instant as sent, or the clinic wall clock resolved here; undefined when neither. */
export function requestedStart(body: { startsAt?: string; localStartsAt?: string }, timeZone: string, field = 'localStartsAt'): Date | undefined {
  if (body.startsAt !== undefined) return new Date(body.startsAt);
  if (body.localStartsAt !== undefined) return resolveClinicLocalTime(body.localStartsAt, timeZone, field);
  return undefined;
}
