import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';

const QUARTER_HOUR_MS = 15 * 60_000;
/** Offsets remembered per zone; a day list touches a handful of quarter hours, a year's export a few thousand. */
const MAX_REMEMBERED_PER_ZONE = 50_000;

/** zone → quarter hour (ms since the epoch / 15 min) → the zone's offset in minutes throughout that quarter hour. */
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset (minutes east of UTC) at `ms`. Every offset change in the tz database since the local-mean-time
 * era falls on a quarter hour of UTC, so the offset is looked up once per zone and quarter hour; a quarter hour whose
 * two ends disagree (a change inside it) is never remembered and is asked instant by instant.
 */
function offsetAt(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let zone = offsets.get(timeZone);
  const known = zone?.get(quarter);
  if (known !== undefined) return known;
  const start = tzOffset(timeZone, new Date(quarter * QUARTER_HOUR_MS));
  const end = tzOffset(timeZone, new Date((quarter + 1) * QUARTER_HOUR_MS - 1));
  if (start !== end) return tzOffset(timeZone, new Date(ms));
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  if (zone.size >= MAX_REMEMBERED_PER_ZONE) zone.clear();
  zone.set(quarter, start);
  return start;
}

const two = (value: number) => (value < 10 ? `0${value}` : String(value));

/**
 * An instant as ISO 8601 with the offset it has in `timeZone`, to the second: `2026-03-08T10:00:00-07:00`, as
 * date-fns `format(new TZDate(instant, zone), "yyyy-MM-dd'T'HH:mm:ssxxx")` writes it. Built by hand from a cached
 * offset because formatting every timestamp of a day list through date-fns was a quarter of the API's CPU there
 * (bench/RESULTS.md, Schedule day). Unusual inputs (offsets with seconds, years outside 0000-9999, an unknown zone)
 * go through date-fns, which says what it makes of them.
 */
export function isoInZone(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const offset = Number.isFinite(ms) ? offsetAt(ms, timeZone) : Number.NaN;
  if (!Number.isInteger(offset)) return format(new TZDate(ms, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
  const local = new Date(ms + offset * 60_000);
  const year = local.getUTCFullYear();
  if (year < 0 || year > 9999) return format(new TZDate(ms, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
  const sign = offset < 0 ? '-' : '+';
  const magnitude = Math.abs(offset);
  return (
    `${String(year).padStart(4, '0')}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}` +
    `T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}` +
    `${sign}${two(Math.floor(magnitude / 60))}:${two(magnitude % 60)}`
  );
}
