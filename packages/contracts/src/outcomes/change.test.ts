import { describe, expect, it } from 'vitest';
import { changeFromBaseline, isResponder, mcidTarget } from './change';

describe('changeFromBaseline: lower is better', () => {
  it('NDI 20 → 12 (a fall of 8 ≥ 7.5) is a responder', () => {
    // −8 points; −8 / 20 = −40%
    expect(changeFromBaseline('NDI', 20, 12)).toEqual({ absolute: -8, percent: -40, improved: true, mcidReached: true });
  });

  it('NDI reaches its MCID at exactly 7.5 and not at 7', () => {
    expect(changeFromBaseline('NDI', 20, 12.5)?.mcidReached).toBe(true);
    // −7 points, −35%: improved, below the 7.5 MCID
    expect(changeFromBaseline('NDI', 20, 13)).toEqual({ absolute: -7, percent: -35, improved: true, mcidReached: false });
  });

  it('NDI rising by 8 is worse, not a responder', () => {
    expect(changeFromBaseline('NDI', 12, 20)).toEqual({ absolute: 8, percent: 66.7, improved: false, mcidReached: false });
  });

  it('NPRS 6 → 4 responds on points', () => {
    // −2 points (= MCID 2); −2 / 6 = −33.3%
    expect(changeFromBaseline('NPRS', 6, 4)).toEqual({ absolute: -2, percent: -33.3, improved: true, mcidReached: true });
    // 8 → 6: −2 points but only −25%: points alone suffice
    expect(changeFromBaseline('NPRS', 8, 6)?.mcidReached).toBe(true);
  });

  it('NPRS 3 → 2 responds on percent alone', () => {
    // −1 point (< 2) but −1 / 3 = −33.3% (≥ 30%)
    expect(changeFromBaseline('NPRS', 3, 2)).toEqual({ absolute: -1, percent: -33.3, improved: true, mcidReached: true });
    // 10 → 7: −3 points anyway, and exactly −30%
    expect(changeFromBaseline('NPRS', 10, 7)?.percent).toBe(-30);
  });

  it('NPRS 5 → 4 is neither 2 points nor 30%', () => {
    // −1 point, −1 / 5 = −20%
    expect(changeFromBaseline('NPRS', 5, 4)).toEqual({ absolute: -1, percent: -20, improved: true, mcidReached: false });
  });

  it('NPRS from a baseline of 0 has no percent and cannot respond', () => {
    expect(changeFromBaseline('NPRS', 0, 0)).toEqual({ absolute: 0, percent: null, improved: false, mcidReached: false });
  });

  it('PRTEE responds at 11 points or 37%', () => {
    // 60 → 49: −11 points (−18.3%)
    expect(changeFromBaseline('PRTEE', 60, 49)?.mcidReached).toBe(true);
    // 60 → 50: −10 points, −16.7%: neither
    expect(changeFromBaseline('PRTEE', 60, 50)).toEqual({ absolute: -10, percent: -16.7, improved: true, mcidReached: false });
    // 25 → 15: −10 points but −40% (≥ 37%)
    expect(changeFromBaseline('PRTEE', 25, 15)).toEqual({ absolute: -10, percent: -40, improved: true, mcidReached: true });
  });

  it('FIQR responds on a 14% fall, whatever the points', () => {
    // 50 → 43: −7 / 50 = −14%
    expect(changeFromBaseline('FIQR', 50, 43)).toEqual({ absolute: -7, percent: -14, improved: true, mcidReached: true });
    // 50 → 43.5: −6.5 / 50 = −13%
    expect(changeFromBaseline('FIQR', 50, 43.5)?.mcidReached).toBe(false);
    // baseline 0: no percent, so no responder
    expect(changeFromBaseline('FIQR', 0, 0)?.mcidReached).toBe(false);
  });

  it.each([
    ['ODI', 40, 28, true], // −12 = MCID 12
    ['ODI', 40, 28.9, false], // −11.1
    ['QUICKDASH', 50, 36, true], // −14 = MCID 14
    ['QUICKDASH', 50, 36.4, false], // −13.6
    ['SPADI', 45, 32, true], // −13 = MCID 13
    ['SPADI', 45, 32.5, false], // −12.5
    ['HIT6', 64, 58, true], // −6 = MCID 6
    ['HIT6', 64, 59, false], // −5
  ] as const)('%s %d → %d responder: %s', (measure, baseline, later, responder) => {
    expect(changeFromBaseline(measure, baseline, later)?.mcidReached).toBe(responder);
  });
});

