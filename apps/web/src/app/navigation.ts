import { RoleName } from '@ims/contracts';
import { PATIENT_ROLES } from '../features/patients/patient-roles';
import { REPORT_ROLES } from '../features/reports/report-roles';
import { SCHEDULE_ROLES } from '../features/schedule/schedule-roles';

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
 * exists (Visits, Reports), never before. The account page is in the user menu, for everyone.
 */
export const navigation: readonly NavigationEntry[] = [
  { path: '/', label: 'Today', roles: EVERY_ROLE },
  { path: '/my-day', label: 'My day', roles: ['physiotherapist'] },
  { path: '/schedule', label: 'Schedule', roles: SCHEDULE_ROLES.view },
  { path: '/patients', label: 'Patients', roles: PATIENT_ROLES.search },
  { path: '/reports', label: 'Reports', roles: REPORT_ROLES.view },
  { path: '/admin/users', label: 'Users', roles: ADMIN },
  { path: '/admin/clinicians', label: 'Clinicians', roles: ADMIN },
  { path: '/admin/clinics', label: 'Clinics', roles: ADMIN },
  { path: '/admin/audit', label: 'Audit log', roles: ADMIN },
];

/** The entries a user holding `roles` may use, in display order. */
export function navigationFor(
  roles: readonly RoleName[],
  entries: readonly NavigationEntry[] = navigation,
): NavigationEntry[] {
  return entries.filter((entry) => entry.roles.some((role) => roles.includes(role)));
}
