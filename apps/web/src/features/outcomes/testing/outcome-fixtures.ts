import {
  changeFromBaseline,
  mcidTarget,
  OUTCOME_INSTRUMENTS,
  outcomeInstrument,
  OutcomeMeasureDefinitions,
  type OutcomeMeasure,
  type OutcomeRecord,
  type PlanOutcomeMeasure,
  type PlanOutcomes,
} from '@ims/contracts';
import { PATIENT_ID } from '../../../test/patient-fixtures';
import { CLINICIAN, PLAN_ID } from '../../plans/testing/plan-fixtures';

/** `GET /api/outcome-measures` as the API serves it: the shared instrument definitions. */
export const definitionsResponse = OutcomeMeasureDefinitions.parse({ items: Object.values(OUTCOME_INSTRUMENTS) });

let sequence = 0;

type RecordInput = Pick<OutcomeRecord, 'measure' | 'timepoint' | 'score'> & Partial<OutcomeRecord>;

/** A stored record; change and responder are filled in by `measureFixture` against the baseline. */
export function recordFixture(input: RecordInput): OutcomeRecord {
  sequence += 1;
  const id = `5e5e5e5e-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  return {
    id,
    planId: PLAN_ID,
    patientId: PATIENT_ID,
    sessionNumber: null,
    atSession: null,
    answers: [],
    subscores: null,
    takenAt: '2026-02-02T17:00:00Z',
    recordedBy: CLINICIAN,
    createdAt: '2026-02-02T17:01:00Z',
    changeFromBaseline: null,
    mcid: { ...outcomeInstrument(input.measure).mcid },
    responder: null,
    ...input,
  };
}

/** One measure of a plan's analysis, derived from its records as the API derives it (shared contract rules). */
export function measureFixture(measure: OutcomeMeasure, records: OutcomeRecord[], primary = true): PlanOutcomeMeasure {
  const instrument = outcomeInstrument(measure);
  const baseline = records.find((record) => record.timepoint === 'baseline') ?? null;
  const withChange = records.map((record) => {
    if (record === baseline) return record;
    const change = changeFromBaseline(measure, baseline?.score ?? null, record.score);
    return { ...record, changeFromBaseline: change, responder: change?.mcidReached ?? null };
  });
  const latest = withChange.filter((record) => record.timepoint !== 'baseline').at(-1) ?? null;
  return {
    measure,
    name: instrument.name,
    primary,
    direction: instrument.direction,
    unit: instrument.unit,
    scoreRange: { ...instrument.scoreRange },
    mcid: { ...instrument.mcid },
    mcidTarget: mcidTarget(measure, baseline?.score ?? null),
    baseline,
    records: withChange,
    latest,
    responder: latest?.responder ?? null,
  };
}

/** NDI baseline 30 and 20 at session 4 (a responder: −10 beats the MCID of 7.5), 4 of 10 sessions signed. */
export function ndiOutcomes(over: Partial<PlanOutcomes> = {}, sessionFour = 20): PlanOutcomes {
  const baseline = recordFixture({ measure: 'NDI', timepoint: 'baseline', score: 30, atSession: 1, takenAt: '2026-02-02T17:00:00Z' });
  const later = recordFixture({ measure: 'NDI', timepoint: 'session', sessionNumber: 4, atSession: 4, score: sessionFour, takenAt: '2026-02-23T17:00:00Z' });
  return {
    planId: PLAN_ID,
    primaryMeasure: 'NDI',
    signedSessions: 4,
    plannedSessions: 10,
    measures: [measureFixture('NDI', [baseline, later])],
    review: { flagged: false, reason: 'NDI reached its MCID of 7.5 points by session 4 (change -10 (-33.3%))' },
    nprsByVisit: {
      visits: [1, 2, 3, 4].map((n) => ({
        visitId: `9c9c9c9c-0000-4000-8000-${String(n).padStart(12, '0')}`,
        sessionNumber: n,
        visitedAt: `2026-02-${String(n * 7 - 5).padStart(2, '0')}T17:00:00Z`,
        painBefore: 8 - n,
        painAfter: 5 - n,
        drop: 3,
      })),
      summary: { visitsRated: 4, meanBefore: 5.5, meanAfter: 2.5, meanDrop: 3 },
    },
    due: [],
    ...over,
  };
}

/** A plan with only its primary measure's baseline so far. */
export function baselineOnlyOutcomes(measure: OutcomeMeasure, baselineRecord: Partial<OutcomeRecord> & { score: number }): PlanOutcomes {
  const baseline = recordFixture({ measure, timepoint: 'baseline', atSession: 1, ...baselineRecord });
  return ndiOutcomes({ primaryMeasure: measure, measures: [measureFixture(measure, [baseline])], review: { flagged: false, reason: null } });
}
