import type { RequestUser } from '../common/access/request-user';
import { ForbiddenError, RuleViolationError } from '../common/problem/domain-errors';
import { RULE_ID } from './booking-rules';
import { isOverlap, type SlotConflict } from './appointment-rules.service';
import { overlapConflict } from './overlap-guard';

/** Only a manager may book outside working hours, opening hours or during time off, and only with a reason. */
export function assertMayOverride(user: RequestUser, overrideReason: string | undefined): void {
  if (overrideReason !== undefined && !user.roles.includes('manager')) {
    throw new ForbiddenError('Only a manager may override the booking rules');
  }
}

/**
 * What a slot check means for a write: an overlap is a 409 naming the appointment (no override can fix it); broken
 * rules are a 422 unless the manager gave a reason, in which case the reason is returned to be stored and audited.
 * Returns undefined when nothing needed overriding, so a reason sent "just in case" is not recorded as an override.
 */
export function resolveSlotConflicts(
  conflicts: SlotConflict[],
  overrideReason: string | undefined,
  user?: RequestUser,
): { reason: string; overridden: SlotConflict[] } | undefined {
  const overlaps = conflicts.filter(isOverlap);
  if (overlaps.length > 0) {
    throw overlapConflict(overlaps.map((c) => ({ kind: c.kind as 'clinician' | 'room' | 'patient', appointmentId: c.appointmentId!, message: c.message })));
  }
  if (conflicts.length === 0) {
    // A manager's only booking write is an override (domain.md); ordinary bookings are the front desk's and clinicians'.
    if (user && !user.roles.includes('receptionist') && !user.roles.includes('physiotherapist')) {
      throw new ForbiddenError('Managers book only to override working hours, opening hours or time off');
    }
    return undefined;
  }
  if (overrideReason === undefined) {
    throw new RuleViolationError(
      `The slot breaks the booking rules: ${conflicts.map((c) => c.message).join('; ')}`,
      conflicts.map((c) => ({ rule: RULE_ID[c.kind as keyof typeof RULE_ID], message: c.message })),
    );
  }
  return { reason: overrideReason, overridden: conflicts };
}
