import { Injectable } from '@nestjs/common';
import type { Plan, PlanList, PlanListQuery } from '@ims/contracts';
import type { Prisma, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { presentPlan, presentPlans } from './plan-progress';
import { visiblePlan, visiblePlanFilter } from './plan-access';
import { PLAN_INCLUDE, type PlanRow } from './plan-view';

/** Newest first; uuid v7 ids break ties between plans created in the same millisecond. */
const NEWEST_FIRST: Prisma.TreatmentPlanOrderByWithRelationInput[] = [{ createdAt: 'desc' }, { id: 'desc' }];

/** Reading plans: every read is audited per plan (and so per patient) in the transaction that read it. */
@Injectable()
export class PlanQueryService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  async list(user: RequestUser, query: PlanListQuery): Promise<PlanList> {
    const where: Prisma.TreatmentPlanWhereInput = {
      ...visiblePlanFilter(user),
      ...(query.patientId ? { patientId: query.patientId } : {}),
      ...(query.clinicianId ? { clinicianId: query.clinicianId } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.treatmentPlan.findMany({ where, include: PLAN_INCLUDE, orderBy: NEWEST_FIRST, skip: (query.page - 1) * query.pageSize, take: query.pageSize });
      const total = await tx.treatmentPlan.count({ where });
      const items = await presentPlans(tx, user, rows);
      await this.audit.recordMany(user, rows.map(readEntry), tx);
      return { items, total };
    });
  }

  async get(user: RequestUser, id: string): Promise<Plan> {
    return this.prisma.$transaction(async (tx) => {
      const row = await visiblePlan(tx, user, id);
      const plan = await presentPlan(tx, user, row);
      await this.audit.record(user, readEntry(row), tx);
      return plan;
    });
  }
}

const readEntry = (row: PlanRow) => ({ action: 'read', entityType: 'plan', entityId: row.id, patientId: row.patientId, clinicId: row.clinicId });
