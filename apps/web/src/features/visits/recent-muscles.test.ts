import { describe, expect, it } from 'vitest';
import { muscleMatches, muscleOptionGroups, recentMuscleCodes } from './recent-muscles';
import { MUSCLES, summaryFixture } from './testing/visit-fixtures';

const muscles = Object.values(MUSCLES);

describe('recentMuscleCodes', () => {
  it('puts this patient’s muscles first, newest visit first, then the clinician’s, without repeats or this visit', () => {
    const codes = recentMuscleCodes({
      patientVisits: [
        summaryFixture({ id: '5e5e5e5e-0000-4000-8000-000000000001', visitedAt: '2026-02-01T17:00:00Z', muscleCodes: ['masseter'] }),
        summaryFixture({ id: '5e5e5e5e-0000-4000-8000-000000000002', visitedAt: '2026-03-01T17:00:00Z', muscleCodes: ['upper_trapezius', 'masseter'] }),
        summaryFixture({ id: 'this-visit', visitedAt: '2026-03-09T17:00:00Z', muscleCodes: ['intercostals'] }),
      ],
      clinicianVisits: [summaryFixture({ muscleCodes: ['gluteus_medius', 'upper_trapezius'] })],
      excludeVisitId: 'this-visit',
    });
    expect(codes).toEqual(['upper_trapezius', 'masseter', 'gluteus_medius']);
  });

  it('keeps the list short', () => {
    const many = summaryFixture({ muscleCodes: Array.from({ length: 30 }, (_, n) => `m${n}`) });
    expect(recentMuscleCodes({ patientVisits: [many], clinicianVisits: [], limit: 5 })).toHaveLength(5);
  });
});

describe('muscleOptionGroups', () => {
  it('offers recent muscles first and the rest by region, each muscle once', () => {
    const groups = muscleOptionGroups(muscles, ['gluteus_medius', 'unknown_code']);
    expect(groups.map((group) => group.group)).toEqual(['Recent', 'Head and neck', 'Chest wall', 'Back']);
    expect(groups[0]!.items).toEqual([{ value: MUSCLES.gluteusMedius.id, label: 'Gluteus medius' }]);
    expect(groups[1]!.items.map((item) => item.label)).toEqual(['Masseter', 'Upper trapezius']);
    expect(groups.flatMap((group) => group.items)).toHaveLength(muscles.length);
  });
});

describe('muscleMatches', () => {
  it('matches every typed word against the name, code or region', () => {
    expect(muscleMatches(MUSCLES.upperTrapezius, 'up trap')).toBe(true);
    expect(muscleMatches(MUSCLES.gluteusMedius, 'glut med')).toBe(true);
    expect(muscleMatches(MUSCLES.lumbarMultifidus, 'back')).toBe(true);
    expect(muscleMatches(MUSCLES.upperTrapezius, 'lower trap')).toBe(false);
    expect(muscleMatches(undefined, 'trap')).toBe(false);
  });
});
