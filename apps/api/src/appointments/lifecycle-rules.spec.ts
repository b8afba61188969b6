import { isLateCancellation, transitionRefusal, type LifecycleSubject } from './lifecycle-rules';

const HOUR = 3_600_000;
// Monday 2026-03-09 10:00-10:30 in Vancouver (-07:00).
const booked: LifecycleSubject = {
  status: 'booked',
  startsAt: new Date('2026-03-09T17:00:00Z'),
  endsAt: new Date('2026-03-09T17:30:00Z'),
  timeZone: 'America/Vancouver',
};

describe('transitionRefusal', () => {
  it('allows arrival any time on the clinic-local day, and not the evening before', () => {
    expect(transitionRefusal('arrive', booked, new Date('2026-03-09T07:05:00Z'))).toBeUndefined(); // 00:05 local
    expect(transitionRefusal('arrive', booked, new Date('2026-03-10T06:55:00Z'))).toBeUndefined(); // 23:55 local
    expect(transitionRefusal('arrive', booked, new Date('2026-03-09T06:55:00Z'))).toMatch(/appointment's day/); // Sunday 23:55
  });

  it('allows a no-show only from the start on', () => {
    expect(transitionRefusal('no_show', booked, new Date(booked.startsAt.getTime() - 1))).toMatch(/started/);
    expect(transitionRefusal('no_show', booked, booked.startsAt)).toBeUndefined();
  });

  it('allows cancelling only before the end', () => {
    expect(transitionRefusal('cancel', booked, new Date(booked.endsAt.getTime() - 1))).toBeUndefined();
    expect(transitionRefusal('cancel', booked, booked.endsAt)).toMatch(/ended/);
  });

  it('refuses leaving a final status and completing from cancelled, but completes booked or arrived', () => {
    const during = new Date('2026-03-09T17:10:00Z');
    expect(transitionRefusal('arrive', { ...booked, status: 'cancelled' }, during)).toBe('an appointment that is cancelled cannot be marked arrived');
    expect(transitionRefusal('cancel', { ...booked, status: 'no_show' }, during)).toMatch(/no-show cannot be marked cancelled/);
    expect(transitionRefusal('no_show', { ...booked, status: 'arrived' }, during)).toMatch(/arrived/);
    expect(transitionRefusal('complete', { ...booked, status: 'cancelled' }, during)).toMatch(/cancelled/);
    expect(transitionRefusal('complete', { ...booked, status: 'arrived' }, during)).toBeUndefined();
    expect(transitionRefusal('complete', booked, during)).toBeUndefined();
  });
});

describe('isLateCancellation', () => {
  it('is in time exactly at the notice boundary and late a moment after', () => {
    const start = booked.startsAt;
    expect(isLateCancellation(start, new Date(start.getTime() - 24 * HOUR), 24)).toBe(false);
    expect(isLateCancellation(start, new Date(start.getTime() - 24 * HOUR + 1), 24)).toBe(true);
    expect(isLateCancellation(start, new Date(start.getTime() - 48 * HOUR), 24)).toBe(false);
  });

  it("uses the clinic's own notice period", () => {
    const start = booked.startsAt;
    expect(isLateCancellation(start, new Date(start.getTime() - 30 * HOUR), 48)).toBe(true);
    expect(isLateCancellation(start, new Date(start.getTime() - 30 * HOUR), 24)).toBe(false);
  });
});
