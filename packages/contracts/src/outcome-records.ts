import { z } from 'zod';
import { Id, IsoDateTime } from './common';
import { refineOutcomeAnswers } from './outcomes/answers';
import { OutcomeMeasure } from './outcomes/instrument-types';

// ── The instruments, as `GET /api/outcome-measures` serves them to the recording form ──────────────────────────────

const ScoreRange = z.object({ min: z.number(), max: z.number() });

const RangeValues = z.object({
  kind: z.literal('range'),
  min: z.number().int(),
  max: z.number().int(),
  /** What the ends of the scale mean ("No pain" … "Worst pain imaginable"). */
  anchors: z.object({ min: z.string(), max: z.string() }).optional(),
});

const ChoiceValues = z.object({
  kind: z.literal('choices'),
  /** The published values with their printed wording (HIT-6: 6 Never … 13 Always). */
  choices: z.array(z.object({ value: z.number(), label: z.string() })),
});

export const OutcomeItemDefinition = z.object({
  /** 1-based, as printed; its answer is `answers[number - 1]`. */
  number: z.number().int().min(1),
  label: z.string(),
  values: z.discriminatedUnion('kind', [RangeValues, ChoiceValues]),
});
export type OutcomeItemDefinition = z.infer<typeof OutcomeItemDefinition>;

export const OutcomeMcid = z.object({
  value: z.number(),
  /** `points` on the instrument's scale, or `percent` of the baseline score (FIQR). */
  kind: z.enum(['points', 'percent']),
  /** A responder may instead reach this % change from baseline (NPRS 30%, PRTEE 37%). */
  alternativePercent: z.number().optional(),
  citation: z.string(),
});
export type OutcomeMcid = z.infer<typeof OutcomeMcid>;

export const OutcomeMeasureDefinition = z.object({
  id: OutcomeMeasure,
  name: z.string(),
  fullName: z.string(),
  /** Fixed items in published order; empty for PSFS (see `activities`). */
  items: z.array(OutcomeItemDefinition),
  /** PSFS only: 3-5 activities the patient names, each rated on `values`. */
  activities: z.object({ min: z.number().int(), max: z.number().int(), activityMaxLength: z.number().int(), values: RangeValues }).optional(),
  subscales: z
    .array(z.object({ key: z.string(), label: z.string(), items: z.array(z.number().int()), maxMissing: z.number().int(), scoreRange: ScoreRange }))
    .optional(),
  direction: z.enum(['lower-is-better', 'higher-is-better']),
  scoreRange: ScoreRange,
  unit: z.enum(['points', '%']),
  /** Unanswered items tolerated overall. */
  maxMissing: z.number().int(),
  scoringRule: z.string(),
  missingRule: z.string(),
  mcid: OutcomeMcid,
  /** False for GROC: it rates change since the start, so it has no baseline and its score is itself the change. */
  hasBaseline: z.boolean(),
});
export type OutcomeMeasureDefinition = z.infer<typeof OutcomeMeasureDefinition>;

export const OutcomeMeasureDefinitions = z.object({ items: z.array(OutcomeMeasureDefinition) });
export type OutcomeMeasureDefinitions = z.infer<typeof OutcomeMeasureDefinitions>;

// ── Recording: `POST /api/outcomes` ───────────────────────────────────────────────────────────────────────────────

export const OutcomeTimepoint = z.enum(['baseline', 'session', 'discharge', 'adhoc']);
export type OutcomeTimepoint = z.infer<typeof OutcomeTimepoint>;

/** The fields of a recording without the cross-field checks, for forms that `.pick`/`.extend` them. */
export const OutcomeRecordFields = z.object({
  planId: Id,
  measure: OutcomeMeasure,
  timepoint: OutcomeTimepoint,
  /** The plan session it was taken at: required for `session`, optional otherwise. */
  sessionNumber: z.number().int().min(1).optional(),
  /** In the instrument's item order, each the item's published value or null; PSFS: `{ activity, value }` entries. */
  answers: z.array(z.unknown()),
  takenAt: IsoDateTime,
});

/**
 * Checked here, before any database work: each answer against its item (errors at `answers.<index>` naming the item),
 * GROC never at baseline, a session time point names its session. The server adds what needs the plan: scoreable,
 * one baseline, PSFS activities kept from baseline, the session not beyond the next one, `takenAt` not in the future.
 */
export const CreateOutcomeRequest = OutcomeRecordFields.superRefine((body, context) => {
  if (body.measure === 'GROC' && body.timepoint === 'baseline') {
    context.addIssue({ code: 'custom', path: ['timepoint'], message: 'GROC has no baseline: it rates change since treatment began, so record it at a session, at discharge or ad hoc' });
  }
  if (body.timepoint === 'session' && body.sessionNumber === undefined) {
    context.addIssue({ code: 'custom', path: ['sessionNumber'], message: 'is required when the time point is a session' });
  }
  refineOutcomeAnswers(body, context);
});
export type CreateOutcomeRequest = z.input<typeof CreateOutcomeRequest>;

export const PsfsAnswerEntry = z.object({ activity: z.string(), value: z.number().nullable() });

