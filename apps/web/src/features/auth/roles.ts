import type { RoleName } from '@ims/contracts';

const ROLE_LABELS: Record<RoleName, string> = {
  receptionist: 'Receptionist',
  physiotherapist: 'Physiotherapist',
  manager: 'Manager',
  admin: 'Administrator',
};

/** Human label of a role as staff know it. */
export function roleLabel(role: RoleName): string {
  return ROLE_LABELS[role];
}

/** Labels of several roles joined for display, e.g. "Manager, Administrator". */
export function roleLabels(roles: readonly RoleName[]): string {
  return roles.map(roleLabel).join(', ');
}
