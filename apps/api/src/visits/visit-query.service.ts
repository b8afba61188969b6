import { Injectable } from '@nestjs/common';
import type { VisitList, VisitListQuery, VisitNote } from '@ims/contracts';
import type { Prisma, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { visibleNote, visibleNotes, visitNoteOf } from './visit-access';
import { toVisitSummary, VISIT_SUMMARY_INCLUDE, type VisitSummaryRow } from './visit-view';

/** Reading notes: the clinical record of patients in the physiotherapist's clinics. Every read is audited. */
@Injectable()
export class VisitQueryService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  /** Notes newest visit first, filtered; the audit trail gets one read per patient shown, naming the notes. */
  async list(user: RequestUser, query: VisitListQuery): Promise<VisitList> {
    const where: Prisma.VisitNoteWhereInput = {
      ...visibleNotes(user),
      ...(query.status ? { status: query.status } : {}),
      ...(query.clinicianId ? { clinicianId: query.clinicianId } : {}),
      ...(query.patientId ? { patientId: query.patientId } : {}),
      ...(query.planId ? { planId: query.planId } : {}),
    };
    const [total, rows] = await Promise.all([
      this.prisma.visitNote.count({ where }),
      this.prisma.visitNote.findMany({
        where,
        include: VISIT_SUMMARY_INCLUDE,
        orderBy: [{ visitedAt: 'desc' }, { id: 'desc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
    ]);
    await this.audit.recordMany(user, readsOf(rows));
    return { items: rows.map(toVisitSummary), total };
  }

  async get(user: RequestUser, id: string): Promise<VisitNote> {
    const row = await visibleNote(this.prisma, user, id);
    await this.audit.record(user, { action: 'read', entityType: 'visit-note', entityId: row.id, patientId: row.patientId, clinicId: row.clinicId });
    return visitNoteOf(this.prisma, row);
  }
}

/** One audit read per patient and clinic of a list page, so each patient's access log shows which notes were listed. */
function readsOf(rows: VisitSummaryRow[]): AuditEntry[] {
  const groups = new Map<string, { patientId: string; clinicId: string; ids: string[] }>();
  for (const row of rows) {
    const key = `${row.patientId}:${row.clinicId}`;
    const group = groups.get(key) ?? { patientId: row.patientId, clinicId: row.clinicId, ids: [] };
    group.ids.push(row.id);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({
    action: 'read',
    entityType: 'visit-note',
    entityId: null,
    patientId: group.patientId,
    clinicId: group.clinicId,
    detail: { list: true, visitNoteIds: group.ids },
  }));
}
