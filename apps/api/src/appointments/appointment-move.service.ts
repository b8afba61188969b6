import { Injectable } from '@nestjs/common';
import type { Appointment, MoveAppointmentRequest } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import type { RequestUser } from '../common/access/request-user';
import { RuleViolationError, StaleVersionError } from '../common/problem/domain-errors';
import { AppointmentRulesService } from './appointment-rules.service';
import { AppointmentEvents } from './appointment-events';
import { AppointmentBookingService } from './appointment-booking.service';
import { visibleAppointment } from './appointment-access';
import { clinicianAtClinic, roomAtClinic } from './booking-parties';
import { recordChange } from './appointment-history';
import { lockSlotParties, writeWithOverlapGuard } from './overlap-guard';
import { assertMayOverride, resolveSlotConflicts } from './override-policy';
import { APPOINTMENT_INCLUDE, isoInZone, localStartColumn, toAppointment } from './appointment-view';
import { requestedStart } from './clinic-local-time';

/** Moves a booked appointment (time, clinician, room) or edits its notes, keeping who moved it from where to where. */
@Injectable()
export class AppointmentMoveService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly rules: AppointmentRulesService,
    private readonly events: AppointmentEvents,
    private readonly booking: AppointmentBookingService,
  ) {}

  /**
   * Applies a move with the `version` the client saw (409 when stale). Only booked appointments move (422
   * `status-transition`); the new slot obeys the same rules and overlap constraints as a new booking, and keeps its
   * length. A history entry records from and to; the version goes up by one.
   */
  async move(user: RequestUser, id: string, body: MoveAppointmentRequest): Promise<Appointment> {
    assertMayOverride(user, body.overrideReason);
    return this.prisma.$transaction(async (tx) => {
      const current = await visibleAppointment(tx, user, id);
      if (current.version !== body.version) throw new StaleVersionError('appointment', current.version);
      if (current.status !== 'booked') {
        throw new RuleViolationError('Only a booked appointment can be moved or edited', [
          { rule: 'status-transition', message: `the appointment is ${current.status.replace('_', '-')}` },
        ]);
      }
      const startsAt = requestedStart(body, current.timeZone) ?? current.startsAt;
      const endsAt = new Date(startsAt.getTime() + (current.endsAt.getTime() - current.startsAt.getTime()));
      const clinicianId = body.clinicianId ?? current.clinicianId;
      const roomId = body.roomId === undefined ? current.roomId : body.roomId;
      const notes = body.notes === undefined ? current.notes : body.notes || null;
      if (clinicianId !== current.clinicianId) await clinicianAtClinic(tx, user, clinicianId, current.clinicId);
      if (roomId && roomId !== current.roomId) await roomAtClinic(tx, user, roomId, current.clinicId);

      const slotChanged = startsAt.getTime() !== current.startsAt.getTime() || clinicianId !== current.clinicianId || roomId !== current.roomId;
      if (!slotChanged && notes === current.notes) return toAppointment(current);

      const slot = { clinicId: current.clinicId, clinicianId, roomId, patientId: current.patientId, startsAt, endsAt, ignoreAppointmentId: current.id };
      let override: ReturnType<typeof resolveSlotConflicts>;
      if (slotChanged) {
        await lockSlotParties(tx, [slot]);
        override = resolveSlotConflicts(await this.rules.checkSlot(slot, tx), body.overrideReason, user);
      }
      const written = await writeWithOverlapGuard(tx, { ...slot, organisationId: user.organisationId }, () =>
        tx.appointment.updateMany({
          where: { id: current.id, version: current.version },
          data: {
            startsAt,
            endsAt,
            localStart: localStartColumn(startsAt, current.timeZone),
            clinicianId,
            roomId,
            notes,
            version: { increment: 1 },
            ...(slotChanged ? { overrideReason: override?.reason ?? null, overriddenById: override ? user.id : null } : {}),
          },
        }),
      );
      // Another request moved it between our read and our write.
      if (written.count === 0) throw new StaleVersionError('appointment');
      const updated = await tx.appointment.findUniqueOrThrow({ where: { id: current.id }, include: APPOINTMENT_INCLUDE });

      const from = { startsAt: current.startsAt, clinicianId: current.clinicianId, roomId: current.roomId };
      const to = { startsAt, clinicianId, roomId };
      await recordChange(tx, user, { appointment: updated, kind: slotChanged ? 'moved' : 'edited', from, to, reason: body.reason ?? override?.reason });
      await this.booking.recordAudit(tx, user, slotChanged ? 'move' : 'update', updated, {
        version: updated.version,
        from: { ...from, startsAt: isoInZone(from.startsAt, current.timeZone) },
        to: { ...to, startsAt: isoInZone(startsAt, current.timeZone) },
        notesChanged: notes !== current.notes,
        reason: body.reason ?? null,
      });
      if (override) await this.booking.recordOverride(tx, user, updated, override);
      await this.events.changed([updated.id], tx);
      return toAppointment(updated);
    });
  }
}
