import { RuleViolationError } from '../common/problem/domain-errors';
import { requestedStart, resolveClinicLocalTime } from './clinic-local-time';

const ZONE = 'America/Vancouver';

describe('resolveClinicLocalTime', () => {
  it('keeps an ordinary wall-clock time at the zone’s offset that day', () => {
    expect(resolveClinicLocalTime('2026-07-06T10:00', ZONE, 'localStartsAt').toISOString()).toBe('2026-07-06T17:00:00.000Z');
    expect(resolveClinicLocalTime('2026-01-05T10:00', ZONE, 'localStartsAt').toISOString()).toBe('2026-01-05T18:00:00.000Z');
  });

  it('refuses a time the clocks skip, naming the field and the rule', () => {
    let caught: unknown;
    try {
      resolveClinicLocalTime('2026-03-08T02:30', ZONE, 'firstLocalStartsAt');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleViolationError);
    expect((caught as RuleViolationError).violations).toEqual([{ rule: 'nonexistent-local-time', message: expect.stringContaining('firstLocalStartsAt: 2026-03-08T02:30') }]);
  });

  it('takes the earlier instant of a repeated hour', () => {
    // 2025-11-02 01:30 happens twice in Vancouver: first at -07:00 (08:30Z), then at -08:00 (09:30Z).
    expect(resolveClinicLocalTime('2025-11-02T01:30', ZONE, 'localStartsAt').toISOString()).toBe('2025-11-02T08:30:00.000Z');
  });
});

describe('requestedStart', () => {
  it('takes the instant as sent, resolves the local form, or gives undefined for neither', () => {
    expect(requestedStart({ startsAt: '2026-07-06T10:00:00-07:00' }, ZONE)?.toISOString()).toBe('2026-07-06T17:00:00.000Z');
    expect(requestedStart({ localStartsAt: '2026-07-06T10:00' }, ZONE)?.toISOString()).toBe('2026-07-06T17:00:00.000Z');
    expect(requestedStart({}, ZONE)).toBeUndefined();
  });
});
