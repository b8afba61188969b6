import { OUTCOME_MEASURES, OutcomeMeasure } from './outcomes/instrument-types';

/** The outcome measures a plan can name as primary: the instruments' ids (they match the database enum). */
export const OUTCOME_MEASURE_IDS = OUTCOME_MEASURES;
export const OutcomeMeasureId = OutcomeMeasure;
export type OutcomeMeasureId = OutcomeMeasure;
