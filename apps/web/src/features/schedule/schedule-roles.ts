import type { RoleName } from '@ims/contracts';

/**
 * Who may do what on the schedule. The API enforces the same rules (403); these lists only keep the screens from
 * offering what a role would be refused. Admins see the schedule (they set up rooms and hours) but do not book.
 */
export const SCHEDULE_ROLES = {
  /** See the schedule and appointment details. */
  view: ['receptionist', 'physiotherapist', 'manager', 'admin'],
  /** Book, move, check in, mark no-show, cancel. */
  book: ['receptionist', 'physiotherapist', 'manager'],
  /** Book past the working-hours, opening-hours and time-off rules, with a reason. */
  override: ['manager'],
  /** The course-booking wizard. */
  bookCourse: ['receptionist', 'physiotherapist'],
  /** Read the waitlist and the offers of freed slots. */
  viewWaitlist: ['receptionist', 'physiotherapist', 'manager'],
  /** Add to and remove from the waitlist. */
  editWaitlist: ['receptionist', 'physiotherapist'],
} as const satisfies Record<string, readonly RoleName[]>;

export type SchedulePermission = keyof typeof SCHEDULE_ROLES;

/** True when a user holding `roles` may do `permission`. */
export function canSchedule(roles: readonly RoleName[], permission: SchedulePermission): boolean {
  const allowed: readonly RoleName[] = SCHEDULE_ROLES[permission];
  return roles.some((role) => allowed.includes(role));
}
