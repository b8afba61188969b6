import { describe, expect, it } from 'vitest';
import type { ItemAnswer } from './answers';
import { OUTCOME_MEASURES, type OutcomeInstrument, type OutcomeItem } from './instrument-types';
import { OUTCOME_INSTRUMENTS } from './instruments';
import { scoreOutcome } from './scoring';

// Published item counts: NPRS 1, ODI 10 sections, NDI 10, QuickDASH 11, PRTEE 15, SPADI 13, FIQR 21, HIT-6 6,
// LEFS 20, GROC 1; PSFS has patient-chosen activities instead of items.
const PUBLISHED_ITEM_COUNTS = { NPRS: 1, PSFS: 0, ODI: 10, NDI: 10, QUICKDASH: 11, PRTEE: 15, SPADI: 13, FIQR: 21, HIT6: 6, LEFS: 20, GROC: 1 };

function lowest(item: OutcomeItem): number {
  return item.values.kind === 'range' ? item.values.min : Math.min(...item.values.choices.map((choice) => choice.value));
}
function highest(item: OutcomeItem): number {
  return item.values.kind === 'range' ? item.values.max : Math.max(...item.values.choices.map((choice) => choice.value));
}

describe('OUTCOME_INSTRUMENTS', () => {
  it('holds every measure of the Prisma enum, each under its own id', () => {
    expect(Object.keys(OUTCOME_INSTRUMENTS).sort()).toEqual([...OUTCOME_MEASURES].sort());
    for (const measure of OUTCOME_MEASURES) expect(OUTCOME_INSTRUMENTS[measure].id).toBe(measure);
  });

  it.each(OUTCOME_MEASURES)('%s has its published number of items, numbered 1..n in order', (measure) => {
    const instrument = OUTCOME_INSTRUMENTS[measure];
    expect(instrument.items.map((item) => item.number)).toEqual(Array.from({ length: PUBLISHED_ITEM_COUNTS[measure] }, (_, index) => index + 1));
  });

  it.each(OUTCOME_MEASURES)('%s has an MCID with a citation', (measure) => {
    const { mcid } = OUTCOME_INSTRUMENTS[measure];
    expect(mcid.value).toBeGreaterThan(0);
    expect(mcid.citation).toMatch(/\d{4}/);
  });

  it('splits the subscales as published: PRTEE 1-5 / 6-15, SPADI 1-5 / 6-13, FIQR 1-9 / 10-11 / 12-21', () => {
    const split = (instrument: OutcomeInstrument) => instrument.subscales?.map((subscale) => [subscale.key, subscale.items[0], subscale.items.at(-1)]);
    expect(split(OUTCOME_INSTRUMENTS.PRTEE)).toEqual([['pain', 1, 5], ['function', 6, 15]]);
    expect(split(OUTCOME_INSTRUMENTS.SPADI)).toEqual([['pain', 1, 5], ['disability', 6, 13]]);
    expect(split(OUTCOME_INSTRUMENTS.FIQR)).toEqual([['function', 1, 9], ['overall', 10, 11], ['symptoms', 12, 21]]);
  });

  it('marks only GROC as having no baseline', () => {
    expect(OUTCOME_MEASURES.filter((measure) => !OUTCOME_INSTRUMENTS[measure].hasBaseline)).toEqual(['GROC']);
  });

  // Scoring the lowest and the highest answer to every item must land exactly on the declared range: this catches a
  // wrong item range, a wrong divisor or a wrong declared range in one go.
  it.each(OUTCOME_MEASURES.filter((measure) => measure !== 'PSFS'))('%s scores all-lowest and all-highest answers at the ends of its range', (measure) => {
    const instrument = OUTCOME_INSTRUMENTS[measure];
    const atLowest = scoreOutcome(measure, instrument.items.map(lowest) as ItemAnswer[]);
    const atHighest = scoreOutcome(measure, instrument.items.map(highest) as ItemAnswer[]);
    expect(atLowest).toMatchObject({ scoreable: true, score: instrument.scoreRange.min });
    expect(atHighest).toMatchObject({ scoreable: true, score: instrument.scoreRange.max });
  });

  it('PSFS scores all-0 and all-10 activities at the ends of its range', () => {
    const activities = (value: number) => ['Walking', 'Lifting', 'Sitting'].map((activity) => ({ activity, value }));
    expect(scoreOutcome('PSFS', activities(0))).toMatchObject({ score: 0 });
    expect(scoreOutcome('PSFS', activities(10))).toMatchObject({ score: 10 });
  });
});
