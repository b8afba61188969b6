import { nprsByVisit } from './nprs-by-visit';

const visit = (sessionNumber: number, painBefore: number | null, painAfter: number | null) => ({
  id: `00000000-0000-4000-8000-00000000000${sessionNumber}`,
  sessionNumber,
  visitedAt: new Date(Date.UTC(2026, 2, sessionNumber * 7, 17)),
  painBefore,
  painAfter,
});

describe('nprsByVisit', () => {
  it('lists each visit in session order with the drop within it, and averages over the visits rated both ways', () => {
    const result = nprsByVisit([visit(2, 6, 3), visit(1, 7, 4), visit(3, 5, null), visit(4, 4, 4)]);
    expect(result.visits.map((v) => [v.sessionNumber, v.drop])).toEqual([[1, 3], [2, 3], [3, null], [4, 0]]);
    expect(result.visits[0]).toEqual({ visitId: visit(1, 7, 4).id, sessionNumber: 1, visitedAt: '2026-03-07T17:00:00.000Z', painBefore: 7, painAfter: 4, drop: 3 });
    // Rated both ways: sessions 1, 2 and 4. Before (7 + 6 + 4) / 3 = 5.7; after (4 + 3 + 4) / 3 = 3.7; drop (3 + 3 + 0) / 3 = 2.
    expect(result.summary).toEqual({ visitsRated: 3, meanBefore: 5.7, meanAfter: 3.7, meanDrop: 2 });
  });

  it('rounds a mean half away from zero, pain that rose included', () => {
    expect(nprsByVisit([visit(1, 3, 4), visit(2, 3, 4), visit(3, 3, 3), visit(4, 3, 3)]).summary.meanDrop).toBe(-0.5);
    expect(nprsByVisit([visit(1, 2, 3), visit(2, 2, 2), visit(3, 2, 2), visit(4, 2, 2)]).summary.meanDrop).toBe(-0.3);
  });

  it('has no means without a visit rated both ways', () => {
    expect(nprsByVisit([]).summary).toEqual({ visitsRated: 0, meanBefore: null, meanAfter: null, meanDrop: null });
    expect(nprsByVisit([visit(1, 5, null)]).summary).toEqual({ visitsRated: 0, meanBefore: null, meanAfter: null, meanDrop: null });
  });
});
