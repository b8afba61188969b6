import { Injectable } from '@nestjs/common';
import type { Clinician, PutWorkingHoursRequest, WorkingHoursEntry } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { InvalidInputError } from '../common/problem/domain-errors';
import { clinicianOfOrganisation } from './clinician-lookup';
import { CLINICIAN_INCLUDE, toClinician } from './clinician-view';
import { compareHours, overlappingHours, timeColumn } from './working-hours';

/** A clinician's weekly hours per clinic: replaced as a whole, so the schedule is never half-written. */
@Injectable()
export class ClinicianWorkingHoursService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  /**
   * Replaces every weekly hour of the clinician in one transaction. Each entry's clinic must be one of the
   * clinician user's clinics (400 `hours.N.clinicId`), and no two entries may overlap on a weekday (400).
   */
  async replace(user: RequestUser, clinicianId: string, body: PutWorkingHoursRequest): Promise<Clinician> {
    const hours = body.hours as WorkingHoursEntry[];
    return this.prisma.$transaction(async (tx) => {
      const current = await clinicianOfOrganisation(tx, user.organisationId, clinicianId);
      const memberOf = new Set(current.user.clinics.map((membership) => membership.clinic.id));
      const errors = [
        ...hours.flatMap((entry, index) =>
          memberOf.has(entry.clinicId) ? [] : [{ path: `hours.${index}.clinicId`, message: 'is not one of the clinician’s clinics' }],
        ),
        ...overlappingHours(hours),
      ];
      if (errors.length > 0) {
        throw new InvalidInputError(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      }

      const before = toClinician(current).workingHours;
      await tx.workingHours.deleteMany({ where: { clinicianId: current.id } });
      await tx.workingHours.createMany({
        data: hours.map((entry) => ({
          organisationId: user.organisationId,
          clinicId: entry.clinicId,
          clinicianId: current.id,
          weekday: entry.weekday,
          startTime: timeColumn(entry.start),
          endTime: timeColumn(entry.end),
        })),
      });
      const after = [...hours].sort(compareHours).map(({ clinicId, weekday, start, end }) => ({ clinicId, weekday, start, end }));
      await this.audit.record(user, { action: 'update', entityType: 'working_hours', entityId: current.id, detail: { clinicianId: current.id, before, after } }, tx);
      const updated = await tx.clinician.findUniqueOrThrow({ where: { id: current.id }, include: CLINICIAN_INCLUDE });
      return toClinician(updated);
    });
  }
}
