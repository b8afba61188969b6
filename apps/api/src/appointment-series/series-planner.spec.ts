import { Temporal } from 'temporal-polyfill';
import { planSeries, seriesDates } from './series-planner';
import { isoInZone, resolveWallClock } from './wall-clock';

const VANCOUVER = 'America/Vancouver';
const LONDON = 'Europe/London';

const wire = (occurrences: ReturnType<typeof planSeries>, zone: string) => occurrences.map((o) => isoInZone(o.startsAt, zone));

describe('planSeries keeps the local wall clock across DST', () => {
  it('America/Vancouver weekly Thursday 10:00 across 2026-03-08 (spring): offset -08:00 → -07:00, still 10:00', () => {
    const occurrences = planSeries({ timeZone: VANCOUVER, firstStartsAt: '2026-02-26T18:00:00Z', weekdays: [4], count: 3, durationMinutes: 30 });
    expect(wire(occurrences, VANCOUVER)).toEqual(['2026-02-26T10:00:00-08:00', '2026-03-05T10:00:00-08:00', '2026-03-12T10:00:00-07:00']);
    expect(occurrences.map((o) => o.startsAt.toString())).toEqual(['2026-02-26T18:00:00Z', '2026-03-05T18:00:00Z', '2026-03-12T17:00:00Z']);
    expect(occurrences.every((o) => o.dst === null && o.available)).toBe(true);
    expect(occurrences[2].endsAt.toString()).toBe('2026-03-12T17:30:00Z');
  });

  it('America/Vancouver weekly Tuesday 10:00 across 2026-11-01 (fall): offset -07:00 → -08:00, still 10:00', () => {
    const occurrences = planSeries({ timeZone: VANCOUVER, firstStartsAt: '2026-10-27T10:00:00-07:00', weekdays: [2], count: 2, durationMinutes: 45 });
    expect(wire(occurrences, VANCOUVER)).toEqual(['2026-10-27T10:00:00-07:00', '2026-11-03T10:00:00-08:00']);
    expect(occurrences.map((o) => o.localStart.toString())).toEqual(['2026-10-27T10:00:00', '2026-11-03T10:00:00']);
  });

  it('America/Vancouver a 40-week weekly course spanning both changes never leaves 10:00 local', () => {
    const occurrences = planSeries({ timeZone: VANCOUVER, firstStartsAt: '2026-02-24T10:00:00-08:00', weekdays: [2], count: 40, durationMinutes: 30 });
    const offsets = occurrences.map((o) => o.startsAt.toZonedDateTimeISO(VANCOUVER).offset);
    expect(occurrences.every((o) => o.startsAt.toZonedDateTimeISO(VANCOUVER).toPlainTime().toString() === '10:00:00')).toBe(true);
    expect(new Set(offsets)).toEqual(new Set(['-08:00', '-07:00']));
    expect(offsets[0]).toBe('-08:00');
    expect(offsets.at(-1)).toBe('-08:00');
  });

  it('Europe/London weekly Monday 10:00 across 2026-03-29 (GMT → BST) and 2026-10-25 (BST → GMT)', () => {
    const spring = planSeries({ timeZone: LONDON, firstStartsAt: '2026-03-23T10:00:00Z', weekdays: [1], count: 2, durationMinutes: 30 });
    expect(wire(spring, LONDON)).toEqual(['2026-03-23T10:00:00+00:00', '2026-03-30T10:00:00+01:00']);
    expect(spring[1].startsAt.toString()).toBe('2026-03-30T09:00:00Z');
    const autumn = planSeries({ timeZone: LONDON, firstStartsAt: '2026-10-19T10:00:00+01:00', weekdays: [1], count: 2, durationMinutes: 30 });
    expect(wire(autumn, LONDON)).toEqual(['2026-10-19T10:00:00+01:00', '2026-10-26T10:00:00+00:00']);
    expect(autumn[1].startsAt.toString()).toBe('2026-10-26T10:00:00Z');
  });

  it('flags a 02:30 Vancouver occurrence on 2026-03-08 as skipped_hour, unavailable and not silently moved', () => {
    const occurrences = planSeries({ timeZone: VANCOUVER, firstStartsAt: '2026-03-01T02:30:00-08:00', weekdays: [7], count: 3, durationMinutes: 30 });
    const skipped = occurrences[1];
    expect(skipped.localStart.toString()).toBe('2026-03-08T02:30:00');
    expect(skipped.dst).toBe('skipped_hour');
    expect(skipped.available).toBe(false);
    // The instant the zone gives ('later': 03:30 PDT) is shown, flagged, for the receptionist to replace.
    expect(isoInZone(skipped.startsAt, VANCOUVER)).toBe('2026-03-08T03:30:00-07:00');
    expect([occurrences[0].dst, occurrences[2].dst]).toEqual([null, null]);
    expect(isoInZone(occurrences[2].startsAt, VANCOUVER)).toBe('2026-03-15T02:30:00-07:00');
  });

  it('flags a 01:30 Vancouver occurrence on 2026-11-01 as repeated_hour, booked at the earlier instant and available', () => {
    const occurrences = planSeries({ timeZone: VANCOUVER, firstStartsAt: '2026-10-25T01:30:00-07:00', weekdays: [7], count: 3, durationMinutes: 30 });
    const repeated = occurrences[1];
    expect(repeated.dst).toBe('repeated_hour');
    expect(repeated.available).toBe(true);
    expect(isoInZone(repeated.startsAt, VANCOUVER)).toBe('2026-11-01T01:30:00-07:00');
    expect(repeated.startsAt.toString()).toBe('2026-11-01T08:30:00Z');
    expect(occurrences[2].dst).toBeNull();
  });

  it('every N days counts calendar days, so the wall clock holds across the change', () => {
    const occurrences = planSeries({ timeZone: VANCOUVER, firstStartsAt: '2026-03-04T09:15:00-08:00', intervalDays: 3, count: 4, durationMinutes: 30 });
    expect(wire(occurrences, VANCOUVER)).toEqual([
      '2026-03-04T09:15:00-08:00',
      '2026-03-07T09:15:00-08:00',
      '2026-03-10T09:15:00-07:00',
      '2026-03-13T09:15:00-07:00',
    ]);
  });

  it('weekly on Tuesday and Thursday from a Tuesday', () => {
    const occurrences = planSeries({ timeZone: VANCOUVER, firstStartsAt: '2026-05-05T14:00:00-07:00', weekdays: [2, 4], count: 5, durationMinutes: 30 });
    expect(occurrences.map((o) => o.localStart.toPlainDate().toString())).toEqual(['2026-05-05', '2026-05-07', '2026-05-12', '2026-05-14', '2026-05-19']);
    expect(occurrences.map((o) => o.localStart.dayOfWeek)).toEqual([2, 4, 2, 4, 2]);
  });
});

