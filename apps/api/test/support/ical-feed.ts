// ical.js is an ES module with a CommonJS build; jest runs tests as CommonJS, so load that build with require.
const ICAL = require('ical.js') as typeof import('ical.js', { with: { 'resolution-mode': 'import' } }).default;
type IcalTime = InstanceType<typeof ICAL.Time>;

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  location: string | null;
  /** The TZID parameter of DTSTART as written in the feed. */
  tzid: string | null;
  /** DTSTART/DTEND as instants, resolved through the feed's own VTIMEZONE (what a calendar client would show). */
  start: Date;
  end: Date;
  dtstampIsUtc: boolean;
}

export interface ParsedCalendar {
  /** TZIDs of the VTIMEZONE components in the feed. */
  timezones: string[];
  events: ParsedEvent[];
  text: string;
}

/**
 * Parses an iCalendar feed with ical.js (Mozilla's parser): fails on malformed RFC 5545, and converts local times
 * with the VTIMEZONE blocks the feed carries, not with this machine's zone data.
 */
export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone').map((vtimezone) => new ICAL.Timezone(vtimezone));
  const byId = new Map(zones.map((zone) => [zone.tzid, zone]));
  const instant = (time: IcalTime, tzid: string | null): Date => {
    const zone = tzid ? byId.get(tzid) : undefined;
    if (tzid && !zone) throw new Error(`no VTIMEZONE for ${tzid}`);
    // A time with a TZID is floating until bound to its zone: bind it to the feed's VTIMEZONE explicitly.
    const bound = zone ? new ICAL.Time({ year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second }, zone) : time;
    return bound.toJSDate();
  };
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const dtstart = vevent.getFirstProperty('dtstart')!;
    const tzid = (dtstart.getParameter('tzid') as string | undefined) ?? null;
    const dtend = vevent.getFirstProperty('dtend')!;
    const dtstamp = vevent.getFirstPropertyValue('dtstamp') as IcalTime;
    return {
      uid: String(vevent.getFirstPropertyValue('uid')),
      sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      summary: String(vevent.getFirstPropertyValue('summary')),
      location: (vevent.getFirstPropertyValue('location') as string | null) ?? null,
      tzid,
      start: instant(dtstart.getFirstValue() as IcalTime, tzid),
      end: instant(dtend.getFirstValue() as IcalTime, (dtend.getParameter('tzid') as string | undefined) ?? null),
      dtstampIsUtc: dtstamp.zone === ICAL.Timezone.utcTimezone,
    };
  });
  return { timezones: zones.map((zone) => zone.tzid), events, text };
}
