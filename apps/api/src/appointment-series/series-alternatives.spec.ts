import { Temporal } from 'temporal-polyfill';
import { nextDayCandidates, pickAlternatives, sameDayCandidates, type AlternativeInput } from './series-alternatives';
import { isoInZone } from './wall-clock';

const ZONE = 'America/Vancouver';
const base: AlternativeInput = {
  date: Temporal.PlainDate.from('2026-05-12'),
  wallClock: Temporal.PlainTime.from('10:00'),
  timeZone: ZONE,
  durationMinutes: 30,
  windows: [{ start: '09:00', end: '11:00' }],
  seriesDates: new Set(['2026-05-12', '2026-05-14']),
};
const clocks = (list: { localStart: Temporal.PlainDateTime }[]) => list.map((o) => o.localStart.toString().slice(0, 16));

describe('series alternatives', () => {
  it('same-day times stay inside the working hours, nearest first, earlier first on a tie', () => {
    expect(clocks(sameDayCandidates(base))).toEqual([
      '2026-05-12T09:45',
      '2026-05-12T10:15',
      '2026-05-12T09:30',
      '2026-05-12T10:30',
      '2026-05-12T09:15',
      '2026-05-12T09:00',
    ]);
  });

  it('keeps an off-grid asked time on its own quarter-hour grid as well as the window grid', () => {
    const times = clocks(sameDayCandidates({ ...base, wallClock: Temporal.PlainTime.from('10:10') }));
    expect(times.slice(0, 4)).toEqual(['2026-05-12T10:15', '2026-05-12T10:00', '2026-05-12T09:55', '2026-05-12T10:25']);
    expect(times).not.toContain('2026-05-12T10:10');
    expect(times.every((t) => t.slice(11) >= '09:00' && t.slice(11) <= '10:30')).toBe(true);
  });

  it('next days keep the local time, skip days that already hold a session and the DST gap', () => {
    expect(clocks(nextDayCandidates(base))).toEqual(['2026-05-13T10:00', '2026-05-15T10:00', '2026-05-16T10:00', '2026-05-17T10:00', '2026-05-18T10:00', '2026-05-19T10:00']);
    const gap = nextDayCandidates({ ...base, date: Temporal.PlainDate.from('2026-03-07'), wallClock: Temporal.PlainTime.from('02:30'), seriesDates: new Set() });
    expect(clocks(gap)[0]).toBe('2026-03-09T02:30');
    expect(isoInZone(gap[0].startsAt, ZONE)).toBe('2026-03-09T02:30:00-07:00');
  });

  it('picks two same-day times, then next days, and asks only as often as needed', async () => {
    const asked: string[] = [];
    const taken = new Set(['2026-05-12T09:45', '2026-05-13T10:00']);
    const picked = await pickAlternatives(base, async (candidate) => {
      const key = candidate.localStart.toString().slice(0, 16);
      asked.push(key);
      return !taken.has(key);
    });
    expect(clocks(picked)).toEqual(['2026-05-12T10:15', '2026-05-12T09:30', '2026-05-15T10:00']);
    expect(asked).toEqual(['2026-05-12T09:45', '2026-05-12T10:15', '2026-05-12T09:30', '2026-05-13T10:00', '2026-05-15T10:00']);
  });

  it('fills up with further same-day times when no later day is free, and gives none when nothing is', async () => {
    const sameDayOnly = await pickAlternatives(base, async (candidate) => candidate.localStart.day === 12);
    expect(clocks(sameDayOnly)).toEqual(['2026-05-12T09:45', '2026-05-12T10:15', '2026-05-12T09:30']);
    expect(await pickAlternatives({ ...base, windows: [] }, async () => false)).toEqual([]);
  });
});
