import { z } from 'zod';

/** The instruments the clinic scores; the ids match the Prisma enum `OutcomeMeasure`. */
export const OUTCOME_MEASURES = ['NPRS', 'PSFS', 'ODI', 'NDI', 'QUICKDASH', 'PRTEE', 'SPADI', 'FIQR', 'HIT6', 'LEFS', 'GROC'] as const;
export const OutcomeMeasure = z.enum(OUTCOME_MEASURES);
export type OutcomeMeasure = z.infer<typeof OutcomeMeasure>;

/** Which way is better. domain.md's "worse" column: a higher score is worse means 'lower-is-better'. */
export type ScoreDirection = 'lower-is-better' | 'higher-is-better';

/** One published answer choice with its printed wording (HIT-6 scores its choices 6, 8, 10, 11, 13). */
export interface AnswerChoice {
  value: number;
  label: string;
}

/** The values an item accepts: every whole number in a range, or an explicit set of published values. */
export type AllowedValues =
  | { kind: 'range'; min: number; max: number; anchors?: { min: string; max: string } }
  | { kind: 'choices'; choices: readonly AnswerChoice[] };

export interface OutcomeItem {
  /** 1-based, as printed on the form; its answer is `answers[number - 1]`. */
  number: number;
  /** Short paraphrase of the published item, not its full wording. */
  label: string;
  values: AllowedValues;
}

export interface OutcomeSubscale {
  key: string;
  label: string;
  /** Item numbers (1-based) in this subscale. */
  items: readonly number[];
  /** Unanswered items this subscale tolerates before it (and so the total) is not scoreable. */
  maxMissing: number;
  scoreRange: { min: number; max: number };
}

/** Minimal clinically important difference: a change of at least `value` (points, or % of baseline) in the better direction. */
export interface Mcid {
  value: number;
  kind: 'points' | 'percent';
  /** A responder may instead reach this % change from baseline (NPRS 30%, PRTEE 37%). */
  alternativePercent?: number;
  citation: string;
}

/** PSFS asks the patient to name their own activities, so it has no fixed items: 3-5 rated 0-10. */
export interface PatientChosenActivities {
  min: number;
  max: number;
  activityMaxLength: number;
  values: Extract<AllowedValues, { kind: 'range' }>;
}

export interface OutcomeInstrument {
  id: OutcomeMeasure;
  /** Short name clinicians use ("QuickDASH"). */
  name: string;
  fullName: string;
  /** Fixed items in published order; empty for PSFS (see `activities`). */
  items: readonly OutcomeItem[];
  activities?: PatientChosenActivities;
  subscales?: readonly OutcomeSubscale[];
  direction: ScoreDirection;
  scoreRange: { min: number; max: number };
  unit: 'points' | '%';
  /** Unanswered items tolerated overall (PSFS: every listed activity must be rated). */
  maxMissing: number;
  /** How the score is computed, with its source. */
  scoringRule: string;
  /** What happens with unanswered items, with its source; shown to clinicians beside a "not scoreable" result. */
  missingRule: string;
  mcid: Mcid;
  /** False for GROC: it asks about change since the start, so its score is itself the change. */
  hasBaseline: boolean;
}
