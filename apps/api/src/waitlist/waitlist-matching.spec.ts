import { byPriorityThenAge, slotMatchesWish, type FreedSlot, type WaitlistWish } from './waitlist-matching';

const ZONE = 'America/Vancouver';
const ANY: WaitlistWish = { appointmentTypeId: null, preferredClinicianIds: [], preferredWeekdays: [], earliestTime: null, latestTime: null };
// Tuesday 2026-05-12 10:00-10:30 in Vancouver (PDT, -07:00).
const SLOT: FreedSlot = { clinicianId: 'c1', appointmentTypeId: 't1', startsAt: new Date('2026-05-12T17:00:00Z'), endsAt: new Date('2026-05-12T17:30:00Z') };

describe('slotMatchesWish', () => {
  it('an entry with no preferences takes any slot', () => {
    expect(slotMatchesWish(SLOT, ANY, ZONE)).toBe(true);
  });

  it('checks the preferred clinicians and the appointment type', () => {
    expect(slotMatchesWish(SLOT, { ...ANY, preferredClinicianIds: ['c2', 'c1'] }, ZONE)).toBe(true);
    expect(slotMatchesWish(SLOT, { ...ANY, preferredClinicianIds: ['c2'] }, ZONE)).toBe(false);
    expect(slotMatchesWish(SLOT, { ...ANY, appointmentTypeId: 't1' }, ZONE)).toBe(true);
    expect(slotMatchesWish(SLOT, { ...ANY, appointmentTypeId: 't2' }, ZONE)).toBe(false);
  });

  it('reads the weekday on the clinic wall clock, not in UTC', () => {
    // 17:00 Monday in Vancouver is already Tuesday in UTC.
    const mondayEvening: FreedSlot = { ...SLOT, startsAt: new Date('2026-05-12T00:00:00Z'), endsAt: new Date('2026-05-12T00:30:00Z') };
    expect(slotMatchesWish(mondayEvening, { ...ANY, preferredWeekdays: [1] }, ZONE)).toBe(true);
    expect(slotMatchesWish(mondayEvening, { ...ANY, preferredWeekdays: [2] }, ZONE)).toBe(false);
  });

  it('needs the whole slot inside the time window, on the local wall clock', () => {
    expect(slotMatchesWish(SLOT, { ...ANY, earliestTime: '10:00', latestTime: '10:30' }, ZONE)).toBe(true);
    expect(slotMatchesWish(SLOT, { ...ANY, earliestTime: '10:01' }, ZONE)).toBe(false);
    expect(slotMatchesWish(SLOT, { ...ANY, latestTime: '10:29' }, ZONE)).toBe(false);
    expect(slotMatchesWish(SLOT, { ...ANY, earliestTime: '08:00', latestTime: '12:00' }, ZONE)).toBe(true);
  });
});

describe('byPriorityThenAge', () => {
  it('orders by priority, then the oldest entry first', () => {
    const entries = [
      { id: 'late-urgent', priority: 1, createdAt: new Date('2026-05-03') },
      { id: 'normal', priority: 3, createdAt: new Date('2026-05-01') },
      { id: 'early-urgent', priority: 1, createdAt: new Date('2026-05-02') },
    ];
    expect([...entries].sort(byPriorityThenAge).map((e) => e.id)).toEqual(['early-urgent', 'late-urgent', 'normal']);
  });
});
