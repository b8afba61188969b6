import { z } from 'zod';

/** The outcome measures the app scores (domain.md's table); ids match the database enum. */
export const OUTCOME_MEASURE_IDS = ['NPRS', 'PSFS', 'ODI', 'NDI', 'QUICKDASH', 'PRTEE', 'SPADI', 'FIQR', 'HIT6', 'LEFS', 'GROC'] as const;
export const OutcomeMeasureId = z.enum(OUTCOME_MEASURE_IDS);
export type OutcomeMeasureId = z.infer<typeof OutcomeMeasureId>;
