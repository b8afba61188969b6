import { parseCalendar } from '../../test/support/ical-feed';
import { clinicianCalendar, patientLabel, type FeedAppointment } from './clinician-calendar';
import { hashFeedToken, newFeedToken } from './feed-token';

const appointment = (change: Partial<FeedAppointment> = {}): FeedAppointment => ({
  id: '0196f3a0-0000-7000-8000-000000000001',
  version: 1,
  status: 'booked',
  startsAt: new Date('2026-03-06T18:00:00Z'),
  endsAt: new Date('2026-03-06T18:30:00Z'),
  timeZone: 'America/Vancouver',
  createdAt: new Date('2026-02-01T10:00:00Z'),
  updatedAt: new Date('2026-02-02T10:00:00Z'),
  typeName: 'IMS treatment',
  clinicName: 'Kitsilano',
  roomName: 'Room 2',
  patient: { firstName: 'Patricia', preferredName: 'Pat', lastName: 'Thompson' },
  ...change,
});

describe('clinician calendar (RFC 5545)', () => {
  it('writes local times with TZID and a VTIMEZONE that gives back the stored instants, across DST', () => {
    const events = [
      // Friday before Vancouver's March change (PST, -08) and the Monday after (PDT, -07): both 10:00 local.
      appointment({ id: '0196f3a0-0000-7000-8000-00000000000a', startsAt: new Date('2026-03-06T18:00:00Z'), endsAt: new Date('2026-03-06T18:30:00Z') }),
      appointment({ id: '0196f3a0-0000-7000-8000-00000000000b', startsAt: new Date('2026-03-09T17:00:00Z'), endsAt: new Date('2026-03-09T17:30:00Z') }),
      appointment({ id: '0196f3a0-0000-7000-8000-00000000000c', timeZone: 'Europe/London', startsAt: new Date('2026-10-26T10:00:00Z'), endsAt: new Date('2026-10-26T10:45:00Z') }),
    ];
    const text = clinicianCalendar({ clinicianName: 'Dr Ames', appointments: events });
    const parsed = parseCalendar(text);
    expect(parsed.timezones.sort()).toEqual(['America/Vancouver', 'Europe/London']);
    expect(text).toContain('DTSTART;TZID=America/Vancouver:20260306T100000');
    expect(text).toContain('DTSTART;TZID=America/Vancouver:20260309T100000');
    expect(text).toContain('DTSTART;TZID=Europe/London:20261026T100000');
    expect(parsed.events.map((e) => [e.tzid, e.start.toISOString(), e.end.toISOString()])).toEqual(
      events.map((e) => [e.timeZone, e.startsAt.toISOString(), e.endsAt.toISOString()]),
    );
    expect(parsed.events.every((e) => e.dtstampIsUtc)).toBe(true);
  });

  it('gives each appointment a stable UID, SEQUENCE = version − 1, and STATUS:CANCELLED when cancelled', () => {
    const parsed = parseCalendar(
      clinicianCalendar({ clinicianName: 'Dr Ames', appointments: [appointment({ version: 3, status: 'cancelled' }), appointment({ id: '0196f3a0-0000-7000-8000-000000000002' })] }),
    );
    expect(parsed.events[0]).toMatchObject({ uid: '0196f3a0-0000-7000-8000-000000000001@ims.clinic', sequence: 2, status: 'CANCELLED' });
    expect(parsed.events[1]).toMatchObject({ uid: '0196f3a0-0000-7000-8000-000000000002@ims.clinic', sequence: 0, status: 'CONFIRMED' });
  });

  it('names the patient by first name and surname initial only, with type and place', () => {
    const text = clinicianCalendar({ clinicianName: 'Dr Ames', appointments: [appointment()] });
    expect(parseCalendar(text).events[0]).toMatchObject({ summary: 'IMS treatment — Pat T.', location: 'Kitsilano, Room 2' });
    expect(text).not.toContain('Thompson');
    expect(text).not.toContain('Patricia');
    expect(patientLabel({ firstName: 'Ann', preferredName: null, lastName: ' smith' })).toBe('Ann S.');
  });

  it('is a valid empty calendar when there is nothing to show', () => {
    expect(parseCalendar(clinicianCalendar({ clinicianName: 'Dr Ames', appointments: [] })).events).toEqual([]);
  });
});

describe('feed tokens', () => {
  it('are 32 random bytes in base64url, stored only as their SHA-256', () => {
    const a = newFeedToken();
    const b = newFeedToken();
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashFeedToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
  });
});
