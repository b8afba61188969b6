import { Injectable } from '@nestjs/common';
import type { Appointment, CreateAppointmentRequest } from '@ims/contracts';
import type { Prisma } from '@ims/prisma';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { InvalidInputError } from '../common/problem/domain-errors';
import { AppointmentRulesService } from './appointment-rules.service';
import { AppointmentEvents } from './appointment-events';
import { visibleClinic } from './appointment-access';
import { bookingParties } from './booking-parties';
import { recordChange } from './appointment-history';
import { lockSlotParties, writeWithOverlapGuard } from './overlap-guard';
import { assertMayOverride, resolveSlotConflicts } from './override-policy';
import { APPOINTMENT_INCLUDE, isoInZone, localStartColumn, toAppointment } from './appointment-view';
import { requestedStart } from './clinic-local-time';


/** Books single appointments: the parties must fit, the slot must be free and within the rules. */
@Injectable()
export class AppointmentBookingService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly rules: AppointmentRulesService,
    private readonly events: AppointmentEvents,
    private readonly audit: AuditService,
  ) {}

  /**
   * Books one appointment; it ends after the type's duration and keeps the clinic's wall-clock time and zone. Overlaps
   * are 409 naming the appointment (decided by the exclusion constraints, so concurrent requests cannot both win);
   * rule breaks are 422 unless a manager overrides with a reason. With an `Idempotency-Key`, a retry replays this.
   */
  async create(user: RequestUser, body: CreateAppointmentRequest, idempotencyKey?: string): Promise<Appointment> {
    assertMayOverride(user, body.overrideReason);
    return this.idempotency.run(user, { key: idempotencyKey, method: 'POST', path: '/api/appointments', body }, async (tx) => {
      const clinic = await visibleClinic(tx, user, body.clinicId);
      const { type } = await bookingParties(tx, user, body);
      // The instant as sent, or the clinic wall clock resolved here (the contract requires one of the two).
      const startsAt = requestedStart(body, clinic.timeZone);
      if (!startsAt) throw new InvalidInputError('startsAt: is required', [{ path: 'startsAt', message: 'is required' }]);
      const endsAt = new Date(startsAt.getTime() + type.durationMinutes * 60_000);
      const slot = { clinicId: clinic.id, clinicianId: body.clinicianId, roomId: body.roomId ?? null, patientId: body.patientId, startsAt, endsAt };

      await lockSlotParties(tx, [slot]);
      const override = resolveSlotConflicts(await this.rules.checkSlot(slot, tx), body.overrideReason, user);
      const created = await writeWithOverlapGuard(tx, { ...slot, organisationId: user.organisationId }, () =>
        tx.appointment.create({
          data: {
            organisationId: user.organisationId,
            clinicId: clinic.id,
            patientId: body.patientId,
            clinicianId: body.clinicianId,
            roomId: body.roomId ?? null,
            appointmentTypeId: type.id,
            planId: body.planId ?? null,
            startsAt,
            endsAt,
            localStart: localStartColumn(startsAt, clinic.timeZone),
            timeZone: clinic.timeZone,
            notes: body.notes || null,
            overrideReason: override?.reason ?? null,
            overriddenById: override ? user.id : null,
            createdById: user.id,
          },
          include: APPOINTMENT_INCLUDE,
        }),
      );
      const to = { startsAt, clinicianId: created.clinicianId, roomId: created.roomId };
      await recordChange(tx, user, { appointment: created, kind: 'created', to, reason: override?.reason });
      await this.recordAudit(tx, user, 'create', created, { startsAt: isoInZone(startsAt, clinic.timeZone), ...(body.localStartsAt ? { localStartsAt: body.localStartsAt } : {}), clinicianId: created.clinicianId, roomId: created.roomId, appointmentTypeId: type.id, planId: created.planId });
      if (override) await this.recordOverride(tx, user, created, override);
      await this.events.changed([created.id], tx);
      return toAppointment(created);
    });
  }

  async recordAudit(tx: Prisma.TransactionClient, user: RequestUser, action: string, row: { id: string; patientId: string; clinicId: string }, detail: Record<string, unknown>) {
    await this.audit.record(user, { action, entityType: 'appointment', entityId: row.id, patientId: row.patientId, clinicId: row.clinicId, detail }, tx);
  }

  /** An override is audited on its own, so "who booked outside the rules, and why" is one audit query away. */
  async recordOverride(
    tx: Prisma.TransactionClient,
    user: RequestUser,
    row: { id: string; patientId: string; clinicId: string },
    override: { reason: string; overridden: Array<{ kind: string; message: string }> },
  ) {
    await this.recordAudit(tx, user, 'override', row, { reason: override.reason, rules: override.overridden.map(({ kind, message }) => ({ kind, message })) });
  }
}
