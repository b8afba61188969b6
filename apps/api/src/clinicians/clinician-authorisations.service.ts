import { Injectable } from '@nestjs/common';
import type { CreateAuthorisationRequest, EndAuthorisationRequest, NeedlingAuthorisation } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { InvalidInputError, NotFoundError } from '../common/problem/domain-errors';
import { clinicianOfOrganisation, isUuid } from './clinician-lookup';
import { dateColumn, isoDay, toAuthorisation } from './clinician-view';

/**
 * A clinician's needling authorisations. They are the evidence of who was allowed to needle on which day, so they
 * are added and ended, never deleted or rewritten: a signed note must stay explainable years later.
 */
@Injectable()
export class ClinicianAuthorisationsService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  async add(user: RequestUser, clinicianId: string, body: CreateAuthorisationRequest): Promise<NeedlingAuthorisation> {
    return this.prisma.$transaction(async (tx) => {
      const clinician = await clinicianOfOrganisation(tx, user.organisationId, clinicianId);
      const created = await tx.needlingAuthorisation.create({
        data: {
          organisationId: user.organisationId,
          clinicianId: clinician.id,
          kind: body.kind,
          issuingBody: body.issuingBody,
          number: body.number || null,
          validFrom: dateColumn(body.validFrom),
          validTo: body.validTo ? dateColumn(body.validTo) : null,
        },
      });
      const authorisation = toAuthorisation(created);
      await this.audit.record(
        user,
        { action: 'create', entityType: 'needling_authorisation', entityId: created.id, detail: { clinicianId: clinician.id, ...withoutId(authorisation) } },
        tx,
      );
      return authorisation;
    });
  }

  /**
   * Ends an authorisation on `validTo` (the last day it covers). Only shortens: moving the end later would rewrite
   * history that notes may already rest on, so a renewal is a new authorisation.
   */
  async end(user: RequestUser, clinicianId: string, authorisationId: string, body: EndAuthorisationRequest): Promise<NeedlingAuthorisation> {
    return this.prisma.$transaction(async (tx) => {
      const clinician = await clinicianOfOrganisation(tx, user.organisationId, clinicianId);
      const current = isUuid(authorisationId)
        ? await tx.needlingAuthorisation.findFirst({ where: { id: authorisationId, clinicianId: clinician.id, organisationId: user.organisationId } })
        : null;
      if (!current) throw new NotFoundError('needling authorisation', authorisationId);
      const validFrom = isoDay(current.validFrom);
      const previousValidTo = current.validTo ? isoDay(current.validTo) : null;
      if (body.validTo < validFrom) {
        throw new InvalidInputError(`validTo: must not be before validFrom (${validFrom})`, [
          { path: 'validTo', message: `must not be before validFrom (${validFrom})` },
        ]);
      }
      if (previousValidTo !== null && body.validTo > previousValidTo) {
        throw new InvalidInputError(`validTo: the authorisation already ends on ${previousValidTo}; add a new one to renew it`, [
          { path: 'validTo', message: `must not be after the current end (${previousValidTo}); add a new authorisation to renew` },
        ]);
      }
      const updated = await tx.needlingAuthorisation.update({ where: { id: current.id }, data: { validTo: dateColumn(body.validTo) } });
      await this.audit.record(
        user,
        {
          action: 'end',
          entityType: 'needling_authorisation',
          entityId: current.id,
          detail: { clinicianId: clinician.id, kind: current.kind, changes: { validTo: { from: previousValidTo, to: body.validTo } } },
        },
        tx,
      );
      return toAuthorisation(updated);
    });
  }
}

function withoutId({ id: _id, ...rest }: NeedlingAuthorisation) {
  return rest;
}
