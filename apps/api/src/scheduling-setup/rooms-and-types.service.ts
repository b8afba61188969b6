import { Injectable } from '@nestjs/common';
import type {
  AppointmentType,
  Clinic,
  CreateAppointmentTypeRequest,
  CreateRoomRequest,
  Room,
  UpdateAppointmentTypeRequest,
  UpdateClinicRequest,
  UpdateRoomRequest,
} from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { ofOrganisation } from '../common/lookup/of-organisation';
import { clinicOfOrganisation, uniqueNamePerClinic } from './setup-lookup';

const toRoom = (r: { id: string; clinicId: string; name: string; active: boolean }): Room => ({ id: r.id, clinicId: r.clinicId, name: r.name, active: r.active });
const toClinic = (c: Clinic): Clinic => ({
  id: c.id,
  name: c.name,
  timeZone: c.timeZone,
  address: c.address,
  phone: c.phone,
  lateCancelNoticeHours: c.lateCancelNoticeHours,
});
const toType = (t: AppointmentType): AppointmentType => ({
  id: t.id,
  clinicId: t.clinicId,
  name: t.name,
  kind: t.kind,
  durationMinutes: t.durationMinutes,
  active: t.active,
});

/** Field-by-field before/after of what a PATCH changed, for the audit row; empty when nothing changed. */
function changesOf<T extends Record<string, unknown>>(current: T, patch: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(
    Object.entries(patch)
      .filter(([field, value]) => value !== undefined && value !== current[field])
      .map(([field, value]) => [field, { from: current[field], to: value }]),
  );
}

/**
 * A clinic's details, and its rooms and appointment types (admin). They are retired with `active: false`, never deleted: past
 * appointments still name them. Changing a type's duration affects later bookings only.
 */
@Injectable()
export class RoomsAndTypesService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  /**
   * A clinic's details. A new time zone changes how later bookings are read; booked appointments keep the zone they
   * were made in. A blank address or phone clears it.
   */
  async updateClinic(user: RequestUser, id: string, body: UpdateClinicRequest): Promise<Clinic> {
    return this.prisma.$transaction(async (tx) => {
      const current = await clinicOfOrganisation(tx, user, id);
      const blankToNull = (text: string | null | undefined) => (text === undefined ? undefined : text || null);
      const patch = {
        name: body.name,
        timeZone: body.timeZone,
        address: blankToNull(body.address),
        phone: blankToNull(body.phone),
        lateCancelNoticeHours: body.lateCancelNoticeHours,
      };
      const changes = changesOf(current, patch);
      if (Object.keys(changes).length === 0) return toClinic(current);
      const clinic = await tx.clinic.update({ where: { id: current.id }, data: Object.fromEntries(Object.keys(changes).map((f) => [f, changes[f].to])) });
      await this.audit.record(user, { action: 'update', entityType: 'clinic', entityId: clinic.id, clinicId: clinic.id, detail: { changes } }, tx);
      return toClinic(clinic);
    });
  }

  async createRoom(user: RequestUser, body: CreateRoomRequest): Promise<Room> {
    return this.prisma.$transaction(async (tx) => {
      const clinic = await clinicOfOrganisation(tx, user, body.clinicId);
      const room = await uniqueNamePerClinic('room', body.name, () =>
        tx.room.create({ data: { organisationId: user.organisationId, clinicId: clinic.id, name: body.name } }),
      );
      await this.audit.record(user, { action: 'create', entityType: 'room', entityId: room.id, clinicId: clinic.id, detail: { name: room.name } }, tx);
      return toRoom(room);
    });
  }

  async updateRoom(user: RequestUser, id: string, body: UpdateRoomRequest): Promise<Room> {
    return this.prisma.$transaction(async (tx) => {
      const current = await ofOrganisation('room', id, () => tx.room.findFirst({ where: { id, organisationId: user.organisationId } }));
      const changes = changesOf(current, { name: body.name, active: body.active });
      if (Object.keys(changes).length === 0) return toRoom(current);
      const name = body.name ?? current.name;
      const room = await uniqueNamePerClinic('room', name, () => tx.room.update({ where: { id: current.id }, data: { name, active: body.active ?? current.active } }));
      await this.audit.record(user, { action: 'update', entityType: 'room', entityId: room.id, clinicId: room.clinicId, detail: { changes } }, tx);
      return toRoom(room);
    });
  }

  async createType(user: RequestUser, body: CreateAppointmentTypeRequest): Promise<AppointmentType> {
    return this.prisma.$transaction(async (tx) => {
      const clinic = await clinicOfOrganisation(tx, user, body.clinicId);
      const type = await uniqueNamePerClinic('appointment type', body.name, () =>
        tx.appointmentType.create({
          data: { organisationId: user.organisationId, clinicId: clinic.id, name: body.name, kind: body.kind, durationMinutes: body.durationMinutes },
        }),
      );
      const detail = { name: type.name, kind: type.kind, durationMinutes: type.durationMinutes };
      await this.audit.record(user, { action: 'create', entityType: 'appointment_type', entityId: type.id, clinicId: clinic.id, detail }, tx);
      return toType(type);
    });
  }

  async updateType(user: RequestUser, id: string, body: UpdateAppointmentTypeRequest): Promise<AppointmentType> {
    return this.prisma.$transaction(async (tx) => {
      const current = await ofOrganisation('appointment type', id, () =>
        tx.appointmentType.findFirst({ where: { id, organisationId: user.organisationId } }),
      );
      const changes = changesOf(current, { name: body.name, kind: body.kind, durationMinutes: body.durationMinutes, active: body.active });
      if (Object.keys(changes).length === 0) return toType(current);
      const next = {
        name: body.name ?? current.name,
        kind: body.kind ?? current.kind,
        durationMinutes: body.durationMinutes ?? current.durationMinutes,
        active: body.active ?? current.active,
      };
      const type = await uniqueNamePerClinic('appointment type', next.name, () => tx.appointmentType.update({ where: { id: current.id }, data: next }));
      await this.audit.record(user, { action: 'update', entityType: 'appointment_type', entityId: type.id, clinicId: type.clinicId, detail: { changes } }, tx);
      return toType(type);
    });
  }
}
