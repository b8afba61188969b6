import { CONDITIONS, MUSCLE_REGIONS, type Condition, type MuscleRegion, type OutcomeMeasureId, type PlanStatus } from '@ims/contracts';

const CONDITION_LABELS = new Map<string, string>(CONDITIONS.map((condition) => [condition.key, condition.label]));
const REGION_LABELS = new Map<string, string>(MUSCLE_REGIONS.map((region) => [region.key, region.label]));

/** "Neck pain"; for "other", the clinician's own words when given. */
export function conditionLabel(condition: Condition, detail?: string | null): string {
  if (condition === 'other' && detail) return detail;
  return CONDITION_LABELS.get(condition) ?? condition;
}

/** "Head and neck, Shoulder". */
export function regionsLabel(regions: readonly MuscleRegion[]): string {
  return regions.map((region) => REGION_LABELS.get(region) ?? region).join(', ');
}

/** The outcome measures as clinicians name them (domain.md's table), in the order the select offers them. */
export const MEASURE_LABELS: Record<OutcomeMeasureId, string> = {
  NPRS: 'NPRS: Numeric Pain Rating Scale',
  PSFS: 'PSFS: Patient-Specific Functional Scale',
  ODI: 'ODI: Oswestry Disability Index',
  NDI: 'NDI: Neck Disability Index',
  QUICKDASH: 'QuickDASH: arm, shoulder and hand',
  PRTEE: 'PRTEE: Patient-Rated Tennis Elbow Evaluation',
  SPADI: 'SPADI: Shoulder Pain and Disability Index',
  FIQR: 'FIQR: Revised Fibromyalgia Impact Questionnaire',
  HIT6: 'HIT-6: Headache Impact Test',
  LEFS: 'LEFS: Lower Extremity Functional Scale',
  GROC: 'GROC: Global Rating of Change',
};

/**
 * The measure validated for each condition, offered first so the usual choice is one keystroke: a region-specific
 * disability index where one exists, the pain scale otherwise.
 */
export const SUGGESTED_MEASURE: Record<Condition, OutcomeMeasureId> = {
  neck_pain: 'NDI',
  back_pain: 'ODI',
  headache: 'HIT6',
  tennis_elbow: 'PRTEE',
  frozen_shoulder: 'SPADI',
  whiplash: 'NDI',
  fibromyalgia: 'FIQR',
  other: 'NPRS',
};

export const PLAN_STATUS: Record<PlanStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  active: { label: 'Active', color: 'blue' },
  completed: { label: 'Completed', color: 'teal' },
  discontinued: { label: 'Discontinued', color: 'orange' },
};
