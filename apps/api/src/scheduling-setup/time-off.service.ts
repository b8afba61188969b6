import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { ForbiddenError, NotFoundError } from '../common/problem/domain-errors';
import { clinicianOfOrganisation, isUuid } from '../clinicians/clinician-lookup';
import { isoInZone } from '../appointments/appointment-view';

/** How far back the list reaches: recent absences explain recent gaps; older ones stay in the table and audit. */
const LIST_LOOKBACK_DAYS = 90;

type TimeOffRow = { id: string; clinicianId: string; startsAt: Date; endsAt: Date; reason: string | null };

/**
 * Clinicians' time off (holidays, courses, sickness): no booking may fall into it without a manager's override.
 * Admins record anyone's; a clinician may record their own. Everyone signed in may read it, as the calendar shows it.
 */
@Injectable()
export class TimeOffService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  /** Time off ending after 90 days ago, earliest first, in the zone of the clinician's first clinic. */
  async list(user: RequestUser, clinicianId: string) {
    const clinician = await clinicianOfOrganisation(this.prisma, user.organisationId, clinicianId);
    const rows = await this.prisma.clinicianTimeOff.findMany({
      where: { clinicianId: clinician.id, endsAt: { gt: new Date(Date.now() - LIST_LOOKBACK_DAYS * 86_400_000) } },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
    const zone = zoneOf(clinician);
    return { items: rows.map((row) => toTimeOff(row, zone)) };
  }

  async add(user: RequestUser, clinicianId: string, body: { startsAt: string; endsAt: string; reason?: string }) {
    return this.prisma.$transaction(async (tx) => {
      const clinician = await clinicianOfOrganisation(tx, user.organisationId, clinicianId);
      if (!user.roles.includes('admin') && clinician.userId !== user.id) {
        throw new ForbiddenError('A clinician may only record their own time off');
      }
      const row = await tx.clinicianTimeOff.create({
        data: {
          organisationId: user.organisationId,
          clinicianId: clinician.id,
          startsAt: new Date(body.startsAt),
          endsAt: new Date(body.endsAt),
          reason: body.reason || null,
          createdById: user.id,
        },
      });
      const timeOff = toTimeOff(row, zoneOf(clinician));
      await this.audit.record(user, { action: 'create', entityType: 'time_off', entityId: row.id, detail: { ...timeOff } }, tx);
      return timeOff;
    });
  }

  async remove(user: RequestUser, clinicianId: string, timeOffId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const clinician = await clinicianOfOrganisation(tx, user.organisationId, clinicianId);
      const row = isUuid(timeOffId) ? await tx.clinicianTimeOff.findFirst({ where: { id: timeOffId, clinicianId: clinician.id } }) : null;
      if (!row) throw new NotFoundError('time off', timeOffId);
      await tx.clinicianTimeOff.delete({ where: { id: row.id } });
      await this.audit.record(user, { action: 'delete', entityType: 'time_off', entityId: row.id, detail: { ...toTimeOff(row, zoneOf(clinician)) } }, tx);
    });
  }
}

function zoneOf(clinician: { user: { clinics: Array<{ clinic: { name: string; timeZone: string } }> } }): string {
  const clinics = clinician.user.clinics.map((m) => m.clinic).sort((a, b) => a.name.localeCompare(b.name));
  return clinics[0]?.timeZone ?? 'UTC';
}

function toTimeOff(row: TimeOffRow, timeZone: string) {
  return { id: row.id, clinicianId: row.clinicianId, startsAt: isoInZone(row.startsAt, timeZone), endsAt: isoInZone(row.endsAt, timeZone), reason: row.reason };
}
