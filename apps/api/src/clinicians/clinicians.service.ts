import { Injectable } from '@nestjs/common';
import type { AuthorisationKind, Clinician, CreateClinicianRequest, NeedlingAuthorisation, UpdateClinicianRequest } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { ConflictError, NotFoundError, RuleViolationError } from '../common/problem/domain-errors';
import { clinicianOfOrganisation, isUuid, type Db } from './clinician-lookup';
import { CLINICIAN_INCLUDE, dateColumn, toAuthorisation, toClinician } from './clinician-view';

/** Clinician profiles: who may be booked and who may needle (registration number, authorisations, hours). */
@Injectable()
export class ClinicianService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  /**
   * The organisation's active clinicians, or those working at `clinicId` (a member of that clinic). Every role sees
   * this list: receptionists book against it. `imsAuthorisedToday` is computed in the asked clinic's zone.
   */
  async list(user: RequestUser, query: { clinicId?: string }): Promise<{ items: Clinician[] }> {
    const clinic = query.clinicId ? await this.clinicOfOrganisation(user.organisationId, query.clinicId) : undefined;
    const rows = await this.prisma.clinician.findMany({
      where: {
        organisationId: user.organisationId,
        user: { active: true, ...(clinic ? { clinics: { some: { clinicId: clinic.id } } } : {}) },
      },
      include: CLINICIAN_INCLUDE,
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
    });
    return { items: rows.map((row) => toClinician(row, { timeZone: clinic?.timeZone })) };
  }

  async get(user: RequestUser, id: string): Promise<Clinician> {
    return toClinician(await clinicianOfOrganisation(this.prisma, user.organisationId, id));
  }

  /** Makes a physiotherapist user a clinician. 422 without the role; 409 when the user already is one. */
  async create(user: RequestUser, body: CreateClinicianRequest): Promise<Clinician> {
    const target = await this.prisma.user.findFirst({
      where: { id: body.userId, organisationId: user.organisationId },
      include: { clinician: { select: { id: true } } },
    });
    if (!target) throw new NotFoundError('user', body.userId);
    if (!target.roles.includes('physiotherapist')) {
      throw new RuleViolationError('Only a physiotherapist can be made a clinician', [
        { rule: 'physiotherapist-role', message: `${target.name} does not have the physiotherapist role` },
      ]);
    }
    if (target.clinician) {
      throw new ConflictError('This user is already a clinician', [
        { entity: 'clinician', id: target.clinician.id, message: 'the user already has a clinician profile' },
      ]);
    }
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.clinician.create({
        data: {
          organisationId: user.organisationId,
          userId: target.id,
          displayName: target.name,
          registrationNumber: body.registrationNumber || null,
        },
        include: CLINICIAN_INCLUDE,
      });
      await this.audit.record(
        user,
        {
          action: 'create',
          entityType: 'clinician',
          entityId: created.id,
          detail: { userId: target.id, displayName: created.displayName, registrationNumber: created.registrationNumber },
        },
        tx,
      );
      return toClinician(created);
    });
  }

  /** Edits the display name and registration number; the audit row records each field's before and after. */
  async update(user: RequestUser, id: string, body: UpdateClinicianRequest): Promise<Clinician> {
    return this.prisma.$transaction(async (tx) => {
      const current = await clinicianOfOrganisation(tx, user.organisationId, id);
      const next = {
        displayName: body.name ?? current.displayName,
        registrationNumber: body.registrationNumber === undefined ? current.registrationNumber : body.registrationNumber || null,
      };
      const changes = Object.fromEntries(
        (Object.keys(next) as Array<keyof typeof next>)
          .filter((field) => next[field] !== current[field])
          .map((field) => [field, { from: current[field], to: next[field] }]),
      );
      if (Object.keys(changes).length === 0) return toClinician(current);
      const updated = await tx.clinician.update({ where: { id: current.id }, data: next, include: CLINICIAN_INCLUDE });
      await this.audit.record(user, { action: 'update', entityType: 'clinician', entityId: current.id, detail: { changes } }, tx);
      return toClinician(updated);
    });
  }

  /**
   * The clinician's authorisation of `kind` valid on `date` (`YYYY-MM-DD`, the visit's day in its clinic's zone),
   * or null. Signing an IMS note calls this inside its own transaction, so pass that `tx`.
   */
  async authorisationOn(clinicianId: string, kind: AuthorisationKind, date: string, tx?: Db): Promise<NeedlingAuthorisation | null> {
    if (!isUuid(clinicianId)) return null;
    const day = dateColumn(date);
    const row = await (tx ?? this.prisma).needlingAuthorisation.findFirst({
      where: { clinicianId, kind, validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] },
      orderBy: [{ validFrom: 'desc' }, { createdAt: 'desc' }],
    });
    return row ? toAuthorisation(row) : null;
  }

  private async clinicOfOrganisation(organisationId: string, clinicId: string) {
    const clinic = await this.prisma.clinic.findFirst({ where: { id: clinicId, organisationId }, select: { id: true, timeZone: true } });
    if (!clinic) throw new NotFoundError('clinic', clinicId);
    return clinic;
  }
}
