import type { RoleName } from '@ims/contracts';

/**
 * Who may use which part of treatment plans. The API enforces the same rules (403); these lists only keep the
 * screens from offering what a role would be refused, and from fetching clinical detail a role may not read.
 */
export const PLAN_ROLES = {
  /** A patient's plans with their status and progress: reception books courses against them. */
  list: ['receptionist', 'physiotherapist', 'manager'],
  /** The plan page: goals, the session-4 review, the plan's visits. */
  open: ['physiotherapist', 'manager'],
  /** Plan the course, edit it, activate, review, complete or discontinue it. */
  manage: ['physiotherapist'],
  /** The plan's visit notes (clinical notes: clinicians only). */
  visits: ['physiotherapist'],
} as const satisfies Record<string, readonly RoleName[]>;

export type PlanPermission = keyof typeof PLAN_ROLES;

/** True when a user holding `roles` may do `permission`. */
export function canPlan(roles: readonly RoleName[], permission: PlanPermission): boolean {
  const allowed: readonly RoleName[] = PLAN_ROLES[permission];
  return roles.some((role) => allowed.includes(role));
}
