import type { RoleName } from '@ims/contracts';

/**
 * Who may use the clinician's day. The API enforces the same rules (403); these lists only keep the screen from
 * offering what a role would be refused.
 */
export const MY_DAY_ROLES = {
  /** The day's appointments with precautions, plan progress and note status. */
  view: ['physiotherapist', 'manager'],
  /** Look at another clinician's day. */
  anyClinician: ['manager'],
  /** Start and continue visit notes. */
  chart: ['physiotherapist'],
} as const satisfies Record<string, readonly RoleName[]>;

export type MyDayPermission = keyof typeof MY_DAY_ROLES;

/** True when a user holding `roles` may do `permission`. */
export function canMyDay(roles: readonly RoleName[], permission: MyDayPermission): boolean {
  const allowed: readonly RoleName[] = MY_DAY_ROLES[permission];
  return roles.some((role) => allowed.includes(role));
}
