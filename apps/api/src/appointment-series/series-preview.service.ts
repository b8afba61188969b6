import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { SeriesPreviewRequest, SeriesPreviewResponse } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import type { RequestUser } from '../common/access/request-user';
import { wallClockOf } from '../clinicians/working-hours';
import { AppointmentRulesService, type SlotConflict } from '../appointments/appointment-rules.service';
import { visibleClinic } from '../appointments/appointment-access';
import { bookingParties } from '../appointments/booking-parties';
import { INACTIVE_STATUSES } from '../appointments/conflict-lookup';
import { planSeries, type PlannedOccurrence } from './series-planner';
import { pickAlternatives } from './series-alternatives';
import { assertPlanCapacity } from './plan-capacity';
import { isoInZone, localStartText, toDate } from './wall-clock';
import { resolveClinicLocalTime } from '../appointments/clinic-local-time';

type PreviewInput = z.output<typeof SeriesPreviewRequest>;
type Interval = { startsAt: Date; endsAt: Date };

/** A session is shorter than a day: a day either side of the course covers every appointment that could touch it. */
const DAY_MS = 86_400_000;
/** Alternatives look this many days past the last session. */
const LOOKAHEAD_DAYS = 8;

const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
const asInterval = (o: PlannedOccurrence): Interval => ({ startsAt: toDate(o.startsAt), endsAt: toDate(o.endsAt) });

/**
 * The course preview: every session of the pattern at the first session's local time, each checked against the
 * booking rules (the same check single bookings use), with up to three free alternatives for the ones that are not
 * bookable. Nothing is written; the commit checks everything again.
 */
@Injectable()
export class SeriesPreviewService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly rules: AppointmentRulesService,
  ) {}

  async preview(user: RequestUser, body: PreviewInput): Promise<SeriesPreviewResponse> {
    // Reads only: no transaction, so a long course with many alternatives holds no connection open between checks.
    const db = this.prisma;
    const clinic = await visibleClinic(db, user, body.clinicId);
    const { type } = await bookingParties(db, user, body);
    await assertPlanCapacity(db, body.planId, body.count);
    const planned = planSeries({
      timeZone: clinic.timeZone,
      firstStartsAt: firstStart(body, clinic.timeZone),
      weekdays: body.weekdays,
      intervalDays: body.intervalDays,
      count: body.count,
      durationMinutes: type.durationMinutes,
    });
    const parties = { clinicId: clinic.id, clinicianId: body.clinicianId, roomId: body.roomId ?? null, patientId: body.patientId };
    const check = (o: PlannedOccurrence) => this.rules.checkSlot({ ...parties, ...asInterval(o) }, db);

    // What is already known to be taken, loaded once, so most alternatives are ruled out without a database check.
    const range = { startsAt: new Date(toDate(planned[0].startsAt).getTime() - DAY_MS), endsAt: new Date(toDate(planned.at(-1)!.endsAt).getTime() + LOOKAHEAD_DAYS * DAY_MS) };
    const [busy, timeOff, hours] = await Promise.all([
      db.appointment.findMany({
        where: {
          organisationId: user.organisationId,
          status: { notIn: [...INACTIVE_STATUSES] },
          // Bounded below by a day too (exact: the CHECK appointment_at_most_a_day), so the start indexes read a range.
          startsAt: { gte: new Date(range.startsAt.getTime() - DAY_MS), lt: range.endsAt },
          endsAt: { gt: range.startsAt },
          OR: [{ clinicianId: parties.clinicianId }, { patientId: parties.patientId }, ...(parties.roomId ? [{ roomId: parties.roomId }] : [])],
        },
        select: { startsAt: true, endsAt: true },
      }),
      db.clinicianTimeOff.findMany({ where: { clinicianId: parties.clinicianId, startsAt: { lt: range.endsAt }, endsAt: { gt: range.startsAt } }, select: { startsAt: true, endsAt: true } }),
      db.workingHours.findMany({ where: { clinicianId: parties.clinicianId, clinicId: clinic.id } }),
    ]);
    const taken: Interval[] = [...busy, ...timeOff, ...planned.map(asInterval)];
    const isFree = async (candidate: PlannedOccurrence) => {
      const slot = asInterval(candidate);
      if (taken.some((interval) => overlaps(interval, slot))) return false;
      return (await check(candidate)).length === 0;
    };
    const seriesDates = new Set(planned.map((o) => o.localStart.toPlainDate().toString()));

    const occurrences: SeriesPreviewResponse['occurrences'] = [];
    for (const occurrence of planned) {
      // A skipped hour is not checked as if it were bookable: its wall clock does not exist that day.
      const conflicts: SlotConflict[] = occurrence.available ? await check(occurrence) : [];
      const available = occurrence.available && conflicts.length === 0;
      const date = occurrence.localStart.toPlainDate();
      const alternatives = available
        ? []
        : await pickAlternatives(
            {
              date,
              wallClock: occurrence.localStart.toPlainTime(),
              timeZone: clinic.timeZone,
              durationMinutes: type.durationMinutes,
              windows: hours.filter((h) => h.weekday === date.dayOfWeek).map((h) => ({ start: wallClockOf(h.startTime), end: wallClockOf(h.endTime) })),
              seriesDates,
            },
            isFree,
          );
      occurrences.push({
        startsAt: isoInZone(occurrence.startsAt, clinic.timeZone),
        endsAt: isoInZone(occurrence.endsAt, clinic.timeZone),
        localStart: localStartText(occurrence.localStart),
        available,
        conflicts: conflicts.map(({ kind, appointmentId, message }) => ({ kind, ...(appointmentId ? { appointmentId } : {}), message })),
        alternatives: alternatives.map((alternative) => ({ startsAt: isoInZone(alternative.startsAt, clinic.timeZone) })),
        dst: occurrence.dst,
      });
    }
    return { timeZone: clinic.timeZone, occurrences };
  }
}

/** The first session's instant: as sent, or the clinic wall clock resolved with the server's zone rules. */
function firstStart(body: PreviewInput, timeZone: string): Date | string {
  if (body.firstStartsAt !== undefined) return body.firstStartsAt;
  // The contract requires one of the two, so firstLocalStartsAt is here.
  return resolveClinicLocalTime(body.firstLocalStartsAt ?? '', timeZone, 'firstLocalStartsAt');
}
