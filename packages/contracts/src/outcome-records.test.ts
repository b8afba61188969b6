import { describe, expect, it } from 'vitest';
import { CreateOutcomeRequest, OutcomeMeasureDefinition } from './outcome-records';
import { OUTCOME_INSTRUMENTS } from './outcomes/instruments';
import { OUTCOME_MEASURES } from './outcomes/instrument-types';

const PLAN_ID = '0190c6b2-7a1e-7c3d-9f00-4d2f1a3b5c6d';
const body = (overrides: Record<string, unknown> = {}) => ({
  planId: PLAN_ID,
  measure: 'NDI',
  timepoint: 'baseline',
  answers: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
  takenAt: '2026-03-02T10:00:00-08:00',
  ...overrides,
});
const issues = (input: unknown) => {
  const result = CreateOutcomeRequest.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('OutcomeMeasureDefinition', () => {
  it.each(OUTCOME_MEASURES)('describes the %s instrument as served to the form', (measure) => {
    expect(OutcomeMeasureDefinition.parse(OUTCOME_INSTRUMENTS[measure])).toEqual(OUTCOME_INSTRUMENTS[measure]);
  });
});

describe('CreateOutcomeRequest', () => {
  it('accepts a baseline and a numbered session', () => {
    expect(issues(body())).toEqual([]);
    expect(issues(body({ timepoint: 'session', sessionNumber: 4 }))).toEqual([]);
    expect(issues(body({ timepoint: 'discharge' }))).toEqual([]);
  });

  it('reports each answer under answers.<index>, naming the item', () => {
    expect(issues(body({ answers: [3, 3, 3, 9, 3, 3, 3, 3, 3, 3] }))).toEqual([{ path: 'answers.3', message: 'Item 4 (Reading) must be 0 to 5' }]);
  });

  it('refuses GROC at baseline and a session without its number', () => {
    expect(issues(body({ measure: 'GROC', answers: [3] })).map((issue) => issue.path)).toEqual(['timepoint']);
    expect(issues(body({ timepoint: 'session' }))).toEqual([{ path: 'sessionNumber', message: 'is required when the time point is a session' }]);
    expect(issues(body({ timepoint: 'session', sessionNumber: 0 })).map((issue) => issue.path)).toEqual(['sessionNumber']);
  });
});
