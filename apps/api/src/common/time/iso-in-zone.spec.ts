import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { isoInZone } from './iso-in-zone';

const byDateFns = (instant: Date, zone: string) => format(new TZDate(instant.getTime(), zone), "yyyy-MM-dd'T'HH:mm:ssxxx");

/** Zones with whole-hour, half-hour and 45-minute offsets, half-hour DST (Lord Howe), southern DST and none. */
const ZONES = ['America/Vancouver', 'America/Toronto', 'America/St_Johns', 'Europe/London', 'Asia/Kathmandu', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo', 'UTC'];

/** The 2026 offset changes of the zones with odd ones: Lord Howe moves by half an hour, Chatham sits at +12:45/+13:45. */
const CHANGE_DAYS: Record<string, string[]> = {
  'America/Vancouver': ['2026-03-08', '2026-11-01'],
  'America/St_Johns': ['2026-03-08', '2026-11-01'],
  'Australia/Lord_Howe': ['2026-04-05', '2026-10-04'],
  'Pacific/Chatham': ['2026-04-05', '2026-09-27'],
  'Europe/London': ['2026-03-29', '2026-10-25'],
};

describe('isoInZone', () => {
  it('writes what date-fns writes, through a year of offset changes in every kind of zone', () => {
    const differences: string[] = [];
    for (const zone of ZONES) {
      // Every 47 minutes and 13 seconds through 2026 (both DST changes of each zone, odd seconds, every quarter hour
      // of the day in turn), then every 5 minutes through each zone's change days.
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 2_833_000) {
        const instant = new Date(ms);
        if (isoInZone(instant, zone) !== byDateFns(instant, zone)) differences.push(`${zone} ${instant.toISOString()}`);
      }
    }
    for (const [zone, days] of Object.entries(CHANGE_DAYS)) {
      for (const day of days) {
        for (let ms = Date.parse(`${day}T00:00:00Z`) - 86_400_000; ms < Date.parse(`${day}T00:00:00Z`) + 2 * 86_400_000; ms += 300_000) {
          const instant = new Date(ms);
          if (isoInZone(instant, zone) !== byDateFns(instant, zone)) differences.push(`${zone} ${instant.toISOString()}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('is exact on both sides of a change, to the millisecond', () => {
    const change = Date.parse('2026-03-08T10:00:00Z'); // 02:00 in Vancouver becomes 03:00
    expect(isoInZone(new Date(change - 1), 'America/Vancouver')).toBe('2026-03-08T01:59:59-08:00');
    expect(isoInZone(new Date(change), 'America/Vancouver')).toBe('2026-03-08T03:00:00-07:00');
    const back = Date.parse('2026-11-01T09:00:00Z'); // 02:00 daylight becomes 01:00 standard
    expect(isoInZone(new Date(back - 1), 'America/Vancouver')).toBe('2026-11-01T01:59:59-07:00');
    expect(isoInZone(new Date(back), 'America/Vancouver')).toBe('2026-11-01T01:00:00-08:00');
  });

  it('leaves offsets with seconds (local mean time) and far years to date-fns', () => {
    for (const iso of ['1880-06-01T12:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T20:00:00Z']) {
      expect(isoInZone(new Date(iso), 'America/Vancouver')).toBe(byDateFns(new Date(iso), 'America/Vancouver'));
    }
  });

  it('writes UTC as +00:00, never Z', () => {
    expect(isoInZone(new Date('2026-05-04T03:02:01.999Z'), 'UTC')).toBe('2026-05-04T03:02:01+00:00');
  });
});
