import { CreatePlanRequest, USUAL_PLANNED_SESSIONS, type Plan, type UpdatePlanRequest } from '@ims/contracts';
import type { DefaultValues } from 'react-hook-form';
import { z } from 'zod';
import { SUGGESTED_MEASURE } from './plan-labels';

/** True for a course length outside the usual 8-10, which the clinician confirms. */
export function isUnusualSessions(sessions: number | undefined): sessions is number {
  if (typeof sessions !== 'number' || Number.isNaN(sessions)) return false;
  return sessions < USUAL_PLANNED_SESSIONS.min || sessions > USUAL_PLANNED_SESSIONS.max;
}

const hasCondition = (value: unknown, condition: string) => (value as { condition?: unknown }).condition === condition;

/**
 * The plan form: the contract's fields as they are, and its two cross-field rules in the clinician's words, placed
 * on the field that fixes them (the confirmation checkbox, the detail box) and checked even while another field is
 * still missing, so every problem shows at once. The API checks the contract itself.
 */
export const PlanForm = z
  .object(CreatePlanRequest.shape)
  .refine((plan) => plan.condition !== 'other' || !!plan.conditionDetail, {
    path: ['conditionDetail'],
    message: 'Describe the condition',
    when: ({ value }) => hasCondition(value, 'other'),
  })
  .refine((plan) => !isUnusualSessions(plan.plannedSessions) || plan.confirmUnusualSessions === true, {
    path: ['confirmUnusualSessions'],
    message: `Confirm the number of sessions: the usual course is ${USUAL_PLANNED_SESSIONS.min}-${USUAL_PLANNED_SESSIONS.max}`,
    when: ({ value }) => isUnusualSessions((value as { plannedSessions?: number }).plannedSessions),
  });
export type PlanFormInput = z.input<typeof PlanForm>;
export type PlanFormValues = z.output<typeof PlanForm>;

/** The form's fields, for placing the API's `errors[].path` on them. */
export const PLAN_FORM_FIELDS = [
  'clinicId',
  'condition',
  'conditionDetail',
  'regions',
  'goals',
  'plannedSessions',
  'confirmUnusualSessions',
  'primaryMeasure',
] as const;

/** Messages for what the contract words for the API (a missing choice, an empty number box). */
export const planFormErrorMap: z.core.$ZodErrorMap = (issue) => {
  const field = issue.path?.[0];
  if (field === 'plannedSessions') return `Enter a number of sessions from 1 to 30`;
  if (field === 'condition' && issue.code === 'invalid_value') return 'Choose the condition';
  if (field === 'primaryMeasure' && issue.code === 'invalid_value') return 'Choose the primary outcome measure';
  if (field === 'clinicId') return 'Choose the clinic';
  return undefined;
};

/** A new plan: the usual ten sessions; the condition and the measure are the clinician's to choose. */
export function newPlanDefaults(patientId: string, clinicId: string): DefaultValues<PlanFormInput> {
  return {
    patientId,
    clinicId,
    regions: [],
    goals: '',
    conditionDetail: '',
    plannedSessions: USUAL_PLANNED_SESSIONS.default,
    confirmUnusualSessions: false,
  };
}

/** A saved plan as the edit form starts from it; a course already outside 8-10 was confirmed when it was planned. */
export function planToForm(plan: Plan): PlanFormInput {
  return {
    patientId: plan.patientId,
    clinicId: plan.clinicId,
    condition: plan.condition,
    conditionDetail: plan.conditionDetail ?? '',
    regions: plan.regions,
    goals: plan.goals ?? '',
    plannedSessions: plan.plannedSessions,
    confirmUnusualSessions: isUnusualSessions(plan.plannedSessions),
    primaryMeasure: plan.primaryMeasure,
  };
}

/** The measure to preselect when the condition changes and the clinician has not picked one themselves. */
export function suggestedMeasure(condition: PlanFormInput['condition'] | undefined) {
  return condition ? SUGGESTED_MEASURE[condition] : undefined;
}

/** Only what applies: the condition's detail for "other", the confirmation for an unusual course. */
function planFields(values: PlanFormValues) {
  return {
    condition: values.condition,
    regions: values.regions,
    goals: values.goals ?? '',
    plannedSessions: values.plannedSessions,
    confirmUnusualSessions: isUnusualSessions(values.plannedSessions) ? true : undefined,
    primaryMeasure: values.primaryMeasure,
  };
}

/** `POST /api/plans` from the form. */
export function toCreateRequest(values: PlanFormValues): CreatePlanRequest {
  const { goals, ...fields } = planFields(values);
  return {
    patientId: values.patientId,
    clinicId: values.clinicId,
    ...fields,
    goals: goals || undefined,
    conditionDetail: values.condition === 'other' ? values.conditionDetail : undefined,
  };
}

/**
 * `PATCH /api/plans/:id` from the form. The contract has no null to clear a field with, so emptied goals and the
 * detail of a condition that is no longer "other" are sent as empty text.
 */
export function toUpdateRequest(version: number, values: PlanFormValues): UpdatePlanRequest {
  return { version, ...planFields(values), conditionDetail: values.condition === 'other' ? values.conditionDetail : '' };
}
