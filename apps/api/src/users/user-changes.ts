import type { RoleName } from '@ims/contracts';

export interface EditableUserFields {
  name: string;
  roles: RoleName[];
  clinicIds: string[];
  active: boolean;
}

/** Field → { from, to } for the fields an edit really changes: what the audit row records. */
export type UserChanges = Partial<{ [K in keyof EditableUserFields]: { from: EditableUserFields[K]; to: EditableUserFields[K] } }>;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Compares a requested edit with the current values; lists (roles, clinics) compare as sets. */
export function diffUser(current: EditableUserFields, requested: Partial<EditableUserFields>): UserChanges {
  const changes: UserChanges = {};
  if (requested.name !== undefined && requested.name !== current.name) changes.name = { from: current.name, to: requested.name };
  if (requested.roles !== undefined && !sameSet(requested.roles, current.roles)) {
    changes.roles = { from: [...current.roles].sort(), to: [...new Set(requested.roles)].sort() };
  }
  if (requested.clinicIds !== undefined && !sameSet([...new Set(requested.clinicIds)], current.clinicIds)) {
    changes.clinicIds = { from: [...current.clinicIds].sort(), to: [...new Set(requested.clinicIds)].sort() };
  }
  if (requested.active !== undefined && requested.active !== current.active) changes.active = { from: current.active, to: requested.active };
  return changes;
}

/** The audit action an edit amounts to: deactivation and reactivation are named, anything else is an update. */
export function auditActionFor(changes: UserChanges): 'deactivate' | 'reactivate' | 'update' {
  if (changes.active?.to === false) return 'deactivate';
  if (changes.active?.to === true) return 'reactivate';
  return 'update';
}

/**
 * Rules that keep an organisation administrable: an admin may not deactivate themself or drop their own admin
 * role (another admin can). Since only admins edit users, the organisation always keeps at least one admin.
 */
export function selfLockoutViolations(isSelf: boolean, changes: UserChanges): Array<{ rule: string; message: string }> {
  if (!isSelf) return [];
  const violations: Array<{ rule: string; message: string }> = [];
  if (changes.active?.to === false) violations.push({ rule: 'self-deactivation', message: 'You cannot deactivate your own account; ask another admin' });
  if (changes.roles && !changes.roles.to.includes('admin')) {
    violations.push({ rule: 'self-admin-removal', message: 'You cannot remove your own admin role; ask another admin' });
  }
  return violations;
}
