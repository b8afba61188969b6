import type { RoleName } from '@ims/contracts';

/**
 * Who may use the visit notes. Notes are the clinical record: only physiotherapists read, chart, sign and amend
 * them. The API enforces the same rules (403, and signing also checks the needling authorisation); these lists only
 * keep the screens from offering, or fetching, what a role would be refused.
 */
export const VISIT_ROLES = {
  /** Read notes (signed or draft), their addenda and the patient's note history; print a signed note. */
  read: ['physiotherapist'],
  /** Chart a draft, sign it, add addenda to a signed note. */
  chart: ['physiotherapist'],
} as const satisfies Record<string, readonly RoleName[]>;

export type VisitPermission = keyof typeof VISIT_ROLES;

/** True when a user holding `roles` may do `permission`. */
export function canVisit(roles: readonly RoleName[], permission: VisitPermission): boolean {
  const allowed: readonly RoleName[] = VISIT_ROLES[permission];
  return roles.some((role) => allowed.includes(role));
}
