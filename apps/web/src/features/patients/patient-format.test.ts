import { describe, expect, it } from 'vitest';
import { ageInYears, displayName, formatPhone, localTodayIso } from './patient-format';

describe('patient formatting', () => {
  it('puts the preferred name in brackets only when it differs', () => {
    expect(displayName({ firstName: 'Jonathan', lastName: 'Smith', preferredName: 'Jon' })).toBe('Jonathan (Jon) Smith');
    expect(displayName({ firstName: 'Ana', lastName: 'Lee', preferredName: 'Ana' })).toBe('Ana Lee');
    expect(displayName({ firstName: 'Ana', lastName: 'Lee', preferredName: null })).toBe('Ana Lee');
  });

  it.each([
    ['1984-03-12', '2026-03-11', 41],
    ['1984-03-12', '2026-03-12', 42],
    ['2008-02-29', '2027-02-28', 18],
    ['2008-02-29', '2027-03-01', 19],
  ])('born %s is %s years old on %s', (dob, on, age) => expect(ageInYears(dob, on)).toBe(age));

  it('formats North American numbers for the desk and leaves others international', () => {
    expect(formatPhone('+16045550123')).toBe('(604) 555-0123');
    expect(formatPhone('+442071838750')).toBe('+442071838750');
    expect(formatPhone(null)).toBe('');
  });

  it('reads today in local time', () => {
    expect(localTodayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
