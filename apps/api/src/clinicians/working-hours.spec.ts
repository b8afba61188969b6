import { compareHours, overlappingHours, timeColumn, wallClockOf } from './working-hours';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('overlappingHours', () => {
  it('accepts touching ranges and the same hours on different weekdays', () => {
    expect(
      overlappingHours([
        { clinicId: A, weekday: 1, start: '09:00', end: '12:00' },
        { clinicId: A, weekday: 1, start: '12:00', end: '17:00' },
        { clinicId: A, weekday: 2, start: '09:00', end: '12:00' },
      ]),
    ).toEqual([]);
  });

  it('names the later entry that overlaps an earlier one at the same clinic', () => {
    const errors = overlappingHours([
      { clinicId: A, weekday: 3, start: '09:00', end: '13:00' },
      { clinicId: A, weekday: 4, start: '09:00', end: '13:00' },
      { clinicId: A, weekday: 3, start: '12:30', end: '17:00' },
    ]);
    expect(errors).toEqual([{ path: 'hours.2.start', message: expect.stringContaining('overlaps hours.0') }]);
  });

  it('refuses being in two clinics at once, and a range inside another', () => {
    const errors = overlappingHours([
      { clinicId: A, weekday: 5, start: '08:00', end: '18:00' },
      { clinicId: B, weekday: 5, start: '10:00', end: '11:00' },
    ]);
    expect(errors).toEqual([{ path: 'hours.1.start', message: expect.stringContaining('another clinic') }]);
  });
});

describe('time columns', () => {
  it('round-trip HH:MM through the time(0) representation', () => {
    expect(timeColumn('07:45').toISOString()).toBe('1970-01-01T07:45:00.000Z');
    expect(wallClockOf(timeColumn('23:59'))).toBe('23:59');
  });

  it('orders by weekday then start', () => {
    const sorted = [
      { clinicId: A, weekday: 2, start: '08:00', end: '09:00' },
      { clinicId: A, weekday: 1, start: '13:00', end: '14:00' },
      { clinicId: A, weekday: 1, start: '09:00', end: '10:00' },
    ].sort(compareHours);
    expect(sorted.map((h) => `${h.weekday} ${h.start}`)).toEqual(['1 09:00', '1 13:00', '2 08:00']);
  });
});
