import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { CreateWaitlistEntryRequest, WaitlistEntry } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { InvalidInputError, NotFoundError, RuleViolationError } from '../common/problem/domain-errors';
import { isUuid } from '../clinicians/clinician-lookup';
import { visibleClinic, visibleClinicFilter } from '../appointments/appointment-access';
import type { Db } from '../appointments/conflict-lookup';
import { byPriorityThenAge } from './waitlist-matching';
import { patientNames, timeColumn, toWaitlistEntry } from './waitlist-view';

type CreateInput = z.output<typeof CreateWaitlistEntryRequest>;

/**
 * The waitlist: patients waiting for a slot, with the clinicians, days and times they can take. Entries leave the
 * list softly (removedAt, removedReason) so the manager's waitlist-length report can count them over time.
 */
@Injectable()
export class WaitlistService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  /** Entries still waiting at `clinicId` (or at every clinic the user may see), most urgent then longest waiting first. */
  async list(user: RequestUser, clinicId?: string): Promise<{ items: WaitlistEntry[] }> {
    const clinics = clinicId
      ? [await visibleClinic(this.prisma, user, clinicId)]
      : await this.prisma.clinic.findMany({ where: { organisationId: user.organisationId, ...withClinicId(visibleClinicFilter(user), 'id') } });
    const zones = new Map(clinics.map((clinic) => [clinic.id, clinic.timeZone]));
    const rows = await this.prisma.waitlistEntry.findMany({
      where: { organisationId: user.organisationId, clinicId: { in: [...zones.keys()] }, removedAt: null },
    });
    rows.sort(byPriorityThenAge);
    const names = await patientNames(this.prisma, user.organisationId, rows.map((row) => row.patientId));
    return { items: rows.map((row) => toWaitlistEntry(row, names.get(row.patientId) ?? '', zones.get(row.clinicId) ?? 'UTC')) };
  }

  async create(user: RequestUser, body: CreateInput): Promise<WaitlistEntry> {
    return this.prisma.$transaction(async (tx) => {
      const clinic = await visibleClinic(tx, user, body.clinicId);
      const patient = await tx.patient.findFirst({ where: { id: body.patientId, organisationId: user.organisationId } });
      if (!patient) throw new NotFoundError('patient', body.patientId);
      if (patient.archivedAt || patient.anonymisedAt) {
        throw new RuleViolationError('An archived patient cannot join the waitlist', [{ rule: 'patient-archived', message: 'restore the patient first' }]);
      }
      await assertReferences(tx, user.organisationId, clinic.id, body);
      const row = await tx.waitlistEntry.create({
        data: {
          organisationId: user.organisationId,
          clinicId: clinic.id,
          patientId: patient.id,
          appointmentTypeId: body.appointmentTypeId ?? null,
          preferredClinicianIds: [...new Set(body.preferredClinicianIds)],
          preferredWeekdays: [...new Set(body.preferredWeekdays)].sort((a, b) => a - b),
          earliestTime: timeColumn(body.earliestTime),
          latestTime: timeColumn(body.latestTime),
          priority: body.priority,
          notes: body.notes ?? null,
          createdById: user.id,
        },
      });
      await this.audit.record(
        user,
        { action: 'create', entityType: 'waitlist_entry', entityId: row.id, patientId: patient.id, clinicId: clinic.id, detail: { priority: row.priority } },
        tx,
      );
      const names = await patientNames(tx, user.organisationId, [patient.id]);
      return toWaitlistEntry(row, names.get(patient.id) ?? '', clinic.timeZone);
    });
  }

  /** Takes an entry off the list (kept with when and why). An entry already removed is gone: 404. */
  async remove(user: RequestUser, id: string, reason?: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const entry = isUuid(id)
        ? await tx.waitlistEntry.findFirst({ where: { id, removedAt: null, organisationId: user.organisationId, ...withClinicId(visibleClinicFilter(user), 'clinicId') } })
        : null;
      if (!entry) throw new NotFoundError('waitlist entry', id);
      await tx.waitlistEntry.update({ where: { id: entry.id }, data: { removedAt: new Date(), removedReason: reason || null } });
      await this.audit.record(
        user,
        { action: 'delete', entityType: 'waitlist_entry', entityId: entry.id, patientId: entry.patientId, clinicId: entry.clinicId, detail: { reason: reason || null } },
        tx,
      );
    });
  }
}

/** The clinic filter of users who work at some clinics only; none for organisation-wide roles. */
function withClinicId<K extends string>(filter: ReturnType<typeof visibleClinicFilter>, key: K) {
  return filter ? ({ [key]: filter } as Record<K, NonNullable<typeof filter>>) : {};
}

/** The entry's type and clinicians must belong to its clinic; a time window must not end before it starts (400). */
async function assertReferences(db: Db, organisationId: string, clinicId: string, body: CreateInput): Promise<void> {
  const errors: Array<{ path: string; message: string }> = [];
  if (body.appointmentTypeId) {
    const type = await db.appointmentType.findFirst({ where: { id: body.appointmentTypeId, clinicId, organisationId } });
    if (!type) errors.push({ path: 'appointmentTypeId', message: 'is not an appointment type of this clinic' });
  }
  if (body.preferredClinicianIds.length > 0) {
    const found = await db.clinician.findMany({
      where: { id: { in: body.preferredClinicianIds }, organisationId, user: { clinics: { some: { clinicId } } } },
      select: { id: true },
    });
    const known = new Set(found.map((clinician) => clinician.id));
    body.preferredClinicianIds.forEach((id, index) => {
      if (!known.has(id)) errors.push({ path: `preferredClinicianIds.${index}`, message: 'is not a clinician of this clinic' });
    });
  }
  if (body.earliestTime && body.latestTime && body.earliestTime >= body.latestTime) {
    errors.push({ path: 'latestTime', message: 'must be after earliestTime' });
  }
  if (errors.length > 0) throw new InvalidInputError(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}
