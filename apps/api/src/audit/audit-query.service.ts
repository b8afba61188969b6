import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { AuditEvent, AuditQuery, PageQuery } from '@ims/contracts';
import type { Prisma, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import type { RequestUser } from '../common/access/request-user';
import { NotFoundError } from '../common/problem/domain-errors';
import { AuditService } from './audit.service';

type AuditRow = Prisma.AuditEventGetPayload<object>;
type Db = PrismaClient | Prisma.TransactionClient;
type Page = { items: AuditEvent[]; total: number };
type AuditFilters = z.output<typeof AuditQuery>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NEWEST_FIRST: Prisma.AuditEventOrderByWithRelationInput[] = [{ at: 'desc' }, { id: 'desc' }];

/** Reads the audit trail, always within the caller's organisation. */
@Injectable()
export class AuditQueryService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  /** The admin's search: filters combine with AND; `from` is inclusive, `to` exclusive; newest first. */
  async search(user: RequestUser, query: AuditFilters): Promise<Page> {
    const where: Prisma.AuditEventWhereInput = {
      organisationId: user.organisationId,
      userId: query.userId,
      patientId: query.patientId,
      action: query.action,
      entityType: query.entityType,
      entityId: query.entityId,
      ...(query.from || query.to ? { at: { gte: query.from ? new Date(query.from) : undefined, lt: query.to ? new Date(query.to) : undefined } } : {}),
    };
    return this.page(this.prisma, where, query);
  }

  /**
   * Who read or changed a patient's record, newest first. Reading it is itself a read of the record, so the audit
   * row is written in the same transaction as the query: no access-log read without its trace.
   */
  async accessLog(user: RequestUser, patientId: string, query: PageQuery): Promise<Page> {
    const patient = UUID.test(patientId)
      ? await this.prisma.patient.findFirst({ where: { id: patientId, organisationId: user.organisationId }, select: { id: true, homeClinicId: true } })
      : null;
    if (!patient) throw new NotFoundError('patient', patientId);
    return this.prisma.$transaction(async (tx) => {
      await this.audit.record(user, { action: 'read', entityType: 'access_log', entityId: patient.id, patientId: patient.id, clinicId: patient.homeClinicId }, tx);
      return this.page(tx, { organisationId: user.organisationId, patientId: patient.id }, query);
    });
  }

  private async page(db: Db, where: Prisma.AuditEventWhereInput, query: PageQuery): Promise<Page> {
    const { page, pageSize } = query;
    const [rows, total] = await Promise.all([
      db.auditEvent.findMany({ where, orderBy: NEWEST_FIRST, skip: (page - 1) * pageSize, take: pageSize }),
      db.auditEvent.count({ where }),
    ]);
    return { items: rows.map(toAuditEvent), total };
  }
}

export function toAuditEvent(row: AuditRow): AuditEvent {
  const detail = row.detail;
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    userId: row.userId,
    userEmail: row.userEmail,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    patientId: row.patientId,
    clinicId: row.clinicId,
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    requestId: row.requestId,
    detail: detail === null ? null : typeof detail === 'object' && !Array.isArray(detail) ? (detail as Record<string, unknown>) : { value: detail },
  };
}
