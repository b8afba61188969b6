import { Injectable } from '@nestjs/common';
import type { Appointment } from '@ims/contracts';
import type { Prisma, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import type { RequestUser } from '../common/access/request-user';
import { NotFoundError, RuleViolationError, StaleVersionError } from '../common/problem/domain-errors';
import { AppointmentEvents } from './appointment-events';
import { AppointmentBookingService } from './appointment-booking.service';
import { visibleAppointment } from './appointment-access';
import { recordChange, type ChangeKind } from './appointment-history';
import { APPOINTMENT_INCLUDE, toAppointment, type AppointmentRow } from './appointment-view';
import { isLateCancellation, TARGET_STATUS, transitionRefusal, type LifecycleAction } from './lifecycle-rules';

const CHANGE_KIND: Record<LifecycleAction, ChangeKind> = { arrive: 'arrived', no_show: 'no_show', cancel: 'cancelled', complete: 'completed' };

/** Status changes of an appointment: arrival, no-show, cancellation and (for signed visit notes) completion. */
@Injectable()
export class AppointmentLifecycleService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly events: AppointmentEvents,
    private readonly booking: AppointmentBookingService,
  ) {}

  /** The patient is here: only on the appointment's day in the clinic's zone. */
  arrive(user: RequestUser, id: string, version: number): Promise<Appointment> {
    return this.inTransaction(user, id, version, 'arrive');
  }

  /** The patient did not come: only once the appointment has started. Frees the slot. */
  noShow(user: RequestUser, id: string, version: number): Promise<Appointment> {
    return this.inTransaction(user, id, version, 'no_show');
  }

  /** Cancelled before its end, with a reason; late when inside the clinic's notice period. Frees the slot. */
  cancel(user: RequestUser, id: string, version: number, reason: string): Promise<Appointment> {
    return this.inTransaction(user, id, version, 'cancel', reason);
  }

  /**
   * Completes the appointment of a visit note being signed, inside the signing transaction `tx`. Not a public route:
   * the signed note is the proof the visit happened. Idempotent for an appointment already completed.
   */
  async complete(user: RequestUser, appointmentId: string, tx: Prisma.TransactionClient): Promise<Appointment> {
    const current = await tx.appointment.findFirst({ where: { id: appointmentId, organisationId: user.organisationId }, include: APPOINTMENT_INCLUDE });
    if (!current) throw new NotFoundError('appointment', appointmentId);
    if (current.status === 'completed') return toAppointment(current);
    return this.apply(tx, user, current, current.version, 'complete');
  }

  private inTransaction(user: RequestUser, id: string, version: number, action: LifecycleAction, reason?: string): Promise<Appointment> {
    return this.prisma.$transaction(async (tx) => this.apply(tx, user, await visibleAppointment(tx, user, id), version, action, reason));
  }

  private async apply(tx: Prisma.TransactionClient, user: RequestUser, current: AppointmentRow, version: number, action: LifecycleAction, reason?: string): Promise<Appointment> {
    if (current.version !== version) throw new StaleVersionError('appointment', current.version);
    const now = new Date();
    const refusal = transitionRefusal(action, current, now);
    if (refusal) throw new RuleViolationError(`The appointment cannot be changed that way: ${refusal}`, [{ rule: 'status-transition', message: refusal }]);

    let lateCancellation = false;
    if (action === 'cancel') {
      const clinic = await tx.clinic.findUniqueOrThrow({ where: { id: current.clinicId }, select: { lateCancelNoticeHours: true } });
      lateCancellation = isLateCancellation(current.startsAt, now, clinic.lateCancelNoticeHours);
    }
    const status = TARGET_STATUS[action];
    const written = await tx.appointment.updateMany({
      where: { id: current.id, version: current.version, status: current.status },
      data: {
        status,
        statusChangedAt: now,
        statusChangedById: user.id,
        version: { increment: 1 },
        ...(action === 'cancel' ? { cancelReason: reason ?? null, lateCancellation } : {}),
      },
    });
    if (written.count === 0) throw new StaleVersionError('appointment');
    const updated = await tx.appointment.findUniqueOrThrow({ where: { id: current.id }, include: APPOINTMENT_INCLUDE });

    await recordChange(tx, user, { appointment: updated, kind: CHANGE_KIND[action], reason: reason ?? null });
    await this.booking.recordAudit(tx, user, action, updated, {
      from: current.status,
      to: status,
      version: updated.version,
      ...(action === 'cancel' ? { reason, lateCancellation } : {}),
    });
    await this.events.changed([updated.id], tx);
    return toAppointment(updated);
  }
}