describe('seriesDates', () => {
  it('counts the first date even when its weekday is not listed', () => {
    const dates = seriesDates(Temporal.PlainDate.from('2026-05-06'), { weekdays: [1] }, 3);
    expect(dates.map(String)).toEqual(['2026-05-06', '2026-05-11', '2026-05-18']);
  });

  it('refuses a pattern with neither weekdays nor intervalDays', () => {
    expect(() => seriesDates(Temporal.PlainDate.from('2026-05-06'), {}, 2)).toThrow('weekdays or intervalDays');
  });
});

describe('resolveWallClock', () => {
  it('tells ordinary, skipped and repeated wall clocks apart in Europe/London', () => {
    expect(resolveWallClock(Temporal.PlainDateTime.from('2026-03-29T00:30'), LONDON).dst).toBeNull();
    expect(resolveWallClock(Temporal.PlainDateTime.from('2026-03-29T01:30'), LONDON).dst).toBe('skipped_hour');
    expect(resolveWallClock(Temporal.PlainDateTime.from('2026-10-25T01:30'), LONDON)).toMatchObject({ dst: 'repeated_hour' });
    expect(resolveWallClock(Temporal.PlainDateTime.from('2026-10-25T01:30'), LONDON).instant.toString()).toBe('2026-10-25T00:30:00Z');
  });
});