export const ChangeFromBaseline = z.object({
  /** Later − baseline on the instrument's scale; for GROC the GROC score itself. */
  absolute: z.number(),
  /** % of the baseline score; null for GROC or a baseline of 0. */
  percent: z.number().nullable(),
  /** Moved in the better direction at all. */
  improved: z.boolean(),
  /** Reached the MCID in the better direction. */
  mcidReached: z.boolean(),
});
export type ChangeFromBaseline = z.infer<typeof ChangeFromBaseline>;

export const OutcomeRecord = z.object({
  id: Id,
  planId: Id,
  patientId: Id,
  measure: OutcomeMeasure,
  timepoint: OutcomeTimepoint,
  /** As recorded: the session it was taken at, when given. */
  sessionNumber: z.number().int().nullable(),
  /**
   * The plan session it counts for: `sessionNumber` when given, else the sessions signed by the day it was taken
   * (null before the first). Reassessment at session 4 and the review are judged on it.
   */
  atSession: z.number().int().nullable(),
  answers: z.array(z.union([z.number().nullable(), PsfsAnswerEntry])),
  /** On the instrument's published scale, one decimal. */
  score: z.number(),
  /** PRTEE pain/function, SPADI pain/disability, FIQR function/overall/symptoms. */
  subscores: z.record(z.string(), z.number()).nullable(),
  takenAt: IsoDateTime,
  recordedBy: z.object({ id: Id, name: z.string() }),
  createdAt: IsoDateTime,
  /** Against the plan's baseline of this measure; null for the baseline itself or while there is none (GROC: its own score). */
  changeFromBaseline: ChangeFromBaseline.nullable(),
  mcid: OutcomeMcid,
  /** Reached the MCID in the better direction; null when there is nothing to compare with. */
  responder: z.boolean().nullable(),
});
export type OutcomeRecord = z.infer<typeof OutcomeRecord>;

// ── Analysis: `GET /api/plans/:id/outcomes` ───────────────────────────────────────────────────────────────────────

export const PlanOutcomeMeasure = z.object({
  measure: OutcomeMeasure,
  name: z.string(),
  /** The plan's primary measure comes first. */
  primary: z.boolean(),
  direction: z.enum(['lower-is-better', 'higher-is-better']),
  unit: z.enum(['points', '%']),
  scoreRange: ScoreRange,
  mcid: OutcomeMcid,
  /** The score a later assessment must reach to count as a responder: the chart's MCID line (GROC: +3). */
  mcidTarget: z.number().nullable(),
  baseline: OutcomeRecord.nullable(),
  /** Every record of this measure, baseline included, oldest first. */
  records: z.array(OutcomeRecord),
  /** The newest record after the baseline, null without one. */
  latest: OutcomeRecord.nullable(),
  /** Whether the latest record reached the MCID; null without a baseline (GROC aside) or a later record. */
  responder: z.boolean().nullable(),
});
export type PlanOutcomeMeasure = z.infer<typeof PlanOutcomeMeasure>;

export const OutcomeReview = z.object({
  /** Session 4 reached on an open plan whose primary measure has not reached its MCID, or was not measured since. */
  flagged: z.boolean(),
  /** Why it is (or is not) flagged; null before session 4. */
  reason: z.string().nullable(),
});
export type OutcomeReview = z.infer<typeof OutcomeReview>;

export const NprsVisit = z.object({
  visitId: Id,
  sessionNumber: z.number().int(),
  visitedAt: IsoDateTime,
  painBefore: z.number().int().nullable(),
  painAfter: z.number().int().nullable(),
  /** painBefore − painAfter: positive when the pain eased during the visit. */
  drop: z.number().int().nullable(),
});
export type NprsVisit = z.infer<typeof NprsVisit>;

export const NprsByVisit = z.object({
  visits: z.array(NprsVisit),
  summary: z.object({
    /** Visits with both ratings: the means are over these. */
    visitsRated: z.number().int(),
    meanBefore: z.number().nullable(),
    meanAfter: z.number().nullable(),
    /** Mean of painBefore − painAfter within a visit, one decimal. */
    meanDrop: z.number().nullable(),
  }),
});
export type NprsByVisit = z.infer<typeof NprsByVisit>;

export const OutcomeDue = z.object({
  measure: OutcomeMeasure,
  timepoint: z.enum(['baseline', 'session', 'discharge']),
  /** The session it is due at (4 for the reassessment), when it is tied to one. */
  sessionNumber: z.number().int().nullable(),
  reason: z.string(),
});
export type OutcomeDue = z.infer<typeof OutcomeDue>;

export const PlanOutcomes = z.object({
  planId: Id,
  primaryMeasure: OutcomeMeasure,
  /** Signed visit notes of the plan: session n is the n-th. */
  signedSessions: z.number().int(),
  plannedSessions: z.number().int(),
  measures: z.array(PlanOutcomeMeasure),
  review: OutcomeReview,
  nprsByVisit: NprsByVisit,
  due: z.array(OutcomeDue),
});
export type PlanOutcomes = z.infer<typeof PlanOutcomes>;
