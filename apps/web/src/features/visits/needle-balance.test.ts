import { describe, expect, it } from 'vitest';
import { needleBalance } from './needle-balance';

describe('needleBalance', () => {
  it('balances when every opened needle came back and went in the sharps bin', () => {
    const balance = needleBalance({ opened: 6, removed: 6, retained: 0, disposed: 6 }, []);
    expect(balance).toEqual({ balanced: true, unaccounted: 0, undisposed: 0, retainedUnrecorded: false, problems: [] });
  });

  it('balances an all-zero count (no needling)', () => {
    expect(needleBalance({ opened: 0, removed: 0, retained: 0, disposed: 0 }, []).balanced).toBe(true);
  });

  it('counts needles opened but neither removed nor retained', () => {
    const balance = needleBalance({ opened: 10, removed: 8, retained: 0, disposed: 8 }, []);
    expect(balance.balanced).toBe(false);
    expect(balance.unaccounted).toBe(2);
    expect(balance.problems).toEqual(['2 needles opened but neither removed nor retained (opened 10, removed 8, retained 0).']);
  });

  it('refuses more needles back than were opened', () => {
    const balance = needleBalance({ opened: 3, removed: 4, retained: 0, disposed: 4 }, []);
    expect(balance.unaccounted).toBe(-1);
    expect(balance.problems).toEqual(['1 needle more removed or retained than opened (opened 3, removed 4, retained 0).']);
  });

  it('requires every removed needle disposed of, in both directions', () => {
    expect(needleBalance({ opened: 5, removed: 5, retained: 0, disposed: 4 }, []).problems).toEqual([
      '1 needle removed but not disposed of (removed 5, disposed 4).',
    ]);
    expect(needleBalance({ opened: 5, removed: 5, retained: 0, disposed: 7 }, []).problems).toEqual([
      '2 needles more disposed of than removed (removed 5, disposed 7).',
    ]);
  });

  it('balances a retained needle only once it is recorded as an adverse event', () => {
    const count = { opened: 5, removed: 4, retained: 1, disposed: 4 };
    const unrecorded = needleBalance(count, ['bruising']);
    expect(unrecorded.unaccounted).toBe(0);
    expect(unrecorded.retainedUnrecorded).toBe(true);
    expect(unrecorded.problems).toEqual(['1 needle retained: record a "Broken or retained needle" adverse event.']);

    expect(needleBalance(count, ['bruising', 'retained-needle']).balanced).toBe(true);
  });

  it('lists every failed check at once', () => {
    const balance = needleBalance({ opened: 8, removed: 5, retained: 2, disposed: 4 }, []);
    expect(balance.problems).toHaveLength(3);
  });
});
