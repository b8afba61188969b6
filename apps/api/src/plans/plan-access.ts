import type { Prisma } from '@ims/prisma';
import type { RequestUser } from '../common/access/request-user';
import { NotFoundError } from '../common/problem/domain-errors';
import { isUuid } from '../common/lookup/of-organisation';
import { visibleClinicFilter } from '../appointments/appointment-access';
import type { Db } from '../consents/patient-lookup';
import { PLAN_INCLUDE, type PlanRow } from './plan-view';

/**
 * The plans the user may see, as a filter: of their organisation and of a clinic they work in; managers and admins
 * look after every clinic of the organisation, as for the schedule the plans are booked on.
 */
export function visiblePlanFilter(user: RequestUser): Prisma.TreatmentPlanWhereInput {
  const clinicId = visibleClinicFilter(user);
  return { organisationId: user.organisationId, ...(clinicId ? { clinicId } : {}) };
}

/** The plan `id` as the user may see it; anything else (another organisation's, another clinic's) is a 404. */
export async function visiblePlan(db: Db, user: RequestUser, id: string): Promise<PlanRow> {
  const row = isUuid(id) ? await db.treatmentPlan.findFirst({ where: { id, ...visiblePlanFilter(user) }, include: PLAN_INCLUDE }) : null;
  if (!row) throw new NotFoundError('plan', id);
  return row;
}
