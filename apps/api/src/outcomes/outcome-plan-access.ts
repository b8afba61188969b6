import type { Prisma, PrismaClient } from '@ims/prisma';
import type { RequestUser } from '../common/access/request-user';
import { isUuid, ofOrganisation } from '../common/lookup/of-organisation';

export type Db = PrismaClient | Prisma.TransactionClient;

const PLAN_SELECT = {
  id: true,
  organisationId: true,
  clinicId: true,
  patientId: true,
  status: true,
  primaryMeasure: true,
  plannedSessions: true,
  clinic: { select: { timeZone: true } },
} satisfies Prisma.TreatmentPlanSelect;

export type OutcomePlan = Prisma.TreatmentPlanGetPayload<{ select: typeof PLAN_SELECT }>;

/**
 * The plan `id` if it belongs to the caller's organisation and to a clinic they work in. Outcomes are clinical
 * data: a plan of another clinic or organisation is "not found", exactly like an id that does not exist.
 */
export async function visiblePlan(db: Db, user: RequestUser, id: string): Promise<OutcomePlan> {
  return ofOrganisation('treatment plan', id, () =>
    db.treatmentPlan.findFirst({ where: { id, organisationId: user.organisationId, clinicId: { in: user.clinicIds } }, select: PLAN_SELECT }),
  );
}

/**
 * Locks the plan's row (FOR NO KEY UPDATE, as signing a visit note of the plan does), then loads it: a recording
 * sees a settled count of signed sessions and the records before it, so two baselines or a PSFS with other
 * activities cannot slip in side by side.
 */
export async function lockVisiblePlan(tx: Prisma.TransactionClient, user: RequestUser, id: string): Promise<OutcomePlan> {
  if (isUuid(id)) {
    await tx.$queryRaw`SELECT id FROM treatment_plan WHERE id = ${id}::uuid AND organisation_id = ${user.organisationId}::uuid FOR NO KEY UPDATE`;
  }
  return visiblePlan(tx, user, id);
}

/** The plan's signed visit notes in session order: session n is the n-th (VisitNote.sessionNumber). */
export function signedVisitsOf(db: Db, planIds: string[]) {
  return db.visitNote.findMany({
    where: { planId: { in: planIds }, status: 'signed' },
    select: { id: true, planId: true, sessionNumber: true, visitedAt: true, visitDate: true, painBefore: true, painAfter: true },
    orderBy: [{ sessionNumber: 'asc' }, { signedAt: 'asc' }],
  });
}
