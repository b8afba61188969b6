import type { SeriesOccurrence } from '@ims/contracts';
import { describe, expect, it } from 'vitest';
import { chosenOccurrences, clashingChoices, defaultChoices } from './course-choices';

const occurrence = (startsAt: string, overrides: Partial<SeriesOccurrence> = {}): SeriesOccurrence => ({
  startsAt,
  endsAt: startsAt,
  localStart: startsAt.slice(0, 16),
  available: true,
  conflicts: [],
  alternatives: [],
  dst: null,
  ...overrides,
});

describe('course choices', () => {
  const free = occurrence('2026-03-09T10:00:00-07:00');
  const taken = occurrence('2026-03-16T10:00:00-07:00', {
    available: false,
    alternatives: [{ startsAt: '2026-03-16T11:00:00-07:00' }, { startsAt: '2026-03-17T10:00:00-07:00' }],
  });

  it('books free occurrences as planned and leaves conflicting ones skipped until someone chooses', () => {
    expect(defaultChoices([free, taken])).toEqual(['planned', 'skip']);
    expect(chosenOccurrences([free, taken], ['planned', 'skip'])).toEqual([{ startsAt: free.startsAt }]);
  });

  it('books the chosen alternative instead of the planned time', () => {
    expect(chosenOccurrences([free, taken], ['skip', 'alt:2026-03-17T10:00:00-07:00'])).toEqual([{ startsAt: '2026-03-17T10:00:00-07:00' }]);
  });

  it('flags an alternative that lands on another chosen session, comparing instants not strings', () => {
    const other = occurrence('2026-03-16T18:00:00Z', { available: false, alternatives: [{ startsAt: '2026-03-09T17:00:00Z' }] });
    expect([...clashingChoices([free, other], ['planned', 'alt:2026-03-09T17:00:00Z'])]).toEqual([1]);
    expect(clashingChoices([free, taken], ['planned', 'alt:2026-03-16T11:00:00-07:00']).size).toBe(0);
  });
});
