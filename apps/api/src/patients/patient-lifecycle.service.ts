import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { AnonymisePatientRequest, ArchivePatientRequest, Patient, UnarchivePatientRequest } from '@ims/contracts';
import { foldForSearch, type Prisma, type PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { ConflictError, InvalidInputError, RuleViolationError, StaleVersionError } from '../common/problem/domain-errors';
import { anonymisedColumns } from './anonymised-columns';
import { columnsOfRow, writeData, type PatientRow } from './patient-columns';
import { patientOfOrganisation } from './patient-lookup';
import { loadFlags, toPatient } from './patient-view';

type ArchiveInput = z.output<typeof ArchivePatientRequest>;
type UnarchiveInput = z.output<typeof UnarchivePatientRequest>;
type AnonymiseInput = z.output<typeof AnonymisePatientRequest>;

/**
 * "Deleting" a patient (managers and admins): records are kept for years (16 in BC), so a patient is archived
 * (out of search, history kept, reversible) or anonymised (demographics rewritten, clinical history kept
 * de-identified, irreversible). Nothing here deletes a clinical row.
 */
@Injectable()
export class PatientLifecycleService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  async archive(user: RequestUser, id: string, body: ArchiveInput): Promise<Patient> {
    return this.prisma.$transaction(async (tx) => {
      const current = await patientOfOrganisation(tx, user.organisationId, id);
      if (current.archivedAt) throw new ConflictError('This patient is already archived', [{ entity: 'patient', id: current.id, message: 'already archived' }]);
      const updated = await this.write(tx, current, body.version, { archivedAt: new Date(), archivedById: user.id });
      await this.audit.record(user, this.entry('archive', current, { reason: body.reason }), tx);
      return this.view(tx, updated);
    });
  }

  async unarchive(user: RequestUser, id: string, body: UnarchiveInput): Promise<Patient> {
    return this.prisma.$transaction(async (tx) => {
      const current = await patientOfOrganisation(tx, user.organisationId, id);
      if (current.anonymisedAt) {
        throw new RuleViolationError('An anonymised patient stays archived', [{ rule: 'anonymised', message: 'anonymising cannot be undone' }]);
      }
      if (!current.archivedAt) throw new ConflictError('This patient is not archived', [{ entity: 'patient', id: current.id, message: 'not archived' }]);
      const updated = await this.write(tx, current, body.version, { archivedAt: null, archivedById: null });
      await this.audit.record(user, this.entry('unarchive', current), tx);
      return this.view(tx, updated);
    });
  }

  /**
   * Rewrites the demographics to de-identified values (see anonymisedColumns) and archives the patient. The caller
   * repeats the last name to confirm (400 otherwise); a second anonymise is a conflict (409). Replayable responses
   * stored for idempotent creates hold the old demographics, so they go too.
   */
  async anonymise(user: RequestUser, id: string, body: AnonymiseInput): Promise<Patient> {
    return this.prisma.$transaction(async (tx) => {
      const current = await patientOfOrganisation(tx, user.organisationId, id);
      if (current.anonymisedAt) {
        throw new ConflictError('This patient is already anonymised', [{ entity: 'patient', id: current.id, message: 'already anonymised' }]);
      }
      if (foldForSearch(body.confirmLastName) !== foldForSearch(current.lastName)) {
        throw new InvalidInputError("confirmLastName: does not match the patient's last name", [
          { path: 'confirmLastName', message: "does not match the patient's last name" },
        ]);
      }
      const now = new Date();
      const updated = await this.write(tx, current, body.version, {
        ...writeData(anonymisedColumns(current.id, columnsOfRow(current))),
        anonymisedAt: now,
        anonymisedById: user.id,
        archivedAt: current.archivedAt ?? now,
        archivedById: current.archivedAt ? current.archivedById : user.id,
      });
      await tx.idempotencyKey.deleteMany({ where: { organisationId: user.organisationId, responseBody: { path: ['id'], equals: current.id } } });
      await this.audit.record(user, this.entry('anonymise', current, { reason: body.reason }), tx);
      return this.view(tx, updated);
    });
  }

  /** Writes at `version` (stale → 409, nothing changed) and bumps it. */
  private async write(tx: Prisma.TransactionClient, current: PatientRow, version: number, data: Prisma.PatientUncheckedUpdateManyInput): Promise<PatientRow> {
    const { count } = await tx.patient.updateMany({
      where: { id: current.id, organisationId: current.organisationId, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleVersionError('patient', current.version);
    return tx.patient.findUniqueOrThrow({ where: { id: current.id } });
  }

  private entry(action: string, patient: PatientRow, detail?: Record<string, unknown>) {
    return { action, entityType: 'patient', entityId: patient.id, patientId: patient.id, clinicId: patient.homeClinicId, detail };
  }

  private async view(tx: Prisma.TransactionClient, row: PatientRow): Promise<Patient> {
    return toPatient(row, (await loadFlags(tx, [row.id])).get(row.id));
  }
}
