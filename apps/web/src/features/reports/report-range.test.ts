import { describe, expect, it } from 'vitest';
import { RANGE_PRESETS, rangeFromParams, rangeProblems, reportToday, withRange } from './report-range';

const VANCOUVER = { id: 'a', timeZone: 'America/Vancouver' };
const SYDNEY = { id: 'b', timeZone: 'Australia/Sydney' };
// 06:30 UTC on 1 April: still 31 March in Vancouver (UTC−7), already 1 April in Sydney.
const NOW = new Date('2026-04-01T06:30:00Z');

describe('reportToday', () => {
  it('is today at the chosen clinics, else at the manager’s own', () => {
    expect(reportToday({ clinics: [VANCOUVER, SYDNEY], chosen: [], ownClinicIds: ['a'], now: NOW })).toBe('2026-03-31');
    expect(reportToday({ clinics: [VANCOUVER, SYDNEY], chosen: ['b'], ownClinicIds: ['a'], now: NOW })).toBe('2026-04-01');
    expect(reportToday({ clinics: [SYDNEY, VANCOUVER], chosen: [], ownClinicIds: [], now: NOW })).toBe('2026-04-01');
  });
});

describe('rangeFromParams', () => {
  it('defaults to this month at the clinics when the URL has no valid range', () => {
    expect(rangeFromParams(new URLSearchParams(), '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31', clinicIds: [] });
    expect(rangeFromParams(new URLSearchParams('from=2026-02-30&to=2026-03-01'), '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28', clinicIds: [] });
    expect(rangeFromParams(new URLSearchParams('from=2025-01-01&to=2026-03-01'), '2026-02-14').from).toBe('2026-02-01');
  });

  it('reads the range and every clinic from the URL, and writes them back keeping the tab', () => {
    const params = new URLSearchParams('tab=outcomes&from=2026-01-05&to=2026-02-01&clinicId=a&clinicId=b');
    const range = rangeFromParams(params, '2026-03-31');
    expect(range).toEqual({ from: '2026-01-05', to: '2026-02-01', clinicIds: ['a', 'b'] });
    expect(withRange(params, { ...range, clinicIds: ['b'] }).toString()).toBe('tab=outcomes&from=2026-01-05&to=2026-02-01&clinicId=b');
  });
});

describe('RANGE_PRESETS', () => {
  it('gives this month, last month, the last 28 days and the last year, ending today', () => {
    const dates = Object.fromEntries(RANGE_PRESETS.map((preset) => [preset.key, preset.dates('2026-03-10')]));
    expect(dates).toEqual({
      'this-month': { from: '2026-03-01', to: '2026-03-31' },
      'last-month': { from: '2026-02-01', to: '2026-02-28' },
      'last-4-weeks': { from: '2026-02-11', to: '2026-03-10' },
      'last-12-months': { from: '2025-03-11', to: '2026-03-10' },
    });
    for (const range of Object.values(dates)) expect(rangeProblems(range)).toBeNull();
  });
});

describe('rangeProblems', () => {
  it('says what the API would refuse, per field', () => {
    expect(rangeProblems({ from: '2026-03-01', to: '2026-02-28' })).toEqual({ to: 'Must be on or after the first day' });
    expect(rangeProblems({ from: '2025-01-01', to: '2026-01-02' })).toEqual({ to: 'The range may cover at most 366 days' });
    expect(rangeProblems({ from: '', to: '2026-01-01' })).toEqual({ from: 'Enter a date' });
  });
});
