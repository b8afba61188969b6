import { describe, expect, it } from 'vitest';
import { scoreOutcome } from './scoring';

// Every expected value below is worked by hand from the instrument's published rule; the arithmetic sits beside it.
// Scores are kept to one decimal, half away from zero.

function notScoreable(reason: string) {
  return { scoreable: false, rule: 'missing-items', reason };
}

describe('scoreOutcome: NPRS', () => {
  it('is the single rating', () => {
    expect(scoreOutcome('NPRS', [7])).toEqual({ scoreable: true, score: 7 });
  });

  it('is not scoreable unanswered', () => {
    expect(scoreOutcome('NPRS', [null])).toEqual(notScoreable('NPRS needs its single item answered'));
  });
});

describe('scoreOutcome: GROC', () => {
  it('is the single rating, negative when worse', () => {
    expect(scoreOutcome('GROC', [5])).toEqual({ scoreable: true, score: 5 });
    expect(scoreOutcome('GROC', [-2])).toEqual({ scoreable: true, score: -2 });
  });

  it('is not scoreable unanswered', () => {
    expect(scoreOutcome('GROC', [null])).toEqual(notScoreable('GROC needs its single item answered'));
  });
});

describe('scoreOutcome: PSFS', () => {
  it('is the mean of the activity ratings', () => {
    const three = [
      { activity: 'Walking', value: 3 },
      { activity: 'Lifting', value: 4 },
      { activity: 'Sitting', value: 4 },
    ];
    // (3 + 4 + 4) / 3 = 11 / 3 = 3.666… → 3.7
    expect(scoreOutcome('PSFS', three)).toEqual({ scoreable: true, score: 3.7 });
    const five = [2, 5, 6, 8, 10].map((value, index) => ({ activity: `Activity ${index + 1}`, value }));
    // (2 + 5 + 6 + 8 + 10) / 5 = 31 / 5 = 6.2
    expect(scoreOutcome('PSFS', five)).toEqual({ scoreable: true, score: 6.2 });
  });

  it('is not scoreable with a listed activity unrated', () => {
    const answers = [
      { activity: 'Walking', value: 3 },
      { activity: 'Lifting', value: null },
      { activity: 'Sitting', value: 4 },
    ];
    expect(scoreOutcome('PSFS', answers)).toEqual(notScoreable('PSFS needs all 3 listed activities answered; 2 were'));
  });
});

describe('scoreOutcome: ODI', () => {
  it('is sum / 50 × 100 with all ten sections', () => {
    // 3+2+4+1+3+2+1+0+2+2 = 20; 20 / 50 × 100 = 40
    expect(scoreOutcome('ODI', [3, 2, 4, 1, 3, 2, 1, 0, 2, 2])).toEqual({ scoreable: true, score: 40 });
  });

  it('divides by 5 × 9 when one section is missing (Fairbank & Pynsent 2000 example: 16 / 45)', () => {
    // 2×7 + 1 + 1 = 16 over 9 sections; 16 / 45 × 100 = 35.555… → 35.6
    expect(scoreOutcome('ODI', [2, 2, 2, 2, 2, 2, 2, null, 1, 1])).toEqual({ scoreable: true, score: 35.6 });
  });

  it('is not scoreable with two sections missing', () => {
    expect(scoreOutcome('ODI', [2, 2, 2, 2, 2, 2, null, null, 1, 1])).toEqual(notScoreable('ODI needs at least 9 of 10 items answered; 8 were'));
  });
});

describe('scoreOutcome: NDI', () => {
  it('is the sum, 0-50', () => {
    // 2+1+3+1+2+1+2+1+2+1 = 16
    expect(scoreOutcome('NDI', [2, 1, 3, 1, 2, 1, 2, 1, 2, 1])).toEqual({ scoreable: true, score: 16 });
  });

  it('gives each missing item the mean of the answered ones, up to 2 missing', () => {
    // one missing: 2+1+3+1+2+1+2+2+1 = 15 over 9; 15 + 15/9 = 15 × 10 / 9 = 16.666… → 16.7
    expect(scoreOutcome('NDI', [2, 1, 3, 1, 2, 1, 2, null, 2, 1])).toEqual({ scoreable: true, score: 16.7 });
    // two missing: 2+1+3+1+2+1+2+1 = 13 over 8; 13 × 10 / 8 = 16.25 → 16.3
    expect(scoreOutcome('NDI', [2, 1, 3, 1, 2, 1, 2, null, null, 1])).toEqual({ scoreable: true, score: 16.3 });
  });

  it('is not scoreable with three items missing', () => {
    expect(scoreOutcome('NDI', [2, 1, 3, 1, 2, 1, null, null, null, 1])).toEqual(notScoreable('NDI needs at least 8 of 10 items answered; 7 were'));
  });
});

