import { describe, expect, it } from 'vitest';
import {
  addDays,
  clinicToday,
  dayRange,
  formatClinicTime,
  formatLocalDateTime,
  formatLocalTimeAfter,
  fromWallClock,
  instantToLocal,
  localDateTime,
  onLocalDays,
  toLocalDateTime,
  toWallClock,
  weekRange,
  weekStart,
} from './clinic-time';

describe('clinic time', () => {
  it('takes today from the clinic’s zone, not the browser’s', () => {
    // 06:30 UTC on 10 March is still the 9th in Vancouver.
    expect(clinicToday('America/Vancouver', new Date('2026-03-10T06:30:00Z'))).toBe('2026-03-09');
    expect(clinicToday('Europe/London', new Date('2026-03-10T06:30:00Z'))).toBe('2026-03-10');
  });

  it('asks for a day padded by 3 hours on both sides, so zone rules an hour off from the API’s miss nothing', () => {
    expect(dayRange('2026-03-09', 'America/Vancouver')).toEqual({ from: '2026-03-08T21:00:00-07:00', to: '2026-03-10T03:00:00-07:00' });
    expect(dayRange('2026-01-12', 'Europe/London')).toEqual({ from: '2026-01-11T21:00:00+00:00', to: '2026-01-13T03:00:00+00:00' });
  });

  it('spans Monday to Monday for the week holding a date, padded likewise', () => {
    expect(weekRange('2026-03-12', 'Europe/London')).toEqual({ from: '2026-03-08T21:00:00+00:00', to: '2026-03-16T03:00:00+00:00' });
    expect(weekStart('2026-03-15')).toBe('2026-03-09');
  });

  it('keeps what the API dates on the days shown, by its localStart', () => {
    const items = [{ localStart: '2026-03-08T23:30' }, { localStart: '2026-03-09T00:00' }, { localStart: '2026-03-09T23:45' }, { localStart: '2026-03-10T00:15' }];
    expect(onLocalDays(items, '2026-03-09', 1)).toEqual([{ localStart: '2026-03-09T00:00' }, { localStart: '2026-03-09T23:45' }]);
    expect(onLocalDays(items, '2026-03-09', 7)).toHaveLength(3);
  });

  it('reads instants as the clinic wall clock they were sent with', () => {
    expect(instantToLocal('2026-03-09T17:00:00Z', 'America/Vancouver')).toEqual({ date: '2026-03-09', time: '10:00' });
    // London's first summer-time day: 09:00 UTC is 10:00 BST.
    expect(formatClinicTime('2026-03-29T09:00:00Z', 'Europe/London')).toBe('10:00');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('shows an instant at the offset the API sent, even where this browser’s zone rules would say otherwise', () => {
    // Vancouver is on -07:00 in July by any zone database; a server on different rules may still send -08:00.
    // The API is the authority: the schedule shows 09:00, not the 10:00 local rules would make of it.
    expect(formatClinicTime('2026-07-01T09:00:00-08:00', 'America/Vancouver')).toBe('09:00');
    expect(instantToLocal('2026-07-01T09:00:00-08:00', 'America/Vancouver')).toEqual({ date: '2026-07-01', time: '09:00' });
    expect(toWallClock('2026-07-01T09:00:00-08:00', 'America/Vancouver')).toBe('2026-07-01T09:00:00');
    expect(toWallClock('2026-07-01T16:00:00Z', 'America/Vancouver')).toBe('2026-07-01T09:00:00');
  });

  it('hands clicked and typed times on as the clinic wall clock, never as an instant worked out by the browser', () => {
    // 24 Nov 2026, Vancouver: browsers with newer tz data say -07:00, the API -08:00. Only the wall clock goes out.
    expect(fromWallClock('2026-11-24T18:15:00Z')).toBe('2026-11-24T18:15');
    expect(fromWallClock('2026-11-24T18:15:00')).toBe('2026-11-24T18:15');
    expect(localDateTime('2026-11-24', '18:15')).toBe('2026-11-24T18:15');
    // An API instant becomes the wall clock of the offset it came with, whatever this browser's rules say.
    expect(toLocalDateTime('2026-11-24T18:15:00-08:00', 'America/Vancouver')).toBe('2026-11-24T18:15');
  });

  it('shows a wall clock and its end without zone rules (a gap or repeated hour in the browser’s zone cannot shift it)', () => {
    expect(formatLocalDateTime('2026-03-08T02:30')).toBe('Sun 8 Mar 2026, 02:30');
    expect(formatLocalTimeAfter('2026-11-24T23:45', 30)).toBe('00:15');
  });
});
