import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { SeriesCommitRequest } from '@ims/contracts';
import type { Prisma } from '@ims/prisma';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { ConflictError, InvalidInputError, RuleViolationError } from '../common/problem/domain-errors';
import { AppointmentRulesService, isOverlap, type SlotConflict } from '../appointments/appointment-rules.service';
import { AppointmentEvents } from '../appointments/appointment-events';
import { visibleClinic } from '../appointments/appointment-access';
import { bookingParties } from '../appointments/booking-parties';
import { recordChange } from '../appointments/appointment-history';
import { lockSlotParties, writeWithOverlapGuard } from '../appointments/overlap-guard';
import { assertMayOverride } from '../appointments/override-policy';
import { ForbiddenError } from '../common/problem/domain-errors';
import { RULE_ID } from '../appointments/booking-rules';
import { APPOINTMENT_INCLUDE, isoInZone, localStartColumn, toAppointment } from '../appointments/appointment-view';
import { resolveClinicLocalTime } from '../appointments/clinic-local-time';
import { assertPlanCapacity } from './plan-capacity';

type CommitInput = z.output<typeof SeriesCommitRequest>;
type Slot = { startsAt: Date; endsAt: Date };

/**
 * Books the chosen sessions of a course, all in one transaction or none: every occurrence is checked again (the
 * preview may be minutes old), and the exclusion constraints remain the final guard, so a session taken meanwhile
 * by another screen rolls the whole course back with a 409 naming that session and the appointment holding it.
 */
@Injectable()
export class SeriesCommitService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly rules: AppointmentRulesService,
    private readonly events: AppointmentEvents,
    private readonly audit: AuditService,
  ) {}

  async commit(user: RequestUser, body: CommitInput, idempotencyKey?: string) {
    assertMayOverride(user, body.overrideReason);
    // A manager's only booking write is an override (domain.md): without a reason, courses are the front desk's.
    if (body.overrideReason === undefined && !user.roles.includes('receptionist') && !user.roles.includes('physiotherapist')) {
      throw new ForbiddenError('Managers book courses only to override working hours, opening hours or time off');
    }
    return this.idempotency.run(user, { key: idempotencyKey, method: 'POST', path: '/api/appointments/series', body }, async (tx) => {
      const clinic = await visibleClinic(tx, user, body.clinicId);
      const { type } = await bookingParties(tx, user, body);
      const slots = chosenSlots(body, type.durationMinutes, clinic.timeZone);
      await assertPlanCapacity(tx, body.planId, slots.length);
      const parties = { clinicId: clinic.id, clinicianId: body.clinicianId, roomId: body.roomId ?? null, patientId: body.patientId };
      const label = (index: number) => `Session ${index + 1} (${isoInZone(slots[index].startsAt, clinic.timeZone)})`;

      // Two screens booking the same clinician, room or patient queue here, so the later one sees the earlier's rows.
      await lockSlotParties(tx, [parties]);
      const broken: Array<{ index: number; conflicts: SlotConflict[] }> = [];
      for (const [index, slot] of slots.entries()) {
        const conflicts = await this.rules.checkSlot({ ...parties, ...slot }, tx);
        const overlaps = conflicts.filter(isOverlap);
        if (overlaps.length > 0) throw sessionConflict(label(index), overlaps);
        if (conflicts.length > 0) broken.push({ index, conflicts });
      }
      if (broken.length > 0 && body.overrideReason === undefined) {
        throw new RuleViolationError(
          `${broken.length} session(s) break the booking rules: ${broken.map((b) => `${label(b.index)}: ${b.conflicts.map((c) => c.message).join('; ')}`).join(' | ')}`,
          broken.flatMap((b) => b.conflicts.map((c) => ({ rule: RULE_ID[c.kind as keyof typeof RULE_ID], message: `${label(b.index)}: ${c.message}` }))),
        );
      }
      const overridden = new Set(broken.map((b) => b.index));

      const seriesId = randomUUID();
      const ids: string[] = [];
      for (const [index, slot] of slots.entries()) {
        const row = await writeWithOverlapGuard(tx, { ...parties, ...slot, organisationId: user.organisationId }, () =>
          tx.appointment.create({
            data: {
              organisationId: user.organisationId,
              ...parties,
              appointmentTypeId: type.id,
              planId: body.planId ?? null,
              ...slot,
              localStart: localStartColumn(slot.startsAt, clinic.timeZone),
              timeZone: clinic.timeZone,
              seriesId,
              overrideReason: overridden.has(index) ? body.overrideReason : null,
              overriddenById: overridden.has(index) ? user.id : null,
              createdById: user.id,
            },
          }),
        ).catch((error: unknown) => {
          throw error instanceof ConflictError ? new ConflictError(`${label(index)} cannot be booked: ${error.message}`, error.conflicts) : error;
        });
        const reason = overridden.has(index) ? body.overrideReason : null;
        await recordChange(tx, user, { appointment: row, kind: 'created', to: { startsAt: row.startsAt, clinicianId: row.clinicianId, roomId: row.roomId }, reason });
        ids.push(row.id);
      }
      await this.recordAudit(tx, user, { seriesId, ids, clinicId: clinic.id, body, startsAt: slots.map((slot) => isoInZone(slot.startsAt, clinic.timeZone)), overridden: broken.map((b) => ({ session: b.index + 1, rules: b.conflicts.map((c) => c.kind) })) });
      await this.events.changed(ids, tx);
      const rows = await tx.appointment.findMany({ where: { id: { in: ids } }, include: APPOINTMENT_INCLUDE, orderBy: { startsAt: 'asc' } });
      return { seriesId, appointments: rows.map(toAppointment) };
    });
  }

  private async recordAudit(
    tx: Prisma.TransactionClient,
    user: RequestUser,
    entry: { seriesId: string; ids: string[]; clinicId: string; body: CommitInput; startsAt: string[]; overridden: Array<{ session: number; rules: string[] }> },
  ) {
    const { body } = entry;
    await this.audit.record(
      user,
      {
        action: 'create_series',
        entityType: 'appointment_series',
        entityId: entry.seriesId,
        patientId: body.patientId,
        clinicId: entry.clinicId,
        detail: {
          count: entry.ids.length,
          appointmentIds: entry.ids,
          clinicianId: body.clinicianId,
          planId: body.planId ?? null,
          startsAt: entry.startsAt,
          ...(entry.overridden.length > 0 ? { overrideReason: body.overrideReason, overridden: entry.overridden } : {}),
        },
      },
      tx,
    );
  }
}

