import { localSlot, overlaps, overlappingTimeOff, slotRuleFindings, withinWeeklyRanges, type RuleInputs } from './booking-rules';

const at = (iso: string) => new Date(iso);
const slot = (start: string, end: string) => ({ startsAt: at(start), endsAt: at(end) });

describe('localSlot', () => {
  it('reads the weekday and wall clock in the clinic zone, not UTC', () => {
    // 2026-03-09 is a Monday; 17:30 UTC is 10:30 in Vancouver (PDT, -07:00, the day after the March change).
    expect(localSlot(slot('2026-03-09T17:30:00Z', '2026-03-09T18:00:00Z'), 'America/Vancouver')).toEqual({
      weekday: 1,
      day: '2026-03-09',
      start: '10:30',
      end: '11:00',
      sameDay: true,
    });
    // 06:30 UTC on Monday is still Sunday evening in Vancouver.
    expect(localSlot(slot('2026-03-09T06:30:00Z', '2026-03-09T07:00:00Z'), 'America/Vancouver').weekday).toBe(7);
  });

  it('treats an end at local midnight as 24:00 of the same day and a later end as another day', () => {
    expect(localSlot(slot('2026-01-05T23:30:00Z', '2026-01-06T00:00:00Z'), 'Europe/London')).toMatchObject({ end: '24:00', sameDay: true });
    expect(localSlot(slot('2026-01-05T23:30:00Z', '2026-01-06T00:15:00Z'), 'Europe/London').sameDay).toBe(false);
  });
});

describe('withinWeeklyRanges', () => {
  const monday = [
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 1, start: '13:00', end: '17:00' },
  ];
  const local = (start: string, end: string, weekday = 1) => ({ weekday, day: '2026-03-09', start, end, sameDay: true });

  it('accepts a slot exactly filling a range and one touching its edges', () => {
    expect(withinWeeklyRanges(local('09:00', '12:00'), monday)).toBe(true);
    expect(withinWeeklyRanges(local('16:30', '17:00'), monday)).toBe(true);
  });

  it('refuses a slot spilling past a range, spanning the lunch gap, or on another weekday', () => {
    expect(withinWeeklyRanges(local('16:45', '17:15'), monday)).toBe(false);
    expect(withinWeeklyRanges(local('08:45', '09:15'), monday)).toBe(false);
    expect(withinWeeklyRanges(local('11:45', '13:15'), monday)).toBe(false);
    expect(withinWeeklyRanges(local('10:00', '10:30', 2), monday)).toBe(false);
  });
});

describe('overlaps and time off', () => {
  it('lets back-to-back intervals pass and catches any real overlap', () => {
    const a = slot('2026-03-09T17:00:00Z', '2026-03-09T17:30:00Z');
    expect(overlaps(a, slot('2026-03-09T17:30:00Z', '2026-03-09T18:00:00Z'))).toBe(false);
    expect(overlaps(a, slot('2026-03-09T16:30:00Z', '2026-03-09T17:00:00Z'))).toBe(false);
    expect(overlaps(a, slot('2026-03-09T17:29:00Z', '2026-03-09T18:00:00Z'))).toBe(true);
    expect(overlaps(a, slot('2026-03-09T16:00:00Z', '2026-03-09T19:00:00Z'))).toBe(true);
  });

  it('lists the overlapping time off earliest first', () => {
    const later = slot('2026-03-09T17:15:00Z', '2026-03-09T20:00:00Z');
    const earlier = slot('2026-03-08T00:00:00Z', '2026-03-09T17:10:00Z');
    const apart = slot('2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
    expect(overlappingTimeOff(slot('2026-03-09T17:00:00Z', '2026-03-09T17:30:00Z'), [later, apart, earlier])).toEqual([earlier, later]);
  });
});

describe('slotRuleFindings', () => {
  const base: RuleInputs = {
    slot: slot('2026-03-09T17:00:00Z', '2026-03-09T17:30:00Z'), // Monday 10:00-10:30 in Vancouver
    timeZone: 'America/Vancouver',
    clinicianName: 'Dr Ames',
    clinicName: 'Kitsilano',
    workingHours: [{ weekday: 1, start: '09:00', end: '17:00' }],
    openingHours: [{ weekday: 1, start: '07:30', end: '19:00' }],
    timeOff: [],
  };

  it('finds nothing for a slot inside every rule', () => {
    expect(slotRuleFindings(base)).toEqual([]);
  });

  it('names working hours, opening hours and time off separately', () => {
    const findings = slotRuleFindings({
      ...base,
      workingHours: [{ weekday: 1, start: '11:00', end: '17:00' }],
      openingHours: [{ weekday: 1, start: '10:15', end: '19:00' }],
      timeOff: [slot('2026-03-09T16:00:00Z', '2026-03-09T18:00:00Z')],
    });
    expect(findings.map((f) => f.kind)).toEqual(['working_hours', 'opening_hours', 'time_off']);
    expect(findings[0].message).toContain("outside Dr Ames's working hours at Kitsilano (11:00-17:00)");
    expect(findings[2].message).toBe('Dr Ames is off from 2026-03-09 09:00 to 2026-03-09 11:00');
  });

  it('requires working hours but lets a clinic without opening hours set restrict nothing', () => {
    expect(slotRuleFindings({ ...base, workingHours: [], openingHours: [] }).map((f) => f.kind)).toEqual(['working_hours']);
  });

  it('judges the wall clock across a daylight-saving change', () => {
    // Sunday 2026-03-08 is the Vancouver change: 10:00 local is 17:00 UTC afterwards, 18:00 UTC the Sunday before.
    const sunday = [{ weekday: 7, start: '10:00', end: '12:00' }];
    const after = { ...base, workingHours: sunday, openingHours: [], slot: slot('2026-03-08T17:00:00Z', '2026-03-08T17:30:00Z') };
    const before = { ...after, slot: slot('2026-03-01T18:00:00Z', '2026-03-01T18:30:00Z') };
    expect(slotRuleFindings(after)).toEqual([]);
    expect(slotRuleFindings(before)).toEqual([]);
    expect(slotRuleFindings({ ...after, slot: slot('2026-03-08T16:30:00Z', '2026-03-08T17:00:00Z') })).toHaveLength(1);
  });
});