describe('scoreOutcome: QuickDASH', () => {
  it('is ((sum / n) − 1) × 25 with all 11 items', () => {
    // 3+2+2+3+1+4+2+3+3+2+2 = 27; (27 / 11 − 1) × 25 = (2.4545… − 1) × 25 = 36.36… → 36.4
    expect(scoreOutcome('QUICKDASH', [3, 2, 2, 3, 1, 4, 2, 3, 3, 2, 2])).toEqual({ scoreable: true, score: 36.4 });
  });

  it('uses n = 10 when one item is missing', () => {
    // 3+2+2+3+1+4+2+3+3+2 = 25; (25 / 10 − 1) × 25 = 1.5 × 25 = 37.5
    expect(scoreOutcome('QUICKDASH', [3, 2, 2, 3, 1, 4, 2, 3, 3, 2, null])).toEqual({ scoreable: true, score: 37.5 });
  });

  it('is not scoreable with 9 of 11 answered, and says so', () => {
    expect(scoreOutcome('QUICKDASH', [3, 2, 2, 3, 1, 4, 2, 3, 3, null, null])).toEqual(
      notScoreable('QuickDASH needs at least 10 of 11 items answered; 9 were'),
    );
  });
});

describe('scoreOutcome: PRTEE', () => {
  it('is pain sum + function sum / 2', () => {
    // pain 5+7+6+3+8 = 29; function 4+5+3+6+2+5+4+3+5+6 = 43, / 2 = 21.5; total 29 + 21.5 = 50.5
    expect(scoreOutcome('PRTEE', [5, 7, 6, 3, 8, 4, 5, 3, 6, 2, 5, 4, 3, 5, 6])).toEqual({
      scoreable: true,
      score: 50.5,
      subscores: { pain: 29, function: 21.5 },
    });
  });

  it('gives a missing item the mean of its subscale', () => {
    // pain: 5+6+3+8 = 22 over 4, mean 5.5, × 5 = 27.5
    // function: 4+3+6+2+5+3+5+6 = 34 over 8, mean 4.25, × 10 = 42.5, / 2 = 21.25 → 21.3
    // total 27.5 + 21.25 = 48.75 → 48.8 (rounded once, from the unrounded subscales)
    expect(scoreOutcome('PRTEE', [5, null, 6, 3, 8, 4, null, 3, 6, 2, 5, null, 3, 5, 6])).toEqual({
      scoreable: true,
      score: 48.8,
      subscores: { pain: 27.5, function: 21.3 },
    });
  });

  it('is not scoreable with 2 of the 5 pain items missing', () => {
    expect(scoreOutcome('PRTEE', [5, null, null, 3, 8, 4, 5, 3, 6, 2, 5, 4, 3, 5, 6])).toEqual(
      notScoreable('PRTEE pain subscale needs at least 4 of 5 items answered; 3 were'),
    );
  });
});

describe('scoreOutcome: SPADI', () => {
  it('is the mean of the pain and disability percentages', () => {
    // pain 6+5+7+4+3 = 25, / 50 × 100 = 50; disability 3+4+5+2+6+4+7+1 = 32, / 80 × 100 = 40; total (50 + 40) / 2 = 45
    expect(scoreOutcome('SPADI', [6, 5, 7, 4, 3, 3, 4, 5, 2, 6, 4, 7, 1])).toEqual({
      scoreable: true,
      score: 45,
      subscores: { pain: 50, disability: 40 },
    });
  });

  it('drops unanswered items from the subscale denominator, up to 2 per subscale', () => {
    // pain 6+7+3 = 16 over 3 items, / 30 × 100 = 53.33… → 53.3
    // disability 3+4+2+6+4+7+1 = 27 over 7 items, / 70 × 100 = 38.571… → 38.6
    // total (53.333… + 38.571…) / 2 = 45.952… → 46
    expect(scoreOutcome('SPADI', [6, null, 7, null, 3, 3, 4, null, 2, 6, 4, 7, 1])).toEqual({
      scoreable: true,
      score: 46,
      subscores: { pain: 53.3, disability: 38.6 },
    });
  });

  it('is not scoreable when a subscale has 3 items missing (Roach 1991)', () => {
    expect(scoreOutcome('SPADI', [6, 5, 7, 4, 3, 3, null, null, null, 6, 4, 7, 1])).toEqual(
      notScoreable('SPADI disability subscale needs at least 6 of 8 items answered; 5 were'),
    );
  });
});

