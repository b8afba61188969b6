import { Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@ims/prisma';
import type { AppointmentType, Clinic, Room } from '@ims/contracts';
import { InjectPrisma } from '../database/database.tokens';
import { NotFoundError } from '../common/problem/domain-errors';
import type { RequestUser } from '../common/access/request-user';

/** Admins and managers look after every clinic of the organisation; everyone else sees the clinics they work in. */
const ORGANISATION_WIDE_ROLES = new Set(['admin', 'manager']);

/** Read side of clinic set-up: clinics, rooms and appointment types the user may see. */
@Injectable()
export class ClinicSetupService {
  constructor(@InjectPrisma() private readonly prisma: PrismaClient) {}

  async clinics(actor: RequestUser): Promise<{ items: Clinic[] }> {
    const rows = await this.prisma.clinic.findMany({ where: this.visibleClinics(actor), orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    return {
      items: rows.map((c) => ({ id: c.id, name: c.name, timeZone: c.timeZone, address: c.address, phone: c.phone, lateCancelNoticeHours: c.lateCancelNoticeHours })),
    };
  }

  async rooms(actor: RequestUser, clinicId?: string): Promise<{ items: Room[] }> {
    const rows = await this.prisma.room.findMany({
      where: { clinic: await this.clinicFilter(actor, clinicId) },
      orderBy: [{ clinicId: 'asc' }, { name: 'asc' }],
    });
    return { items: rows.map((r) => ({ id: r.id, clinicId: r.clinicId, name: r.name, active: r.active })) };
  }

  async appointmentTypes(actor: RequestUser, clinicId?: string): Promise<{ items: AppointmentType[] }> {
    const rows = await this.prisma.appointmentType.findMany({
      where: { clinic: await this.clinicFilter(actor, clinicId) },
      orderBy: [{ clinicId: 'asc' }, { name: 'asc' }],
    });
    return {
      items: rows.map((t) => ({ id: t.id, clinicId: t.clinicId, name: t.name, kind: t.kind, durationMinutes: t.durationMinutes, active: t.active })),
    };
  }

  private visibleClinics(actor: RequestUser): Prisma.ClinicWhereInput {
    const organisationWide = actor.roles.some((role) => ORGANISATION_WIDE_ROLES.has(role));
    return { organisationId: actor.organisationId, ...(organisationWide ? {} : { id: { in: actor.clinicIds } }) };
  }

  /** All visible clinics, or the one asked for; a clinic the user may not see is a 404, as if it did not exist. */
  private async clinicFilter(actor: RequestUser, clinicId?: string): Promise<Prisma.ClinicWhereInput> {
    const visible = this.visibleClinics(actor);
    if (!clinicId) return visible;
    const clinic = await this.prisma.clinic.findFirst({ where: { AND: [visible, { id: clinicId }] }, select: { id: true } });
    if (!clinic) throw new NotFoundError('Clinic', clinicId);
    return { id: clinic.id };
  }
}