describe('changeFromBaseline: higher is better', () => {
  it('LEFS 40 → 49 (a rise of 9) is a responder; 40 → 48 is not', () => {
    // +9 / 40 = +22.5%
    expect(changeFromBaseline('LEFS', 40, 49)).toEqual({ absolute: 9, percent: 22.5, improved: true, mcidReached: true });
    // +8 / 40 = +20%
    expect(changeFromBaseline('LEFS', 40, 48)).toEqual({ absolute: 8, percent: 20, improved: true, mcidReached: false });
  });

  it('LEFS falling by 10 is worse, not a responder', () => {
    expect(changeFromBaseline('LEFS', 40, 30)).toEqual({ absolute: -10, percent: -25, improved: false, mcidReached: false });
  });

  it('PSFS 1.3 → 3.3 responds despite binary noise (3.3 − 1.3 = 1.9999999999999998)', () => {
    expect(changeFromBaseline('PSFS', 1.3, 3.3)).toEqual({ absolute: 2, percent: 153.8, improved: true, mcidReached: true });
    expect(changeFromBaseline('PSFS', 1.3, 3.2)?.mcidReached).toBe(false);
  });
});

describe('changeFromBaseline: GROC, which has no baseline', () => {
  it('takes its score as the change and responds at +3 or more', () => {
    expect(changeFromBaseline('GROC', null, 3)).toEqual({ absolute: 3, percent: null, improved: true, mcidReached: true });
    expect(changeFromBaseline('GROC', null, 2)).toEqual({ absolute: 2, percent: null, improved: true, mcidReached: false });
    expect(changeFromBaseline('GROC', null, -3)).toEqual({ absolute: -3, percent: null, improved: false, mcidReached: false });
  });

  it('gives no change for any other instrument without a baseline', () => {
    expect(changeFromBaseline('NDI', null, 12)).toBeNull();
  });
});

describe('isResponder', () => {
  it('is the MCID reached in the better direction', () => {
    expect(isResponder('NDI', 20, 12)).toBe(true);
    expect(isResponder('NDI', 12, 20)).toBe(false);
    expect(isResponder('LEFS', 40, 49)).toBe(true);
    expect(isResponder('GROC', null, 4)).toBe(true);
    expect(isResponder('ODI', null, 10)).toBe(false);
  });
});

describe('mcidTarget', () => {
  it('is baseline ∓ the MCID in the better direction', () => {
    expect(mcidTarget('NDI', 20)).toBe(12.5); // 20 − 7.5
    expect(mcidTarget('LEFS', 40)).toBe(49); // 40 + 9
    expect(mcidTarget('FIQR', 50)).toBe(43); // 50 × (1 − 14%)
  });

  it('takes the easier of points and percent where either counts', () => {
    expect(mcidTarget('NPRS', 6)).toBe(4.2); // min(2, 30% of 6 = 1.8) → 6 − 1.8
    expect(mcidTarget('NPRS', 8)).toBe(6); // min(2, 2.4) → 8 − 2
    expect(mcidTarget('PRTEE', 60)).toBe(49); // min(11, 37% of 60 = 22.2) → 60 − 11
  });

  it('is +3 for GROC and null when the MCID cannot be reached within the range', () => {
    expect(mcidTarget('GROC', null)).toBe(3);
    expect(mcidTarget('NPRS', 0)).toBeNull(); // 30% of 0 is no improvement at all
    expect(mcidTarget('LEFS', 75)).toBeNull(); // 75 + 9 = 84 > 80
    expect(mcidTarget('ODI', null)).toBeNull();
  });
});
