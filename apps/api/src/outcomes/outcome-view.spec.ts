import { atSession, sessionClockOf } from './outcome-view';

// Visits on 2 March, 9 March and 16 March (clinic days in Vancouver).
const clock = sessionClockOf('America/Vancouver', ['2026-03-02', '2026-03-09', '2026-03-16'].map((day) => ({ visitDate: new Date(`${day}T00:00:00Z`) })));

describe('atSession', () => {
  it('keeps the session recorded with the record', () => {
    expect(atSession({ sessionNumber: 4, takenAt: new Date('2026-03-01T18:00:00Z') }, clock)).toBe(4);
  });

  it('otherwise counts the sessions signed by the end of the clinic day it was taken', () => {
    // 9 March 16:30 in Vancouver is 23:30 UTC, still 9 March there: session 2.
    expect(atSession({ sessionNumber: null, takenAt: new Date('2026-03-09T23:30:00Z') }, clock)).toBe(2);
    // 10 March 01:00 UTC is the evening of 9 March in Vancouver: still session 2.
    expect(atSession({ sessionNumber: null, takenAt: new Date('2026-03-10T01:00:00Z') }, clock)).toBe(2);
    expect(atSession({ sessionNumber: null, takenAt: new Date('2026-03-20T18:00:00Z') }, clock)).toBe(3);
  });

  it('is null before the first signed session', () => {
    expect(atSession({ sessionNumber: null, takenAt: new Date('2026-03-01T18:00:00Z') }, clock)).toBeNull();
  });
});
