import { DateTime } from 'luxon';

/** "Tue 10 Mar 2026, 10:00": an instant at the offset the API sent it with (the clinic's), whatever the browser's zone. */
export function formatReportInstant(iso: string | null): string {
  if (!iso) return '–';
  return DateTime.fromISO(iso, { setZone: true }).toFormat('ccc d LLL yyyy, HH:mm');
}

/** "10 Mar 2026" for a YYYY-MM-DD date. */
export function formatReportDate(date: string | null): string {
  if (!date) return '–';
  return DateTime.fromISO(date).toFormat('d LLL yyyy');
}

/** "10:00–16:00" for a working period's instants. */
export function formatTimeSpan(startsAt: string, endsAt: string): string {
  const clock = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toFormat('HH:mm');
  return `${clock(startsAt)}–${clock(endsAt)}`;
}
