import { REVIEW_AT_SESSION, type PlanStatus } from '@ims/contracts';

/**
 * The plan lifecycle: draft → active → completed, or → discontinued (with a reason). Pure functions of the plan's
 * state, so every refusal is unit-tested; the services turn a refusal into a 422 like the appointment lifecycle does.
 */
export type PlanAction = 'activate' | 'complete' | 'discontinue';

export const PLAN_TARGET: Record<PlanAction, PlanStatus> = { activate: 'active', complete: 'completed', discontinue: 'discontinued' };

const PAST_TENSE: Record<PlanAction, string> = { activate: 'activated', complete: 'completed', discontinue: 'discontinued' };

/**
 * Where each action may start from. A draft may be discontinued as well as an active plan: a patient who decides
 * not to start the course closes the draft with the reason, instead of leaving it open forever.
 */
const ALLOWED_FROM: Record<PlanAction, readonly PlanStatus[]> = {
  activate: ['draft'],
  complete: ['active'],
  discontinue: ['draft', 'active'],
};

/** Only these are edited; a completed or discontinued plan is the record of a finished course. */
const EDITABLE: readonly PlanStatus[] = ['draft', 'active'];

/** A refusal in the words of rule `status-transition`; undefined when the action may go ahead. */
export function planTransitionRefusal(action: PlanAction, status: PlanStatus): string | undefined {
  const allowed = ALLOWED_FROM[action];
  if (allowed.includes(status)) return undefined;
  if (status === PLAN_TARGET[action]) return `the plan is already ${status}`;
  const article = /^[aeiou]/.test(allowed[0]) ? 'an' : 'a';
  return `a plan that is ${status} cannot be ${PAST_TENSE[action]}: only ${article} ${allowed.join(' or ')} plan can`;
}

/** A refusal in the words of rule `plan-closed`; undefined while the plan may be edited. */
export function planEditRefusal(status: PlanStatus): string | undefined {
  return EDITABLE.includes(status) ? undefined : `a ${status} plan can no longer be edited`;
}

export interface ReviewSubject {
  status: PlanStatus;
  reviewedAt: Date | null;
}

/** Active, at least REVIEW_AT_SESSION sessions signed, and nobody has recorded the review yet. */
export function isReviewDue(plan: ReviewSubject, completedSessions: number): boolean {
  return plan.status === 'active' && completedSessions >= REVIEW_AT_SESSION && plan.reviewedAt === null;
}

/** A refusal in the words of rule `review-not-due`; undefined when the session-4 review may be recorded. */
export function reviewRefusal(status: PlanStatus, completedSessions: number): string | undefined {
  if (status !== 'active') return `only an active plan is reviewed; this one is ${status}`;
  if (completedSessions < REVIEW_AT_SESSION) {
    return `the review comes at session ${REVIEW_AT_SESSION}: ${completedSessions} session(s) signed so far`;
  }
  return undefined;
}
