import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { CreatePatientRequest, DuplicateCheckRequest, DuplicateCandidate, Patient, UpdatePatientRequest } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { ConflictError, RuleViolationError, StaleVersionError } from '../common/problem/domain-errors';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { DuplicateFinder, describeReasons } from './duplicate-finder';
import { changedColumns, columnsOf, columnsOfRow, isoDay, newPatientColumns, writeData, type PatientColumns } from './patient-columns';
import { assertHomeClinic, patientOfOrganisation } from './patient-lookup';
import { loadFlags, toPatient, type Db } from './patient-view';

type CreateInput = z.output<typeof CreatePatientRequest>;
type UpdateInput = z.output<typeof UpdatePatientRequest>;
type DuplicateCheckInput = z.output<typeof DuplicateCheckRequest>;

/** Registration, reading and editing of patients' demographics (the front desk's and clinicians' view). */
@Injectable()
export class PatientsService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly duplicates: DuplicateFinder,
  ) {}

  /**
   * Registers a patient unless likely duplicates exist that the caller has not acknowledged (409 naming them).
   * With an `Idempotency-Key`, a retry of the same request replays this response instead of registering twice.
   */
  async create(user: RequestUser, body: CreateInput, idempotencyKey?: string): Promise<Patient> {
    return this.idempotency.run(user, { key: idempotencyKey, method: 'POST', path: '/api/patients', body }, async (tx) => {
      const { acknowledgedDuplicateIds, ...fields } = body;
      await assertHomeClinic(tx, user.organisationId, fields.homeClinicId);
      const columns = newPatientColumns(fields);
      const candidates = await this.duplicates.find(tx, user.organisationId, probeOf(columns));
      const acknowledged = new Set(acknowledgedDuplicateIds ?? []);
      if (candidates.some((candidate) => !acknowledged.has(candidate.patient.id))) {
        throw new ConflictError(
          'This may be a patient who is already registered: check the candidates, then confirm with acknowledgedDuplicateIds',
          candidates.map((candidate) => ({ entity: 'patient', id: candidate.patient.id, message: describeReasons(candidate.reasons) })),
        );
      }
      const created = await tx.patient.create({ data: { organisationId: user.organisationId, ...writeData(columns) } });
      await this.audit.record(
        user,
        {
          action: 'create',
          entityType: 'patient',
          entityId: created.id,
          patientId: created.id,
          clinicId: created.homeClinicId,
          detail: acknowledged.size > 0 ? { acknowledgedDuplicateIds: [...acknowledged] } : undefined,
        },
        tx,
      );
      return toPatient(created);
    });
  }

  /** `POST /api/patients/duplicates`: who this registration might already be, strongest match first. */
  async findDuplicates(user: RequestUser, body: DuplicateCheckInput): Promise<{ candidates: DuplicateCandidate[] }> {
    const candidates = await this.duplicates.find(this.prisma, user.organisationId, {
      firstName: body.firstName,
      lastName: body.lastName,
      dateOfBirth: body.dateOfBirth,
      phones: [body.phone],
      healthNumber: body.healthNumber,
      email: body.email,
    });
    return { candidates };
  }

  /** Opening a patient is a read of their record: audited, in the same transaction as the read. */
  async get(user: RequestUser, id: string): Promise<Patient> {
    return this.prisma.$transaction(async (tx) => {
      const row = await patientOfOrganisation(tx, user.organisationId, id);
      await this.audit.record(user, { action: 'read', entityType: 'patient', entityId: row.id, patientId: row.id, clinicId: row.homeClinicId }, tx);
      return toPatient(row, await flagsOf(tx, row.id));
    });
  }

  /**
   * Edits demographics at `version`: a stale version is refused (409) and changes nothing. The search columns are
   * recomputed; the audit row names the changed fields, not their values. An anonymised patient cannot be edited.
   */
  async update(user: RequestUser, id: string, body: UpdateInput): Promise<Patient> {
    return this.prisma.$transaction(async (tx) => {
      const current = await patientOfOrganisation(tx, user.organisationId, id);
      if (current.anonymisedAt) {
        throw new RuleViolationError('An anonymised patient cannot be edited', [
          { rule: 'anonymised', message: 'this patient was anonymised; their demographics can no longer change' },
        ]);
      }
      if (body.version !== current.version) throw new StaleVersionError('patient', current.version);
      const { version, ...fields } = body;
      if (fields.homeClinicId !== undefined) await assertHomeClinic(tx, user.organisationId, fields.homeClinicId);
      const before = columnsOfRow(current);
      const after: PatientColumns = { ...before, ...columnsOf(fields) };
      const changed = changedColumns(before, after);
      if (changed.length === 0) return toPatient(current, await flagsOf(tx, current.id));

      // The version in the WHERE makes the check and the write one step: a concurrent edit leaves count 0.
      const { count } = await tx.patient.updateMany({
        where: { id: current.id, organisationId: user.organisationId, version },
        data: { ...writeData(after), version: { increment: 1 } },
      });
      if (count === 0) throw new StaleVersionError('patient');
      await this.audit.record(
        user,
        { action: 'update', entityType: 'patient', entityId: current.id, patientId: current.id, clinicId: after.homeClinicId, detail: { fields: changed } },
        tx,
      );
      const updated = await tx.patient.findUniqueOrThrow({ where: { id: current.id } });
      return toPatient(updated, await flagsOf(tx, current.id));
    });
  }
}

async function flagsOf(db: Db, patientId: string) {
  return (await loadFlags(db, [patientId])).get(patientId);
}

function probeOf(columns: PatientColumns) {
  return {
    firstName: columns.firstName,
    lastName: columns.lastName,
    dateOfBirth: isoDay(columns.dateOfBirth),
    phones: [columns.phone, columns.phoneAlt],
    healthNumber: columns.healthNumber,
    email: columns.email,
  };
}
