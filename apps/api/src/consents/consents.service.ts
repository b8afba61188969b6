import { Injectable } from '@nestjs/common';
import type { Consent, ConsentList, CreateConsentRequest, WithdrawConsentRequest } from '@ims/contracts';
import type { ImsConsent, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { ConflictError, InvalidInputError, NotFoundError, RuleViolationError } from '../common/problem/domain-errors';
import { dateColumn, isoDay } from '../clinicians/clinician-view';
import { dayIn } from '../clinicians/needling-authorisation';
import { isUuid } from '../clinicians/clinician-lookup';
import { consentInForceOn } from './consent-in-force';
import { ageOn, consentGiverViolations, misplacedGiverFields } from './consent-rules';
import { asRecord, consentList } from './consent-view';
import { assertActivePatient, clinicOfUser, lockPatient, patientOfOrganisation, userNames, type ClinicalPatient, type Db } from './patient-lookup';

/**
 * IMS consent: recorded with the day it was given, who took it, the risks disclosed and who gave it; withdrawn
 * explicitly; renewed by recording a new one. "In force today" is a calendar day in the patient's home clinic's zone.
 */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async list(user: RequestUser, patientId: string): Promise<ConsentList> {
    const patient = await patientOfOrganisation(this.prisma, user, patientId);
    const result = await this.listOf(this.prisma, patient);
    await this.audit.record(user, { action: 'read', entityType: 'consent', entityId: null, patientId: patient.id, clinicId: patient.homeClinicId });
    return result;
  }

  /** With an `Idempotency-Key`, a retry of the same request replays this response instead of recording twice. */
  async create(user: RequestUser, patientId: string, body: CreateConsentRequest, idempotencyKey?: string): Promise<Consent> {
    const request = { key: idempotencyKey, method: 'POST', path: `/api/patients/${patientId}/consents`, body };
    return this.idempotency.run(user, request, async (tx) => {
      const patient = await lockPatient(tx, user, patientId);
      const clinic = await clinicOfUser(tx, user, body.clinicId);
      const dateOfBirth = isoDay(patient.dateOfBirth);
      const errors = [...misplacedGiverFields(body)];
      if (body.consentedOn > dayIn(clinic.timeZone)) errors.push({ path: 'consentedOn', message: 'cannot be in the future' });
      if (body.consentedOn < dateOfBirth) errors.push({ path: 'consentedOn', message: `cannot be before the patient's date of birth (${dateOfBirth})` });
      if (errors.length > 0) throw new InvalidInputError(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      assertActivePatient(patient);
      const violations = consentGiverViolations(body, ageOn(dateOfBirth, body.consentedOn));
      if (violations.length > 0) throw new RuleViolationError(violations.map((v) => v.message).join('; '), violations);

      const created = await tx.imsConsent.create({
        data: {
          organisationId: user.organisationId,
          clinicId: clinic.id,
          patientId: patient.id,
          takenById: user.id,
          consentedOn: dateColumn(body.consentedOn),
          risksDisclosed: [...new Set(body.risksDisclosed)],
          thoraxIncluded: body.thoraxIncluded,
          method: body.method,
          givenBy: body.givenBy,
          guardianName: body.guardianName || null,
          guardianRelationship: body.guardianRelationship || null,
          capacityFinding: body.capacityFinding || null,
          notes: body.notes || null,
        },
      });
      await this.audit.record(
        user,
        {
          action: 'create',
          entityType: 'consent',
          entityId: created.id,
          patientId: patient.id,
          clinicId: clinic.id,
          detail: { consentedOn: body.consentedOn, givenBy: body.givenBy, thoraxIncluded: body.thoraxIncluded, risksDisclosed: created.risksDisclosed },
        },
        tx,
      );
      return this.consentIn(tx, patient, created.id);
    });
  }

  /** Withdraws a consent from `withdrawnOn` (that day is no longer covered). Once withdrawn, it stays withdrawn: 409. */
  async withdraw(user: RequestUser, consentId: string, body: WithdrawConsentRequest): Promise<Consent> {
    return this.prisma.$transaction(async (tx) => {
      const current = isUuid(consentId)
        ? await tx.imsConsent.findFirst({ where: { id: consentId, organisationId: user.organisationId }, include: { clinic: { select: { timeZone: true } } } })
        : null;
      if (!current) throw new NotFoundError('consent', consentId);
      const patient = await lockPatient(tx, user, current.patientId);
      const consentedOn = isoDay(current.consentedOn);
      const errors = [];
      if (body.withdrawnOn < consentedOn) errors.push({ path: 'withdrawnOn', message: `cannot be before the consent was given (${consentedOn})` });
      if (body.withdrawnOn > dayIn(current.clinic.timeZone)) errors.push({ path: 'withdrawnOn', message: 'cannot be in the future' });
      if (errors.length > 0) throw new InvalidInputError(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      // Conditional on "not yet withdrawn" so two withdrawals racing cannot both record theirs.
      const { count } = await tx.imsConsent.updateMany({
        where: { id: current.id, withdrawnOn: null },
        data: { withdrawnOn: dateColumn(body.withdrawnOn), withdrawnById: user.id, withdrawalReason: body.reason },
      });
      if (count === 0) {
        throw new ConflictError('The consent is already withdrawn', [
          { entity: 'consent', id: current.id, message: `withdrawn on ${current.withdrawnOn ? isoDay(current.withdrawnOn) : 'an earlier request'}` },
        ]);
      }
      await this.audit.record(
        user,
        { action: 'withdraw', entityType: 'consent', entityId: current.id, patientId: patient.id, clinicId: current.clinicId, detail: { withdrawnOn: body.withdrawnOn } },
        tx,
      );
      return this.consentIn(tx, patient, current.id);
    });
  }

  /**
   * The consent in force for `patientId` on `date` (`YYYY-MM-DD`, the visit's day in its clinic's zone), or null.
   * With `thorax: true` it must also cover thoracic muscles. For the sign rules of visit notes: pass their `tx`.
   */
  async inForceOn(patientId: string, date: string, tx?: Db, options: { thorax?: boolean } = {}): Promise<ImsConsent | null> {
    const rows = await (tx ?? this.prisma).imsConsent.findMany({ where: { patientId } });
    const inForce = consentInForceOn(rows.map(asRecord), date, options);
    return inForce ? (rows.find((row) => row.id === inForce.id) ?? null) : null;
  }

  private async listOf(db: Db, patient: ClinicalPatient): Promise<ConsentList> {
    const rows = await db.imsConsent.findMany({ where: { patientId: patient.id, organisationId: patient.organisationId } });
    const names = await userNames(db, rows.flatMap((row) => [row.takenById, row.withdrawnById]));
    return consentList(rows, names, dayIn(patient.homeClinic.timeZone));
  }

  private async consentIn(db: Db, patient: ClinicalPatient, consentId: string): Promise<Consent> {
    const { items } = await this.listOf(db, patient);
    return items.find((item) => item.id === consentId)!;
  }
}
