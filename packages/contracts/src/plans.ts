import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery } from './common';
import { MuscleRegion } from './muscles';
import { OutcomeMeasureId } from './outcome-measure-ids';

export const CONDITIONS = [
  { key: 'neck_pain', label: 'Neck pain' },
  { key: 'back_pain', label: 'Back pain' },
  { key: 'headache', label: 'Headache' },
  { key: 'tennis_elbow', label: 'Tennis elbow (lateral epicondylalgia)' },
  { key: 'frozen_shoulder', label: 'Frozen shoulder' },
  { key: 'whiplash', label: 'Whiplash' },
  { key: 'fibromyalgia', label: 'Fibromyalgia' },
  { key: 'other', label: 'Other' },
] as const;
export type Condition = (typeof CONDITIONS)[number]['key'];
export const Condition = z.enum(CONDITIONS.map((c) => c.key) as [Condition, ...Condition[]]);

export const PlanStatus = z.enum(['draft', 'active', 'completed', 'discontinued']);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** A course is usually 8-10 sessions (domain.md); outside that the clinician confirms it. */
export const USUAL_PLANNED_SESSIONS = { min: 8, max: 10, default: 10 } as const;
/** The natural review point: no meaningful change by session 4 needs a clinician's decision. */
export const REVIEW_AT_SESSION = 4;

const planFields = {
  condition: Condition,
  conditionDetail: z.string().trim().max(500).optional(),
  regions: z.array(MuscleRegion).max(7).default([]),
  goals: z.string().trim().max(4000).optional(),
  plannedSessions: z.number().int().min(1).max(30).default(USUAL_PLANNED_SESSIONS.default),
  /** Required as `true` when plannedSessions is outside 8-10. */
  confirmUnusualSessions: z.boolean().optional(),
  primaryMeasure: OutcomeMeasureId,
};

type PlanShape = { condition?: Condition; conditionDetail?: string; plannedSessions?: number; confirmUnusualSessions?: boolean };
function checkPlan(plan: PlanShape, context: z.RefinementCtx) {
  if (plan.condition === 'other' && !plan.conditionDetail) {
    context.addIssue({ code: 'custom', path: ['conditionDetail'], message: 'is required when the condition is "other"' });
  }
  const sessions = plan.plannedSessions;
  if (sessions !== undefined && (sessions < USUAL_PLANNED_SESSIONS.min || sessions > USUAL_PLANNED_SESSIONS.max) && plan.confirmUnusualSessions !== true) {
    context.addIssue({
      code: 'custom',
      path: ['plannedSessions'],
      message: `${sessions} sessions is outside the usual 8-10: confirm with confirmUnusualSessions`,
    });
  }
}

export const CreatePlanRequest = z
  .object({
    patientId: Id,
    clinicId: Id,
    /** Defaults to the signed-in clinician. */
    clinicianId: Id.optional(),
    ...planFields,
  })
  .superRefine(checkPlan);
export type CreatePlanRequest = z.input<typeof CreatePlanRequest>;

export const UpdatePlanRequest = z
  .object({
    version: z.number().int().min(1),
    condition: Condition.optional(),
    conditionDetail: z.string().trim().max(500).optional(),
    regions: z.array(MuscleRegion).max(7).optional(),
    goals: z.string().trim().max(4000).optional(),
    plannedSessions: z.number().int().min(1).max(30).optional(),
    confirmUnusualSessions: z.boolean().optional(),
    primaryMeasure: OutcomeMeasureId.optional(),
  })
  .superRefine(checkPlan);
export type UpdatePlanRequest = z.input<typeof UpdatePlanRequest>;

export const PlanTransitionRequest = z.object({ version: z.number().int().min(1) });
export type PlanTransitionRequest = z.input<typeof PlanTransitionRequest>;

export const DiscontinuePlanRequest = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1, 'is required').max(1000),
});
export type DiscontinuePlanRequest = z.input<typeof DiscontinuePlanRequest>;

/** `POST /api/plans/:id/review`: the clinician's session-4 decision (continue, change approach, discharge...). */
export const ReviewPlanRequest = z.object({
  version: z.number().int().min(1),
  note: z.string().trim().min(1, 'is required').max(4000),
});
export type ReviewPlanRequest = z.input<typeof ReviewPlanRequest>;

const PersonRef = z.object({ id: Id, name: z.string() });

export const Plan = z.object({
  id: Id,
  version: z.number().int(),
  clinicId: Id,
  patientId: Id,
  patient: PersonRef,
  clinicianId: Id,
  clinician: PersonRef,
  condition: Condition,
  conditionDetail: z.string().nullable(),
  regions: z.array(MuscleRegion),
  goals: z.string().nullable(),
  plannedSessions: z.number().int(),
  /** Signed visit notes of this plan: session n is the n-th signed note. */
  completedSessions: z.number().int(),
  primaryMeasure: OutcomeMeasureId,
  status: PlanStatus,
  statusReason: z.string().nullable(),
  startedOn: IsoDate.nullable(),
  endedOn: IsoDate.nullable(),
  /** Active, at least REVIEW_AT_SESSION sessions signed, and no review recorded yet. */
  reviewDue: z.boolean(),
  reviewedAt: IsoDateTime.nullable(),
  reviewedBy: PersonRef.nullable(),
  reviewNote: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Plan = z.infer<typeof Plan>;

export const PlanListQuery = PageQuery.extend({
  patientId: Id.optional(),
  clinicianId: Id.optional(),
  status: PlanStatus.optional(),
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const PlanList = z.object({ items: z.array(Plan), total: z.number().int().nonnegative() });
export type PlanList = z.infer<typeof PlanList>;
