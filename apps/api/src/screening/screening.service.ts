import { Injectable } from '@nestjs/common';
import type { PutScreeningRequest, ScreeningResponse, ScreeningItems } from '@ims/contracts';
import type { Prisma, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { ConflictError } from '../common/problem/domain-errors';
import { assertActivePatient, clinicOfUser, lockPatient, patientOfOrganisation, userNames, type Db } from '../consents/patient-lookup';
import { itemsToStore, precautionsOf, toScreening } from './screening-view';

/** Newest first; uuid v7 ids break ties between screenings recorded in the same millisecond. */
const NEWEST_FIRST: Prisma.PatientScreeningOrderByWithRelationInput[] = [{ recordedAt: 'desc' }, { id: 'desc' }];

/**
 * Safety screening (precautions and contraindications before needling). Every change is a new row: the history of
 * what was known when is itself clinical evidence, so rows are never updated.
 */
@Injectable()
export class ScreeningService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  async get(user: RequestUser, patientId: string): Promise<ScreeningResponse> {
    const patient = await patientOfOrganisation(this.prisma, user, patientId);
    const response = await this.historyOf(this.prisma, patient.id);
    await this.audit.record(user, { action: 'read', entityType: 'screening', entityId: response.current?.id ?? null, patientId: patient.id, clinicId: patient.homeClinicId });
    return response;
  }

  /**
   * Records a new screening. `basedOnId` must be the newest screening (null when none): otherwise someone recorded
   * one meanwhile and this checklist was filled in without seeing it, so 409 and nothing is written. The patient row
   * is locked first, so two concurrent writes are checked one after the other and cannot both pass.
   */
  async put(user: RequestUser, patientId: string, body: PutScreeningRequest): Promise<ScreeningResponse> {
    return this.prisma.$transaction(async (tx) => {
      const patient = await lockPatient(tx, user, patientId);
      const clinic = await clinicOfUser(tx, user, body.clinicId);
      assertActivePatient(patient);
      const latest = await tx.patientScreening.findFirst({ where: { patientId: patient.id }, orderBy: NEWEST_FIRST, select: { id: true, recordedAt: true } });
      if ((latest?.id ?? null) !== body.basedOnId) {
        throw new ConflictError(
          latest ? 'Another screening was recorded meanwhile: review it before recording yours' : 'The screening you based this on does not exist',
          latest ? [{ entity: 'screening', id: latest.id, message: `recorded at ${latest.recordedAt.toISOString()}` }] : [],
        );
      }
      const items = itemsToStore(body.items as ScreeningItems);
      const precautions = precautionsOf(items);
      const created = await tx.patientScreening.create({
        data: {
          organisationId: user.organisationId,
          clinicId: clinic.id,
          patientId: patient.id,
          recordedById: user.id,
          // Set here, after the lock, never by the database's now() (the transaction's start): a write that waited for
          // the lock must still sort after the one it waited for.
          recordedAt: new Date(Math.max(Date.now(), latest ? latest.recordedAt.getTime() + 1 : 0)),
          items,
          precautionsPresent: precautions.length > 0,
          notes: body.notes || null,
        },
      });
      await this.audit.record(
        user,
        { action: 'create', entityType: 'screening', entityId: created.id, patientId: patient.id, clinicId: clinic.id, detail: { precautions, basedOnId: body.basedOnId } },
        tx,
      );
      return this.historyOf(tx, patient.id);
    });
  }

  private async historyOf(db: Db, patientId: string): Promise<ScreeningResponse> {
    const rows = await db.patientScreening.findMany({ where: { patientId }, orderBy: NEWEST_FIRST });
    const names = await userNames(db, rows.map((row) => row.recordedById));
    const history = rows.map((row) => toScreening(row, names));
    return { current: history[0] ?? null, history };
  }
}
