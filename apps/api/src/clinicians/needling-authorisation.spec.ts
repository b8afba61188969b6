import { authorisationCovering, dayIn, isAuthorisedOn, type AuthorisationPeriod } from './needling-authorisation';

const ims = (validFrom: string, validTo: string | null): AuthorisationPeriod => ({ kind: 'ims', validFrom, validTo });

describe('isAuthorisedOn', () => {
  const closed = [ims('2026-01-10', '2026-06-30')];

  it('covers the first and last day inclusively', () => {
    expect(isAuthorisedOn(closed, 'ims', '2026-01-10')).toBe(true);
    expect(isAuthorisedOn(closed, 'ims', '2026-06-30')).toBe(true);
    expect(isAuthorisedOn(closed, 'ims', '2026-03-15')).toBe(true);
  });

  it('does not cover the day before it starts or after it ends', () => {
    expect(isAuthorisedOn(closed, 'ims', '2026-01-09')).toBe(false);
    expect(isAuthorisedOn(closed, 'ims', '2026-07-01')).toBe(false);
  });

  it('treats a missing validTo as open-ended', () => {
    expect(isAuthorisedOn([ims('2020-05-01', null)], 'ims', '2099-12-31')).toBe(true);
    expect(isAuthorisedOn([ims('2020-05-01', null)], 'ims', '2020-04-30')).toBe(false);
  });

  it('only counts the asked kind', () => {
    const dryNeedling: AuthorisationPeriod = { kind: 'dry_needling', validFrom: '2020-01-01', validTo: null };
    expect(isAuthorisedOn([dryNeedling], 'ims', '2026-03-01')).toBe(false);
    expect(isAuthorisedOn([dryNeedling], 'dry_needling', '2026-03-01')).toBe(true);
  });

  it('is false with no authorisations and finds a later one among several', () => {
    expect(isAuthorisedOn([], 'ims', '2026-03-01')).toBe(false);
    const history = [ims('2019-01-01', '2021-12-31'), ims('2023-01-01', null)];
    expect(isAuthorisedOn(history, 'ims', '2022-06-01')).toBe(false);
    expect(authorisationCovering(history, 'ims', '2024-02-29')).toBe(history[1]);
  });

  it('refuses something that is not a calendar day rather than guessing', () => {
    expect(() => isAuthorisedOn(closed, 'ims', '2026-03-15T10:00:00Z')).toThrow(/YYYY-MM-DD/);
  });
});

describe('dayIn', () => {
  it('gives the wall-clock day of the zone, not of UTC', () => {
    const instant = new Date('2026-03-08T06:30:00Z');
    expect(dayIn('America/Vancouver', instant)).toBe('2026-03-07');
    expect(dayIn('Europe/London', instant)).toBe('2026-03-08');
    expect(dayIn('Pacific/Auckland', new Date('2026-03-07T12:00:00Z'))).toBe('2026-03-08');
  });
});