/**
 * The chosen sessions as intervals of the type's length, in time order. Sessions of one course must not overlap
 * each other (the patient would be double-booked by the request itself): 400 naming the later one. More sessions
 * than the course's `count` is also bad input.
 */
function chosenSlots(body: CommitInput, durationMinutes: number, timeZone: string): Slot[] {
  const errors: Array<{ path: string; message: string }> = [];
  if (body.occurrences.length > body.count) errors.push({ path: 'occurrences', message: `has ${body.occurrences.length} sessions, more than count (${body.count})` });
  const slots = body.occurrences.map((o, index) => {
    // The instant as sent (an alternative exactly as the preview returned it) or the clinic wall clock resolved here.
    const startsAt = o.startsAt !== undefined ? new Date(o.startsAt) : resolveClinicLocalTime(o.localStartsAt ?? '', timeZone, `occurrences.${index}.localStartsAt`);
    return { index, field: o.startsAt !== undefined ? 'startsAt' : 'localStartsAt', startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) };
  });
  const ordered = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  ordered.forEach((slot, i) => {
    const previous = ordered[i - 1];
    if (previous && previous.endsAt > slot.startsAt) {
      errors.push({ path: `occurrences.${Math.max(slot.index, previous.index)}.${(slot.index > previous.index ? slot : previous).field}`, message: `overlaps occurrences.${Math.min(slot.index, previous.index)}` });
    }
  });
  if (errors.length > 0) throw new InvalidInputError(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  return ordered.map(({ startsAt, endsAt }) => ({ startsAt, endsAt }));
}

/** A 409 naming the session of the course and every appointment already holding its slot. */
function sessionConflict(session: string, overlaps: SlotConflict[]): ConflictError {
  return new ConflictError(
    `${session} cannot be booked: ${overlaps[0].message}`,
    overlaps.map((c) => ({ entity: 'appointment', ...(c.appointmentId ? { id: c.appointmentId } : {}), message: `${session}: ${c.message}` })),
  );
}
