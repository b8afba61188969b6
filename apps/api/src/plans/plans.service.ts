import { Injectable } from '@nestjs/common';
import type { CreatePlanRequest, Plan, ProblemFieldError, UpdatePlanRequest } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import type { z } from 'zod';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import type { RequestUser } from '../common/access/request-user';
import { InvalidInputError, RuleViolationError, StaleVersionError } from '../common/problem/domain-errors';
import { assertActivePatient, clinicOfUser, patientOfOrganisation, type Db } from '../consents/patient-lookup';
import { clinicianAtClinic } from '../appointments/booking-parties';
import { presentPlan, signedSessionCounts } from './plan-progress';
import { visiblePlan } from './plan-access';
import { planEditRefusal } from './plan-rules';
import { PLAN_INCLUDE, type PlanRow } from './plan-view';

// The validated shapes: defaults applied (regions [], plannedSessions 10), strings trimmed.
type CreateInput = z.output<typeof CreatePlanRequest>;
type UpdateInput = z.output<typeof UpdatePlanRequest>;

/** The fields a PATCH may change, as stored. */
type EditableColumns = Pick<PlanRow, 'condition' | 'conditionDetail' | 'regions' | 'goals' | 'plannedSessions' | 'primaryMeasure'>;

/**
 * Creating and editing treatment plans. A plan belongs to one clinic: the physiotherapist must work there, and so
 * must the plan's clinician. Several plans of a patient may be open at once (two conditions, or a second course).
 */
@Injectable()
export class PlansService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** A new draft. With an `Idempotency-Key`, a retry of the same request replays this response instead of creating twice. */
  async create(user: RequestUser, body: CreateInput, idempotencyKey?: string): Promise<Plan> {
    const request = { key: idempotencyKey, method: 'POST', path: '/api/plans', body };
    return this.idempotency.run(user, request, async (tx) => {
      const clinic = await clinicOfUser(tx, user, body.clinicId);
      const patient = await patientOfOrganisation(tx, user, body.patientId);
      const clinician = await clinicianAtClinic(tx, user, body.clinicianId ?? (await ownClinicianId(tx, user)), clinic.id);
      assertActivePatient(patient);
      const created = await tx.treatmentPlan.create({
        data: {
          organisationId: user.organisationId,
          clinicId: clinic.id,
          patientId: patient.id,
          clinicianId: clinician.id,
          condition: body.condition,
          conditionDetail: body.conditionDetail || null,
          regions: [...new Set(body.regions)],
          goals: body.goals || null,
          plannedSessions: body.plannedSessions,
          primaryMeasure: body.primaryMeasure,
        },
        include: PLAN_INCLUDE,
      });
      await this.audit.record(
        user,
        {
          action: 'create',
          entityType: 'plan',
          entityId: created.id,
          patientId: patient.id,
          clinicId: clinic.id,
          detail: { clinicianId: clinician.id, condition: created.condition, plannedSessions: created.plannedSessions, primaryMeasure: created.primaryMeasure },
        },
        tx,
      );
      return presentPlan(tx, user, created);
    });
  }

  /**
   * Edits a draft or active plan at `version` (stale: 409, nothing written). Planned sessions never drop below the
   * sessions already signed, and an "other" condition keeps its description. The audit row names the changed fields.
   */
  async update(user: RequestUser, id: string, body: UpdateInput): Promise<Plan> {
    return this.prisma.$transaction(async (tx) => {
      const current = await visiblePlan(tx, user, id);
      if (current.version !== body.version) throw new StaleVersionError('plan', current.version);
      const closed = planEditRefusal(current.status);
      if (closed) throw new RuleViolationError(`The plan cannot be edited: ${closed}`, [{ rule: 'plan-closed', message: closed }]);

      const after: EditableColumns = {
        condition: body.condition ?? current.condition,
        conditionDetail: body.conditionDetail !== undefined ? body.conditionDetail || null : current.conditionDetail,
        regions: body.regions !== undefined ? [...new Set(body.regions)] : current.regions,
        goals: body.goals !== undefined ? body.goals || null : current.goals,
        plannedSessions: body.plannedSessions ?? current.plannedSessions,
        primaryMeasure: body.primaryMeasure ?? current.primaryMeasure,
      };
      const completed = (await signedSessionCounts(tx, [current.id])).get(current.id) ?? 0;
      const errors: ProblemFieldError[] = [];
      if (after.plannedSessions < completed) errors.push({ path: 'plannedSessions', message: `cannot be fewer than the ${completed} session(s) already signed` });
      if (after.condition === 'other' && !after.conditionDetail) errors.push({ path: 'conditionDetail', message: 'is required when the condition is "other"' });
      if (errors.length > 0) throw new InvalidInputError(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);

      const changed = changedFields(current, after);
      if (changed.length === 0) return presentPlan(tx, user, current);
      // The version in the WHERE makes the check and the write one step: a concurrent edit leaves count 0.
      const { count } = await tx.treatmentPlan.updateMany({ where: { id: current.id, version: current.version }, data: { ...after, version: { increment: 1 } } });
      if (count === 0) throw new StaleVersionError('plan');
      await this.audit.record(user, { action: 'update', entityType: 'plan', entityId: current.id, patientId: current.patientId, clinicId: current.clinicId, detail: { fields: changed } }, tx);
      return presentPlan(tx, user, await tx.treatmentPlan.findUniqueOrThrow({ where: { id: current.id }, include: PLAN_INCLUDE }));
    });
  }
}

/** The signed-in user's clinician profile: the default clinician of a plan they create. */
async function ownClinicianId(db: Db, user: RequestUser): Promise<string> {
  const own = await db.clinician.findFirst({ where: { userId: user.id, organisationId: user.organisationId }, select: { id: true } });
  if (!own) throw new InvalidInputError('clinicianId: is required (you have no clinician profile)', [{ path: 'clinicianId', message: 'is required: you have no clinician profile' }]);
  return own.id;
}

function changedFields(before: EditableColumns, after: EditableColumns): string[] {
  return (Object.keys(after) as Array<keyof EditableColumns>).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}
