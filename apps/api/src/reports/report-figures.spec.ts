import { percentOf, roundTo, share } from './report-figures';

describe('report figures', () => {
  it('rounds half away from zero, also where binary floats fall just short', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.25, 1)).toBe(-2.3);
    expect(roundTo(66.66666, 1)).toBe(66.7);
  });

  it('gives a share its count and base, and no percentage of nothing', () => {
    expect(share(1, 3)).toEqual({ count: 1, of: 3, percent: 33.3 });
    expect(share(0, 0)).toEqual({ count: 0, of: 0, percent: null });
    expect(percentOf(7.5, 30)).toBe(25);
    expect(percentOf(3, 0)).toBeNull();
  });
});
