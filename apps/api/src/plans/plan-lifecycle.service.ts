import { Injectable } from '@nestjs/common';
import type { Plan } from '@ims/contracts';
import type { Prisma, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { ConflictError, RuleViolationError, StaleVersionError } from '../common/problem/domain-errors';
import { dateColumn } from '../clinicians/clinician-view';
import { dayIn } from '../clinicians/needling-authorisation';
import { presentPlan, signedSessionCounts } from './plan-progress';
import { visiblePlan } from './plan-access';
import { PLAN_TARGET, planTransitionRefusal, reviewRefusal, type PlanAction } from './plan-rules';
import { PLAN_INCLUDE, type PlanRow } from './plan-view';

/**
 * Status changes of a plan and its session-4 review. Each carries the `version` the clinician saw (stale: 409); an
 * illegal transition is refused with 422 rule `status-transition`, as the appointment lifecycle does. Start and end
 * days are calendar days in the plan's clinic's time zone.
 */
@Injectable()
export class PlanLifecycleService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  /** draft → active; startedOn = today in the clinic's zone. */
  activate(user: RequestUser, id: string, version: number): Promise<Plan> {
    return this.transition(user, id, version, 'activate');
  }

  /** active → completed; endedOn = today. */
  complete(user: RequestUser, id: string, version: number): Promise<Plan> {
    return this.transition(user, id, version, 'complete');
  }

  /** draft or active → discontinued with the reason; endedOn = today. */
  discontinue(user: RequestUser, id: string, version: number, reason: string): Promise<Plan> {
    return this.transition(user, id, version, 'discontinue', reason);
  }

  /**
   * Records the clinician's session-4 decision (continue, change approach, discharge...): only on an active plan with
   * at least REVIEW_AT_SESSION signed sessions (422 `review-not-due`), and once (409 when already recorded).
   */
  async review(user: RequestUser, id: string, version: number, note: string): Promise<Plan> {
    return this.prisma.$transaction(async (tx) => {
      const current = await this.current(tx, user, id, version);
      if (current.reviewedAt) {
        throw new ConflictError('The review of this plan is already recorded', [
          { entity: 'plan', id: current.id, message: `reviewed at ${current.reviewedAt.toISOString()}` },
        ]);
      }
      const completed = (await signedSessionCounts(tx, [current.id])).get(current.id) ?? 0;
      const refusal = reviewRefusal(current.status, completed);
      if (refusal) throw new RuleViolationError(`The review cannot be recorded yet: ${refusal}`, [{ rule: 'review-not-due', message: refusal }]);
      const updated = await this.write(tx, current, { reviewedAt: new Date(), reviewedById: user.id, reviewNote: note });
      await this.audit.record(
        user,
        { action: 'review', entityType: 'plan', entityId: current.id, patientId: current.patientId, clinicId: current.clinicId, detail: { completedSessions: completed } },
        tx,
      );
      return presentPlan(tx, user, updated);
    });
  }

  private transition(user: RequestUser, id: string, version: number, action: PlanAction, reason?: string): Promise<Plan> {
    return this.prisma.$transaction(async (tx) => {
      const current = await this.current(tx, user, id, version);
      const refusal = planTransitionRefusal(action, current.status);
      if (refusal) throw new RuleViolationError(`The plan cannot be changed that way: ${refusal}`, [{ rule: 'status-transition', message: refusal }]);
      const clinic = await tx.clinic.findUniqueOrThrow({ where: { id: current.clinicId }, select: { timeZone: true } });
      const today = dateColumn(dayIn(clinic.timeZone));
      const status = PLAN_TARGET[action];
      const updated = await this.write(tx, current, {
        status,
        ...(action === 'activate' ? { startedOn: today } : { endedOn: today }),
        ...(action === 'discontinue' ? { statusReason: reason ?? null } : {}),
      });
      await this.audit.record(
        user,
        {
          action,
          entityType: 'plan',
          entityId: current.id,
          patientId: current.patientId,
          clinicId: current.clinicId,
          detail: { from: current.status, to: status, ...(reason ? { reason } : {}) },
        },
        tx,
      );
      return presentPlan(tx, user, updated);
    });
  }

  private async current(tx: Prisma.TransactionClient, user: RequestUser, id: string, version: number): Promise<PlanRow> {
    const current = await visiblePlan(tx, user, id);
    if (current.version !== version) throw new StaleVersionError('plan', current.version);
    return current;
  }

  /** Writes at the version and status that were checked: a concurrent change leaves count 0 (409). */
  private async write(tx: Prisma.TransactionClient, current: PlanRow, data: Prisma.TreatmentPlanUpdateManyMutationInput): Promise<PlanRow> {
    const { count } = await tx.treatmentPlan.updateMany({
      where: { id: current.id, version: current.version, status: current.status },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleVersionError('plan');
    return tx.treatmentPlan.findUniqueOrThrow({ where: { id: current.id }, include: PLAN_INCLUDE });
  }
}
