import { Injectable } from '@nestjs/common';
import type { ProblemFieldError } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { InvalidInputError } from '../common/problem/domain-errors';
import { timeColumn, wallClockOf } from '../clinicians/working-hours';
import { visibleClinic } from '../appointments/appointment-access';
import type { Db } from '../appointments/conflict-lookup';
import { clinicOfOrganisation } from './setup-lookup';

export interface OpeningHoursEntry {
  weekday: number;
  opensAt: string;
  closesAt: string;
}

const byWeekdayAndTime = (a: OpeningHoursEntry, b: OpeningHoursEntry) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt);

/** Entries of one weekday that overlap an earlier entry, as field errors naming the later one. */
export function overlappingOpeningHours(hours: readonly OpeningHoursEntry[]): ProblemFieldError[] {
  return hours.flatMap((entry, index) => {
    const earlier = hours.findIndex((o, i) => i < index && o.weekday === entry.weekday && o.opensAt < entry.closesAt && entry.opensAt < o.closesAt);
    return earlier < 0 ? [] : [{ path: `hours.${index}.opensAt`, message: `overlaps hours.${earlier} on weekday ${entry.weekday}` }];
  });
}

/**
 * A clinic's weekly opening hours: everyone who may see the clinic reads them (the calendar shades closed time);
 * admins replace them as a whole. Until a clinic has any, opening hours restrict no booking.
 */
@Injectable()
export class OpeningHoursService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  async get(user: RequestUser, clinicId: string) {
    const clinic = await visibleClinic(this.prisma, user, clinicId);
    return { clinicId: clinic.id, hours: await this.load(this.prisma, clinic.id) };
  }

  /** Replaces every entry in one transaction; overlapping entries on a weekday are a 400 naming the later one. */
  async replace(user: RequestUser, clinicId: string, body: { hours: OpeningHoursEntry[] }) {
    const errors = overlappingOpeningHours(body.hours);
    if (errors.length > 0) throw new InvalidInputError(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
    return this.prisma.$transaction(async (tx) => {
      const clinic = await clinicOfOrganisation(tx, user, clinicId);
      const before = await this.load(tx, clinic.id);
      await tx.clinicOpeningHours.deleteMany({ where: { clinicId: clinic.id } });
      await tx.clinicOpeningHours.createMany({
        data: body.hours.map((h) => ({
          organisationId: user.organisationId,
          clinicId: clinic.id,
          weekday: h.weekday,
          opensAt: timeColumn(h.opensAt),
          closesAt: timeColumn(h.closesAt),
        })),
      });
      const after = [...body.hours].sort(byWeekdayAndTime).map(({ weekday, opensAt, closesAt }) => ({ weekday, opensAt, closesAt }));
      await this.audit.record(user, { action: 'update', entityType: 'opening_hours', entityId: clinic.id, clinicId: clinic.id, detail: { before, after } }, tx);
      return { clinicId: clinic.id, hours: after };
    });
  }

  private async load(db: Db, clinicId: string): Promise<OpeningHoursEntry[]> {
    const rows = await db.clinicOpeningHours.findMany({ where: { clinicId } });
    return rows.map((r) => ({ weekday: r.weekday, opensAt: wallClockOf(r.opensAt), closesAt: wallClockOf(r.closesAt) })).sort(byWeekdayAndTime);
  }
}
