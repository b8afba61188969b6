import { MuscleRegion, type Plan } from '@ims/contracts';
import type { Prisma } from '@ims/prisma';
import { isoDay } from '../clinicians/clinician-view';
import { scheduleName } from '../appointments/conflict-lookup';
import type { RequestUser } from '../common/access/request-user';
import { isReviewDue } from './plan-rules';

/** What a Plan payload needs from the database besides its progress, loaded with the plan in one query. */
export const PLAN_INCLUDE = {
  patient: { select: { firstName: true, lastName: true, preferredName: true } },
  clinician: { select: { displayName: true } },
} satisfies Prisma.TreatmentPlanInclude;

export type PlanRow = Prisma.TreatmentPlanGetPayload<{ include: typeof PLAN_INCLUDE }>;

/**
 * The front desk books courses against plans, so it reads them, but it does not see clinical notes (domain.md): for a
 * user whose only role is receptionist the clinician's free text (goals, condition detail, review note, the reason a
 * plan was discontinued) is left out as null. Condition, status and progress stay: booking needs them.
 */
export const seesClinicalText = (user: RequestUser): boolean => user.roles.some((role) => role !== 'receptionist');

export interface PlanProgress {
  /** Signed visit notes of the plan. */
  completedSessions: number;
  reviewerName: string | null;
}

export function toPlan(row: PlanRow, progress: PlanProgress, clinicalText: boolean): Plan {
  const text = (value: string | null) => (clinicalText ? value : null);
  return {
    id: row.id,
    version: row.version,
    clinicId: row.clinicId,
    patientId: row.patientId,
    patient: { id: row.patientId, name: scheduleName(row.patient) },
    clinicianId: row.clinicianId,
    clinician: { id: row.clinicianId, name: row.clinician.displayName },
    condition: row.condition,
    conditionDetail: text(row.conditionDetail),
    // Regions are catalogue regions; a value from elsewhere (an old import) is not one the contract can name.
    regions: row.regions.filter((region): region is MuscleRegion => (MuscleRegion.options as readonly string[]).includes(region)),
    goals: text(row.goals),
    plannedSessions: row.plannedSessions,
    completedSessions: progress.completedSessions,
    primaryMeasure: row.primaryMeasure,
    status: row.status,
    statusReason: text(row.statusReason),
    startedOn: row.startedOn ? isoDay(row.startedOn) : null,
    endedOn: row.endedOn ? isoDay(row.endedOn) : null,
    reviewDue: isReviewDue(row, progress.completedSessions),
    reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null,
    reviewedBy: row.reviewedById ? { id: row.reviewedById, name: progress.reviewerName ?? 'Unknown user' } : null,
    reviewNote: text(row.reviewNote),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
