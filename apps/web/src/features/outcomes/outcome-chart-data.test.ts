import { describe, expect, it } from 'vitest';
import { chartPoints, scoreTicks } from './outcome-chart-data';
import { measureFixture, recordFixture } from './testing/outcome-fixtures';

describe('scoreTicks', () => {
  it('labels each instrument’s range with round numbers', () => {
    expect(scoreTicks({ min: 0, max: 50 })).toEqual([0, 10, 20, 30, 40, 50]);
    expect(scoreTicks({ min: 0, max: 10 })).toEqual([0, 2, 4, 6, 8, 10]);
    expect(scoreTicks({ min: 36, max: 78 })).toEqual([36, 50, 60, 70, 78]);
    expect(scoreTicks({ min: -7, max: 7 })).toEqual([-7, -4, -2, 0, 2, 4, 7]);
  });
});

describe('chartPoints', () => {
  it('puts the baseline at 0 and each later record at the session it counts for', () => {
    const measure = measureFixture('NDI', [
      recordFixture({ measure: 'NDI', timepoint: 'baseline', score: 30, atSession: 1 }),
      recordFixture({ measure: 'NDI', timepoint: 'adhoc', score: 28, atSession: null }),
      recordFixture({ measure: 'NDI', timepoint: 'session', score: 20, atSession: 4, sessionNumber: 4 }),
      recordFixture({ measure: 'NDI', timepoint: 'discharge', score: 12, atSession: 10 }),
    ]);
    expect(chartPoints(measure)).toEqual([
      { session: 0, score: 30, when: 'Baseline' },
      { session: 0, score: 28, when: 'Ad hoc (before session 1)' },
      { session: 4, score: 20, when: 'Session 4' },
      { session: 10, score: 12, when: 'Discharge (session 10)' },
    ]);
  });
});
