import type { Prisma } from '@ims/prisma';
import { RuleViolationError } from '../common/problem/domain-errors';

/** Statuses that hold a session of the plan; cancelled and no-show ones never count as sessions. */
const HOLDING = ['booked', 'arrived', 'completed'] as const;

/**
 * The sessions a plan can still take: planned sessions less its active appointments. A course booking asking for
 * more is refused (422 `plan-sessions`) rather than over-booking the plan; the physiotherapist extends the plan first.
 */
export async function assertPlanCapacity(tx: Prisma.TransactionClient, planId: string | null | undefined, sessions: number): Promise<void> {
  if (!planId) return;
  const plan = await tx.treatmentPlan.findUniqueOrThrow({ where: { id: planId }, select: { plannedSessions: true } });
  const booked = await tx.appointment.count({ where: { planId, status: { in: [...HOLDING] } } });
  const remaining = Math.max(plan.plannedSessions - booked, 0);
  if (sessions > remaining) {
    throw new RuleViolationError(`The plan has ${remaining} session(s) left to book (${plan.plannedSessions} planned, ${booked} booked); ${sessions} asked`, [
      { rule: 'plan-sessions', message: `at most ${remaining} more session(s) can be booked for this plan` },
    ]);
  }
}