describe('scoreOutcome: FIQR', () => {
  it('is function / 3 + overall + symptoms / 2', () => {
    // function 2+3+1+4+3+2+3+2+1 = 21, / 3 = 7; overall 5+6 = 11; symptoms 7+6+5+6+4+3+5+6+2+4 = 48, / 2 = 24
    // total 7 + 11 + 24 = 42
    expect(scoreOutcome('FIQR', [2, 3, 1, 4, 3, 2, 3, 2, 1, 5, 6, 7, 6, 5, 6, 4, 3, 5, 6, 2, 4])).toEqual({
      scoreable: true,
      score: 42,
      subscores: { function: 7, overall: 11, symptoms: 24 },
    });
  });

  it('rounds the domains and the total separately', () => {
    // function 2+3+1+4+3+2+3+1+1 = 20, / 3 = 6.666… → 6.7; overall 11; symptoms 7+6+5+6+4+3+5+6+2+3 = 47, / 2 = 23.5
    // total 6.666… + 11 + 23.5 = 41.166… → 41.2
    expect(scoreOutcome('FIQR', [2, 3, 1, 4, 3, 2, 3, 1, 1, 5, 6, 7, 6, 5, 6, 4, 3, 5, 6, 2, 3])).toEqual({
      scoreable: true,
      score: 41.2,
      subscores: { function: 6.7, overall: 11, symptoms: 23.5 },
    });
  });

  it('is not scoreable with any item missing', () => {
    expect(scoreOutcome('FIQR', [2, 3, 1, 4, 3, 2, 3, 2, 1, 5, 6, 7, 6, 5, 6, null, 3, 5, 6, 2, 4])).toEqual(
      notScoreable('FIQR needs all 21 items answered; 20 were'),
    );
  });
});

describe('scoreOutcome: HIT-6', () => {
  it('is the sum of the published values', () => {
    // 10 + 11 + 8 + 10 + 13 + 6 = 58
    expect(scoreOutcome('HIT6', [10, 11, 8, 10, 13, 6])).toEqual({ scoreable: true, score: 58 });
  });

  it('is not scoreable with an item missing', () => {
    expect(scoreOutcome('HIT6', [10, 11, 8, null, 13, 6])).toEqual(notScoreable('HIT-6 needs all 6 items answered; 5 were'));
  });
});

describe('scoreOutcome: LEFS', () => {
  const answers = [3, 3, 4, 4, 3, 2, 3, 4, 2, 4, 4, 3, 3, 3, 4, 1, 1, 1, 2, 4];

  it('is the sum, 0-80', () => {
    // 3+3+4+4+3 = 17; 2+3+4+2+4 = 15; 4+3+3+3+4 = 17; 1+1+1+2+4 = 9; 17 + 15 + 17 + 9 = 58
    expect(scoreOutcome('LEFS', answers)).toEqual({ scoreable: true, score: 58 });
  });

  it('gives up to 4 missing items the mean of the answered ones', () => {
    // items 16-19 (1, 1, 1, 2) missing: 58 − 5 = 53 over 16; 53 × 20 / 16 = 66.25 → 66.3
    expect(scoreOutcome('LEFS', [...answers.slice(0, 15), null, null, null, null, 4])).toEqual({ scoreable: true, score: 66.3 });
  });

  it('is not scoreable with 5 items missing', () => {
    expect(scoreOutcome('LEFS', [...answers.slice(0, 15), null, null, null, null, null])).toEqual(
      notScoreable('LEFS needs at least 16 of 20 items answered; 15 were'),
    );
  });
});

describe('scoreOutcome: answers that do not fit the instrument', () => {
  it('reports them instead of throwing', () => {
    expect(scoreOutcome('ODI', [1, 2, 3])).toEqual({
      scoreable: false,
      rule: 'invalid-answers',
      reason: 'ODI has 10 items: send 10 answers in item order, null for an unanswered item',
    });
    expect(scoreOutcome('HIT6', [7, 6, 6, 6, 6, 6])).toEqual({
      scoreable: false,
      rule: 'invalid-answers',
      reason: 'Item 1 (Severe headache pain) must be 6, 8, 10, 11 or 13',
    });
  });
});
