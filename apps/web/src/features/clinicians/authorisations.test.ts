import type { NeedlingAuthorisation } from '@ims/contracts';
import { describe, expect, it } from 'vitest';
import { authorisationState, currentImsAuthorisation, localToday } from './authorisations';

const auth = (over: Partial<NeedlingAuthorisation>): NeedlingAuthorisation => ({
  id: crypto.randomUUID(),
  kind: 'ims',
  issuingBody: 'iSTOP',
  number: null,
  validFrom: '2025-01-01',
  validTo: null,
  ...over,
});

describe('authorisationState', () => {
  it('counts both ends as valid', () => {
    expect(authorisationState(auth({ validFrom: '2026-03-08' }), '2026-03-08')).toBe('current');
    expect(authorisationState(auth({ validTo: '2026-03-08' }), '2026-03-08')).toBe('current');
    expect(authorisationState(auth({ validTo: '2026-03-07' }), '2026-03-08')).toBe('ended');
    expect(authorisationState(auth({ validFrom: '2026-03-09' }), '2026-03-08')).toBe('future');
  });
});

describe('currentImsAuthorisation', () => {
  it('picks the IMS authorisation in force that runs longest, open-ended first', () => {
    const today = '2026-03-08';
    const short = auth({ validTo: '2026-06-30' });
    const long = auth({ validTo: '2027-06-30' });
    const open = auth({ validTo: null });
    const needling = auth({ kind: 'dry_needling', validTo: null });
    const ended = auth({ validTo: '2026-01-01' });

    expect(currentImsAuthorisation([short, long, needling, ended], today)).toBe(long);
    expect(currentImsAuthorisation([short, open, long], today)).toBe(open);
    expect(currentImsAuthorisation([needling, ended], today)).toBeUndefined();
  });
});

describe('localToday', () => {
  it('writes the local calendar date', () => {
    expect(localToday(new Date(2026, 2, 8, 23, 30))).toBe('2026-03-08');
  });
});
