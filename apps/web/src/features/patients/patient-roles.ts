import type { RoleName } from '@ims/contracts';

/**
 * Who may use which part of the patients feature. The API enforces the same rules (403); these lists only keep
 * the screens from offering what a role would be refused, and from fetching clinical data a role may not read.
 */
export const PATIENT_ROLES = {
  /** Find patients and read their demographics and yes/no flags. */
  search: ['receptionist', 'physiotherapist', 'manager', 'admin'],
  /** Register new patients and correct their demographics. */
  register: ['receptionist', 'physiotherapist'],
  /** Screening and consent detail: the clinical record. */
  clinical: ['physiotherapist'],
  /** Who read or changed the record. */
  accessLog: ['physiotherapist', 'manager', 'admin'],
  /** Archive, unarchive and anonymise. */
  recordKeeping: ['manager', 'admin'],
  /** Bring patients in from another system's spreadsheet. */
  import: ['receptionist', 'admin'],
} as const satisfies Record<string, readonly RoleName[]>;

export type PatientPermission = keyof typeof PATIENT_ROLES;

/** True when a user holding `roles` may do `permission`. */
export function can(roles: readonly RoleName[], permission: PatientPermission): boolean {
  const allowed: readonly RoleName[] = PATIENT_ROLES[permission];
  return roles.some((role) => allowed.includes(role));
}
