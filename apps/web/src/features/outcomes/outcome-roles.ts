import type { RoleName } from '@ims/contracts';

/**
 * Who may use outcome measures. The API enforces the same rules (403): they are clinical, so the front desk never
 * sees them; managers read them to review courses.
 */
export const OUTCOME_ROLES = {
  /** A plan's outcomes: charts, change from baseline, the review flag, what is due. */
  view: ['physiotherapist', 'manager'],
  /** Record a measurement. */
  record: ['physiotherapist'],
} as const satisfies Record<string, readonly RoleName[]>;

export type OutcomePermission = keyof typeof OUTCOME_ROLES;

/** True when a user holding `roles` may do `permission`. */
export function canOutcomes(roles: readonly RoleName[], permission: OutcomePermission): boolean {
  const allowed: readonly RoleName[] = OUTCOME_ROLES[permission];
  return roles.some((role) => allowed.includes(role));
}
