import { Injectable } from '@nestjs/common';
import type { WaitlistOffersQuery } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import type { RequestUser } from '../common/access/request-user';
import { InvalidInputError } from '../common/problem/domain-errors';
import { visibleClinic } from '../appointments/appointment-access';
import { isoInZone } from '../appointment-series/wall-clock';
import { byPriorityThenAge, slotMatchesWish, type FreedSlot } from './waitlist-matching';
import { clockOf, patientNames, toWaitlistEntry } from './waitlist-view';

/** A window longer than this is a report, not a list of offers to phone patients about. */
const MAX_WINDOW_MS = 31 * 24 * 60 * 60 * 1000;
/** Holding statuses: a slot is free when none of these overlaps it. */
const ACTIVE = ['booked', 'arrived', 'completed'] as const;

interface Freed extends FreedSlot {
  appointmentId: string;
  freedBy: 'cancelled' | 'no_show' | 'moved';
}

/** A day before `instant`: no appointment lasts longer (CHECK appointment_at_most_a_day), so an overlap lookup bounded
 * below by it misses nothing and reads a range of the start indexes. */
const dayBefore = (instant: Date) => new Date(instant.getTime() - 86_400_000);
const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * "When a slot frees, the matching waitlist entries are offered to the receptionist." Offers are computed when asked,
 * from the appointments themselves rather than pushed at cancel time: a slot counts as freed when an appointment in
 * the window was cancelled, marked no-show or moved away (its history keeps where it was), and it is free only while
 * no active appointment of that clinician overlaps it now. So a slot rebooked since is no longer offered, and
 * nothing has to be kept in step with cancels and moves.
 */
@Injectable()
export class WaitlistOffersService {
  constructor(@InjectPrisma() private readonly prisma: PrismaClient) {}

  async offers(user: RequestUser, query: WaitlistOffersQuery) {
    const clinic = await visibleClinic(this.prisma, user, query.clinicId);
    const window = { startsAt: new Date(query.from), endsAt: new Date(query.to) };
    if (window.endsAt.getTime() - window.startsAt.getTime() > MAX_WINDOW_MS) {
      throw new InvalidInputError('to: the window may span at most 31 days', [{ path: 'to', message: 'must be at most 31 days after from' }]);
    }
    const slots = await this.freeSlots(user.organisationId, clinic.id, window);
    const entries = await this.prisma.waitlistEntry.findMany({ where: { organisationId: user.organisationId, clinicId: clinic.id, removedAt: null } });
    entries.sort(byPriorityThenAge);
    // A patient already booked at that time cannot take the slot.
    const patientBusy = await this.prisma.appointment.findMany({
      where: { organisationId: user.organisationId, patientId: { in: entries.map((e) => e.patientId) }, status: { in: [...ACTIVE] }, startsAt: { gte: dayBefore(window.startsAt), lt: window.endsAt }, endsAt: { gt: window.startsAt } },
      select: { patientId: true, startsAt: true, endsAt: true },
    });
    const names = await patientNames(this.prisma, user.organisationId, entries.map((e) => e.patientId));
    const items = slots
      .map((slot) => ({
        slot: {
          clinicId: clinic.id,
          clinicianId: slot.clinicianId,
          startsAt: isoInZone(slot.startsAt, clinic.timeZone),
          endsAt: isoInZone(slot.endsAt, clinic.timeZone),
          freedBy: slot.freedBy,
          appointmentId: slot.appointmentId,
          appointmentTypeId: slot.appointmentTypeId,
        },
        entries: entries
          .filter((entry) => slotMatchesWish(slot, { ...entry, earliestTime: clockOf(entry.earliestTime), latestTime: clockOf(entry.latestTime) }, clinic.timeZone))
          .filter((entry) => !patientBusy.some((busy) => busy.patientId === entry.patientId && overlaps(busy, slot)))
          .map((entry) => toWaitlistEntry(entry, names.get(entry.patientId) ?? '', clinic.timeZone)),
      }))
      .filter((offer) => offer.entries.length > 0);
    return { items };
  }

  /** Slots in the window left by cancelled, no-show and moved appointments that no active appointment holds now. */
  private async freeSlots(organisationId: string, clinicId: string, window: { startsAt: Date; endsAt: Date }): Promise<Freed[]> {
    const released = await this.prisma.appointment.findMany({
      where: { organisationId, clinicId, status: { in: ['cancelled', 'no_show'] }, startsAt: { gte: dayBefore(window.startsAt), lt: window.endsAt }, endsAt: { gt: window.startsAt } },
      select: { id: true, clinicianId: true, appointmentTypeId: true, startsAt: true, endsAt: true, status: true },
    });
    // A move's history row keeps where the appointment was; a session is shorter than a day, so a day's margin
    // finds every old slot that still reaches into the window.
    const moves = await this.prisma.appointmentChange.findMany({
      where: { organisationId, clinicId, kind: 'moved', fromStartsAt: { gte: new Date(window.startsAt.getTime() - 86_400_000), lt: window.endsAt } },
      include: { appointment: { select: { clinicianId: true, appointmentTypeId: true, startsAt: true, endsAt: true } } },
    });
    const candidates: Freed[] = [
      ...released.map((a) => ({ ...a, appointmentId: a.id, freedBy: a.status === 'no_show' ? ('no_show' as const) : ('cancelled' as const) })),
      ...moves.flatMap((change) => {
        if (!change.fromStartsAt) return [];
        const length = change.appointment.endsAt.getTime() - change.appointment.startsAt.getTime();
        const slot = {
          appointmentId: change.appointmentId,
          clinicianId: change.fromClinicianId ?? change.appointment.clinicianId,
          appointmentTypeId: change.appointment.appointmentTypeId,
          startsAt: change.fromStartsAt,
          endsAt: new Date(change.fromStartsAt.getTime() + length),
          freedBy: 'moved' as const,
        };
        return overlaps(slot, window) ? [slot] : [];
      }),
    ];
    const held = await this.prisma.appointment.findMany({
      where: { organisationId, clinicianId: { in: [...new Set(candidates.map((c) => c.clinicianId))] }, status: { in: [...ACTIVE] }, startsAt: { lt: new Date(window.endsAt.getTime() + 86_400_000) }, endsAt: { gt: new Date(window.startsAt.getTime() - 86_400_000) } },
      select: { clinicianId: true, startsAt: true, endsAt: true },
    });
    const seen = new Set<string>();
    return candidates
      .filter((slot) => !held.some((busy) => busy.clinicianId === slot.clinicianId && overlaps(busy, slot)))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .filter((slot) => {
        // The same slot cancelled twice (booked again, cancelled again) is one offer.
        const key = `${slot.clinicianId}|${slot.startsAt.getTime()}|${slot.endsAt.getTime()}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }
}
