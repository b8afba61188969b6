import type { RoleName } from '@ims/contracts';

/**
 * Who may read the reports. The API allows managers only (`@Roles('manager')` on every report route): admins set the
 * clinic up and clinicians run it, and none of them reads the organisation's figures without the manager role too.
 */
export const REPORT_ROLES = {
  view: ['manager'],
} as const satisfies Record<string, readonly RoleName[]>;
