import { RoleName } from '@ims/contracts';

export interface NavigationEntry {
  path: string;
  label: string;
  /** Roles that may use the screen; the API enforces the same rule, this only avoids showing dead ends. */
  roles: readonly RoleName[];
}

const EVERY_ROLE: readonly RoleName[] = RoleName.options;
const ADMIN: readonly RoleName[] = ['admin'];

/**
 * Every screen of the app's main navigation, in display order. A feature adds its entry here when its route
 * exists (Patients, Schedule, Visits, Reports), never before. The account page is in the user menu, for everyone.
 */
export const navigation: readonly NavigationEntry[] = [
  { path: '/', label: 'Today', roles: EVERY_ROLE },
  { path: '/admin/users', label: 'Users', roles: ADMIN },
  { path: '/admin/clinicians', label: 'Clinicians', roles: ADMIN },
  { path: '/admin/audit', label: 'Audit log', roles: ADMIN },
];

/** The entries a user holding `roles` may use, in display order. */
export function navigationFor(
  roles: readonly RoleName[],
  entries: readonly NavigationEntry[] = navigation,
): NavigationEntry[] {
  return entries.filter((entry) => entry.roles.some((role) => roles.includes(role)));
}
