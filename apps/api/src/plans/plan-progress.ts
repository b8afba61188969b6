import type { Plan } from '@ims/contracts';
import type { RequestUser } from '../common/access/request-user';
import { userNames, type Db } from '../consents/patient-lookup';
import { seesClinicalText, toPlan, type PlanRow } from './plan-view';

/**
 * Sessions done per plan: its SIGNED visit notes, never its appointments (an appointment booked or even arrived is
 * not a session until the note is signed; drafts do not count). One query for any number of plans.
 */
export async function signedSessionCounts(db: Db, planIds: readonly string[]): Promise<Map<string, number>> {
  if (planIds.length === 0) return new Map();
  const groups = await db.visitNote.groupBy({
    by: ['planId'],
    where: { planId: { in: [...new Set(planIds)] }, status: 'signed' },
    _count: { _all: true },
  });
  return new Map(groups.flatMap((group) => (group.planId ? [[group.planId, group._count._all] as const] : [])));
}

/** Plan payloads for `rows` with their progress and reviewers: a fixed number of queries, whatever the count. */
export async function presentPlans(db: Db, user: RequestUser, rows: readonly PlanRow[]): Promise<Plan[]> {
  const counts = await signedSessionCounts(db, rows.map((row) => row.id));
  const reviewers = await userNames(db, rows.map((row) => row.reviewedById));
  const clinicalText = seesClinicalText(user);
  return rows.map((row) =>
    toPlan(row, { completedSessions: counts.get(row.id) ?? 0, reviewerName: row.reviewedById ? (reviewers.get(row.reviewedById) ?? null) : null }, clinicalText),
  );
}

export async function presentPlan(db: Db, user: RequestUser, row: PlanRow): Promise<Plan> {
  const [plan] = await presentPlans(db, user, [row]);
  return plan;
}
