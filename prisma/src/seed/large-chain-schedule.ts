import type { OutcomeMeasure } from '@ims/contracts';
import type { Condition } from '../generated/client/enums';
import { DAY_MS, dateOfDay, instantOf, localTimestampText } from './large-chain-clock';
import type { Charting, OutcomeWriter } from './large-chain-charting';
import type { LargeChainOptions } from './large-chain-config';
import type { ChainSetup, SetupClinician, SetupPatient, WorkDay } from './large-chain-people';
import { IdMint, Rng } from './large-chain-random';
import { tableCode, type ChainBuffers } from './large-chain-tables';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const SLOT_MINUTES = 30;
const ASSESSMENT_MINUTES = 45;
/** How many sessions of a course are booked ahead at any time (the next ones are booked at each visit). */
const BOOKED_AHEAD = 3;
/** Weeks after a course ends before the same patient may start another (a flare-up, a new problem). */
const RETURN_AFTER_WEEKS = 8;

const CONDITIONS: ReadonlyArray<readonly [Condition, number]> = [
  ['neck_pain', 24], ['back_pain', 24], ['headache', 12], ['tennis_elbow', 10], ['frozen_shoulder', 9], ['whiplash', 9], ['fibromyalgia', 6], ['other', 6],
];
/** The primary outcome measure a clinician would usually choose for each condition (domain.md). */
const MEASURE_FOR_CONDITION: Record<Condition, OutcomeMeasure> = {
  neck_pain: 'NDI', back_pain: 'ODI', headache: 'HIT6', tennis_elbow: 'PRTEE', frozen_shoulder: 'SPADI', whiplash: 'NDI', fibromyalgia: 'FIQR', other: 'PSFS',
};
const REGIONS_FOR_CONDITION: Record<Condition, string[]> = {
  neck_pain: ['cervical spine', 'upper trapezius'], back_pain: ['lumbar spine', 'gluteal'], headache: ['suboccipital', 'cervical spine'],
  tennis_elbow: ['forearm extensors', 'cervical spine'], frozen_shoulder: ['shoulder girdle', 'rotator cuff'], whiplash: ['cervical spine'],
  fibromyalgia: ['cervical spine', 'lumbar spine', 'shoulder girdle'], other: ['lower limb'],
};
const GOALS = [
  'Return to full work days without pain flare-ups', 'Sleep through the night without waking from pain', 'Resume recreational running 3x per week',
  'Lift grandchildren and carry groceries comfortably', 'Reduce headache days to fewer than 4 per month', 'Turn head fully when driving',
];
const CANCEL_REASONS: ReadonlyArray<readonly [string, number]> = [
  ['Unwell', 35], ['Work conflict', 25], ['Family matter', 12], ['Transport problem', 10], ['Feeling better', 8], ['Weather', 5], ['Clinician unavailable', 5],
];
const DISCONTINUE_REASONS = ['Patient moved away', 'No meaningful change by session 4: referred to physician', 'Patient chose to stop', 'Needle intolerance'];

type Status = 'booked' | 'arrived' | 'completed' | 'cancelled' | 'no_show';

/** One working day of a clinician: its half-hour slots, which are held, and when a cancellation freed one. */
interface GridDay {
  day: number;
  work: WorkDay;
  timeZone: string;
  slots: number;
  taken: Uint8Array;
  freedAt: Float64Array;
}

interface Outcome {
  status: Status;
  changedAt: number | null;
  late: boolean;
  reason: string | null;
}

export interface ScheduleContext {
  options: LargeChainOptions;
  setup: ChainSetup;
  ids: IdMint;
  buffers: ChainBuffers;
  charting: Charting;
  outcomes: OutcomeWriter;
  patients: SetupPatient[];
}

/**
 * One clinician's two years, week by week: new patients are assessed (45 min) while next week's hours are below the
 * target utilisation, then booked for a weekly course of 8-10 treatments (30 min) at the same weekday and time where
 * free, three sessions ahead. Every appointment sits on the clinician's own grid of half-hour slots, and each patient is seen by one
 * clinician only, so no clinician, room (one per clinician) or patient is ever double-booked. The past has happened:
 * most sessions completed (each with its signed note), some cancelled (a cancellation a day or more ahead frees the
 * slot for someone else; late ones and no-shows do not) and rebooked; courses complete, are discontinued or stall.
 */
export function writeClinicianSchedule(ctx: ScheduleContext, clinician: SetupClinician, patientIndexes: number[]): void {
  const { options, setup } = ctx;
  const rng = new Rng(options.seed, `clinician-${clinician.index}`);
  const weekCount = (setup.endDay - setup.startDay) / 7;
  const nowWeek = Math.floor((setup.anchorDay - setup.startDay) / 7);
  const weeks: GridDay[][] = Array.from({ length: weekCount }, () => []);
  const capacity = new Int32Array(weekCount);
  const held = new Int32Array(weekCount);
  for (let day = setup.startDay; day < setup.endDay; day += 1) {
    const work = clinician.week[((day + 3) % 7 + 7) % 7 + 1];
    if (!work || clinician.daysOff.has(day)) continue;
    const slots = Math.floor((work.endMinutes - work.startMinutes) / SLOT_MINUTES);
    const week = Math.floor((day - setup.startDay) / 7);
    weeks[week].push({ day, work, timeZone: setup.clinics[work.clinic].info.timeZone, slots, taken: new Uint8Array(slots), freedAt: new Float64Array(slots) });
    capacity[week] += slots;
  }
  const averageCapacity = capacity.reduce((sum, value) => sum + value, 0) / weekCount;
  // New courses per week at most: enough to fill the hours in a few weeks, not all in the first one.
  const maxIntake = Math.max(1, Math.ceil((1.6 * averageCapacity * options.targetUtilisation) / 10.5));
  const course = new CourseWriter(ctx, clinician, rng, weeks, held, weekCount);

  let nextNew = 0;
  const returning: Array<{ patient: number; fromWeek: number }> = [];
  const nextPatient = (week: number): number | undefined => {
    const canReturn = returning.length > 0 && returning[0].fromWeek <= week;
    if (canReturn && rng.chance(0.12)) return returning.shift()!.patient;
    while (nextNew < patientIndexes.length && ctx.patients[patientIndexes[nextNew]].archived) nextNew += 1;
    if (nextNew < patientIndexes.length) return patientIndexes[nextNew++];
    return canReturn ? returning.shift()!.patient : undefined;
  };

  // New patients are booked up to three weeks ahead of today; later weeks only hold courses already under way.
  for (let week = 0; week < weekCount && week <= nowWeek + 3; week += 1) {
    const next = Math.min(week + 1, weekCount - 1);
    for (let intake = 0; intake < maxIntake && held[next] < options.targetUtilisation * capacity[next]; intake += 1) {
      const patient = nextPatient(week);
      if (patient === undefined) break;
      const lastWeek = course.start(week, ctx.patients[patient]);
      if (lastWeek === undefined) {
        returning.unshift({ patient, fromWeek: week });
        break;
      }
      returning.push({ patient, fromWeek: lastWeek + RETURN_AFTER_WEEKS });
    }
  }
}

/** Books and charts one patient's course on a clinician's grid. */
class CourseWriter {
  private readonly now: number;
  private readonly receptionists: string[];

  constructor(
    private readonly ctx: ScheduleContext,
    private readonly clinician: SetupClinician,
    private readonly rng: Rng,
    private readonly weeks: GridDay[][],
    private readonly held: Int32Array,
    private readonly weekCount: number,
  ) {
    this.now = ctx.setup.nowMs;
    this.receptionists = ctx.setup.clinics.map((clinic) => clinic.receptionistUserId);
  }

  private slotStart(day: GridDay, slot: number): number {
    return instantOf(day.timeZone, day.day, day.work.startMinutes + slot * SLOT_MINUTES);
  }

  /** Two free half-hour slots in a row (an assessment takes 45 minutes), from a random day and time of the week. */
  private assessmentSlot(week: number): { day: GridDay; slot: number } | undefined {
    const days = this.weeks[week];
    if (days.length === 0) return undefined;
    const firstDay = this.rng.int(0, days.length - 1);
    for (let d = 0; d < days.length; d += 1) {
      const day = days[(firstDay + d) % days.length];
      const offset = this.rng.int(0, day.slots - 1);
      for (let s = 0; s < day.slots - 1; s += 1) {
        const slot = (offset + s) % (day.slots - 1);
        if (!day.taken[slot] && !day.taken[slot + 1]) return { day, slot };
      }
    }
    return undefined;
  }

  /** The course's weekday and time if free that week, else the nearest free time that week at the same clinic. */
  private sessionSlot(week: number, clinic: number, weekday: number, preferred: number): { day: GridDay; slot: number } | undefined {
    const days = this.weeks[week].filter((day) => day.work.clinic === clinic);
    if (days.length === 0) return undefined;
    const start = Math.max(0, days.findIndex((day) => day.work.weekday >= weekday));
    for (let d = 0; d < days.length; d += 1) {
      const day = days[(start + d) % days.length];
      for (let distance = 0; distance < day.slots * 2; distance += 1) {
        const slot = preferred + (distance % 2 === 0 ? distance / 2 : -(distance + 1) / 2);
        if (slot >= 0 && slot < day.slots && !day.taken[slot]) return { day, slot };
      }
    }
    return undefined;
  }

  /** What became of an appointment: by now it has happened (mostly attended) unless it lies ahead. */
  private outcome(startsAt: number, endsAt: number, bookedAt: number, attendance: number): Outcome {
    const { rng, now } = this;
    if (startsAt >= now) {
      if (!rng.chance(0.02)) return { status: 'booked', changedAt: null, late: false, reason: null };
      const changedAt = Math.max(bookedAt + HOUR_MS, now - rng.int(1, 72) * HOUR_MS);
      return { status: 'cancelled', changedAt, late: startsAt - changedAt < 24 * HOUR_MS, reason: rng.weighted(CANCEL_REASONS) };
    }
    if (endsAt > now) return { status: 'arrived', changedAt: startsAt - 5 * MINUTE_MS, late: false, reason: null };
    const roll = rng.next();
    if (roll < attendance) return { status: 'completed', changedAt: startsAt + 40 * MINUTE_MS, late: false, reason: null };
    if (roll < attendance + (1 - attendance) * 0.68) {
      const late = rng.chance(0.35);
      const wanted = late ? startsAt - rng.int(1, 23) * HOUR_MS : startsAt - rng.int(1, 10) * DAY_MS - rng.int(0, 10) * HOUR_MS;
      const changedAt = Math.max(wanted, bookedAt + HOUR_MS);
      return { status: 'cancelled', changedAt, late: startsAt - changedAt < 24 * HOUR_MS, reason: rng.weighted(CANCEL_REASONS) };
    }
    return { status: 'no_show', changedAt: startsAt + 15 * MINUTE_MS, late: false, reason: null };
  }

  /** Holds the slots, or gives them back when a cancellation a day or more ahead lets the front desk refill them. */
  private occupy(week: number, day: GridDay, slots: number[], outcome: Outcome, startsAt: number): void {
    const frees = outcome.status === 'cancelled' && outcome.changedAt !== null && startsAt - outcome.changedAt >= 24 * HOUR_MS;
    for (const slot of slots) {
      day.taken[slot] = frees ? 0 : 1;
      if (frees) day.freedAt[slot] = Math.max(day.freedAt[slot], outcome.changedAt!);
    }
    if (!frees) this.held[week] += slots.length;
  }

  /** When a booking into these slots could have been made: not before the slot was freed by someone's cancellation. */
  private bookableFrom(day: GridDay, slots: number[], wanted: number): number {
    let at = wanted;
    for (const slot of slots) if (day.freedAt[slot] > 0) at = Math.max(at, day.freedAt[slot] + 5 * MINUTE_MS);
    return at;
  }

  private writeAppointment(args: {
    day: GridDay;
    startsAt: number;
    minutes: number;
    patient: SetupPatient;
    typeId: string;
    planId: string | null;
    bookedAt: number;
    outcome: Outcome;
  }): string {
    const { ctx, rng, clinician } = this;
    const { day, startsAt, outcome } = args;
    const clinic = ctx.setup.clinics[day.work.clinic];
    const endsAt = startsAt + args.minutes * MINUTE_MS;
    const id = ctx.ids.next(tableCode('appointment'), args.bookedAt);
    let version = 1 + (outcome.changedAt !== null ? 1 : 0);
    let updatedAt = outcome.changedAt ?? args.bookedAt;
    // A few were moved from another day of the week before they happened: the history keeps where they were.
    if ((outcome.status === 'booked' || outcome.status === 'completed') && rng.chance(0.03)) {
      const from = startsAt - rng.int(1, 3) * DAY_MS;
      const until = Math.min(from, startsAt, this.now);
      if (until - args.bookedAt > 2 * HOUR_MS) {
        const movedAt = args.bookedAt + rng.float(0.2, 0.8) * (until - args.bookedAt);
        ctx.buffers.appointment_change.add([
          ctx.ids.next(tableCode('appointment_change'), movedAt), ctx.setup.organisationId, clinic.id, id, 'moved', clinic.receptionistUserId,
          new Date(movedAt), new Date(from), new Date(startsAt), rng.chance(0.5) ? 'Patient asked for another day' : null,
        ]);
        version += 1;
        updatedAt = Math.max(updatedAt, movedAt);
      }
    }
    const minutesOfDay = day.work.startMinutes + Math.round((startsAt - instantOf(day.timeZone, day.day, day.work.startMinutes)) / MINUTE_MS);
    const changedBy = outcome.changedAt === null ? null : outcome.status === 'completed' ? clinician.userId : this.receptionists[day.work.clinic];
    ctx.buffers.appointment.add([
      id, ctx.setup.organisationId, clinic.id, args.patient.id, clinician.id, day.work.roomId, args.typeId, args.planId, version,
      new Date(startsAt), new Date(endsAt), localTimestampText(day.day, minutesOfDay), day.timeZone, outcome.status,
      outcome.changedAt === null ? null : new Date(outcome.changedAt), changedBy, outcome.reason, outcome.late, null,
      this.receptionists[day.work.clinic], new Date(args.bookedAt), new Date(updatedAt),
    ]);
    return id;
  }

  /**
   * Starts a course for `patient` in `week`: the assessment, then (if they attend and go ahead) the plan, consent,
   * weekly treatments, notes and outcomes. Returns the week of the course's last appointment, or undefined when the
   * next three weeks have no room for an assessment.
   */
  start(intakeWeek: number, patient: SetupPatient): number | undefined {
    const { ctx, rng, now, clinician } = this;
    // A new patient takes the first assessment time free this week or, with a full week, in the next two.
    let week = intakeWeek;
    let found = this.assessmentSlot(week);
    while (!found && week < Math.min(intakeWeek + 2, this.weekCount - 1)) found = this.assessmentSlot(++week);
    if (!found) return undefined;
    const { day } = found;
    const clinic = ctx.setup.clinics[day.work.clinic];
    const startsAt = this.slotStart(day, found.slot);
    const endsAt = startsAt + ASSESSMENT_MINUTES * MINUTE_MS;
    const wanted = Math.min(startsAt - rng.int(2, 21) * DAY_MS - rng.int(0, 8) * HOUR_MS, now - rng.int(1, 72) * HOUR_MS);
    const bookedAt = this.bookableFrom(day, [found.slot, found.slot + 1], wanted);
    const assessed = this.outcome(startsAt, endsAt, bookedAt, 0.93);
    this.occupy(week, day, [found.slot, found.slot + 1], assessed, startsAt);
    const assessmentId = this.writeAppointment({ day, startsAt, minutes: ASSESSMENT_MINUTES, patient, typeId: clinic.assessmentTypeId, planId: null, bookedAt, outcome: assessed });
    const visit = { appointmentId: assessmentId, clinicId: clinic.id, patientId: patient.id, clinicianId: clinician.id, clinicianUserId: clinician.userId, nowMs: now, startsAt, localDay: day.day };
    if (assessed.status === 'completed' || (assessed.status === 'arrived' && rng.chance(0.5))) {
      ctx.charting.writeVisit(rng, { ...visit, planId: null, condition: null, signed: assessed.status === 'completed', sessionNumber: null, painBefore: rng.int(4, 8) });
    }
    // Not seen, or seen and not going ahead (not suitable, or chose not to): no plan.
    if (assessed.status !== 'completed' || rng.chance(0.08)) return week;
    return this.course(week, patient, { day, startsAt, endsAt });
  }

  private course(week: number, patient: SetupPatient, assessment: { day: GridDay; startsAt: number; endsAt: number }): number {
    const { ctx, rng, now, clinician } = this;
    const { setup, buffers, ids } = ctx;
    const clinicIndex = assessment.day.work.clinic;
    const clinic = setup.clinics[clinicIndex];
    const condition = rng.weighted(CONDITIONS);
    const plannedSessions = rng.weighted([[8, 3], [9, 1], [10, 6]] as const);
    const fate = rng.weighted([['complete', 82], ['discontinued', 12], ['stalled', 6]] as const);
    const fateAfter = fate === 'discontinued' ? rng.int(2, 5) : rng.int(1, 6);
    const responder = rng.chance(0.65);
    const firstPain = rng.int(5, 8);
    const planCreatedAt = assessment.endsAt + 15 * MINUTE_MS;
    const planId = ids.next(tableCode('treatment_plan'), planCreatedAt);
    const courseBookedAt = assessment.endsAt + 10 * MINUTE_MS;

    const firstChoice = this.sessionSlot(Math.min(week + 1, this.weekCount - 1), clinicIndex, rng.int(1, 6), rng.int(0, 15));
    const weekday = firstChoice?.day.work.weekday ?? 1;
    const preferred = firstChoice?.slot ?? 0;
    const sessions: Array<{ sessionNumber: number; visitedAt: number; localDay: number }> = [];
    let remaining: number = plannedSessions;
    let extras = 0;
    let rebookedAt = 0;
    let stop: { at: number; reason: string; kind: 'discontinued' | 'stalled' } | undefined;
    let firstTreatmentDay: number | undefined;
    let lastWeek = week;
    let pending = false;
    let lastAppointmentDay = assessment.day.day;
    const visitTimes: number[] = [];
    for (let cursor = week + 1; remaining > 0 && cursor < this.weekCount; cursor += 1) {
      const found = this.sessionSlot(cursor, clinicIndex, weekday, preferred);
      if (!found) continue;
      const { day } = found;
      const startsAt = this.slotStart(day, found.slot);
      const endsAt = startsAt + SLOT_MINUTES * MINUTE_MS;
      // The front desk keeps a course booked BOOKED_AHEAD sessions ahead: this one was booked at the visit that many back.
      const aheadOf = visitTimes.length >= BOOKED_AHEAD ? visitTimes[visitTimes.length - BOOKED_AHEAD] + 40 * MINUTE_MS : courseBookedAt;
      const bookedAt = Math.min(startsAt - HOUR_MS, this.bookableFrom(day, [found.slot], Math.max(aheadOf, rebookedAt)));
      // Not booked yet by today, or never booked because the course had stopped by then.
      if (bookedAt >= now || (stop && bookedAt > stop.at)) break;
      let outcome: Outcome;
      if (stop && startsAt > stop.at) {
        // Already booked; cancelled by the clinic once the course was discontinued or the patient stopped coming.
        outcome = { status: 'cancelled', changedAt: stop.at, late: false, reason: stop.reason };
        remaining -= 1;
      } else {
        outcome = this.outcome(startsAt, endsAt, bookedAt, 0.875);
        if (outcome.status === 'completed' || outcome.status === 'booked' || outcome.status === 'arrived') remaining -= 1;
        else if (extras < 2) {
          extras += 1;
          rebookedAt = (outcome.changedAt ?? startsAt) + HOUR_MS;
        } else remaining -= 1;
      }
      visitTimes.push(startsAt);
      this.occupy(cursor, day, [found.slot], outcome, startsAt);
      const appointmentId = this.writeAppointment({ day, startsAt, minutes: SLOT_MINUTES, patient, typeId: clinic.treatmentTypeId, planId, bookedAt, outcome });
      firstTreatmentDay ??= day.day;
      lastWeek = cursor;
      lastAppointmentDay = day.day;
      if (outcome.status === 'booked' || outcome.status === 'arrived') pending = true;
      const charted = outcome.status === 'completed' || (outcome.status === 'arrived' && rng.chance(0.5));
      if (charted) {
        const signed = outcome.status === 'completed';
        const sessionNumber = signed ? sessions.length + 1 : null;
        const progress = responder ? sessions.length : 0;
        const painBefore = Math.max(1, Math.min(10, firstPain - Math.round(progress * 0.6) + rng.int(-1, 1)));
        ctx.charting.writeVisit(rng, {
          appointmentId, clinicId: clinic.id, patientId: patient.id, clinicianId: clinician.id, clinicianUserId: clinician.userId, planId, condition,
          startsAt, localDay: day.day, signed, sessionNumber, painBefore, nowMs: now,
        });
        if (signed) sessions.push({ sessionNumber: sessionNumber!, visitedAt: startsAt, localDay: day.day });
      }
      if (outcome.status === 'completed' && fate !== 'complete' && !stop && sessions.length === fateAfter) {
        const at = endsAt + (fate === 'discontinued' ? 1 : 3) * DAY_MS;
        // Only what has happened by now: a course due to stop next week is still running today.
        if (at < now) stop = { at, kind: fate, reason: fate === 'discontinued' ? rng.pick(DISCONTINUE_REASONS) : 'Patient stopped attending; could not be reached' };
      }
    }

    const lastSession = sessions.at(-1);
    let status: 'draft' | 'active' | 'completed' | 'discontinued' = 'active';
    let endedDay: number | null = null;
    let statusReason: string | null = null;
    if (stop?.kind === 'discontinued') {
      status = 'discontinued';
      statusReason = stop.reason;
      endedDay = lastSession?.localDay ?? assessment.day.day;
    } else if (!stop && !pending && remaining === 0 && lastSession) {
      status = 'completed';
      endedDay = lastSession.localDay;
    } else if (!stop && !pending && remaining === 0 && !lastSession) {
      status = 'discontinued';
      statusReason = 'Did not attend any treatment session';
      endedDay = lastAppointmentDay;
    } else if (firstTreatmentDay === undefined || (sessions.length === 0 && !this.hasStarted(firstTreatmentDay, clinic.info.timeZone))) {
      status = 'draft';
    }
    const fourth = sessions[3];
    const reviewedAt = fourth && rng.chance(0.9) ? fourth.visitedAt + 30 * MINUTE_MS : null;
    const endedAt = endedDay === null ? planCreatedAt : instantOf(clinic.info.timeZone, endedDay, 18 * 60);
    const updatedAt = Math.max(planCreatedAt, reviewedAt ?? 0, status === 'completed' || status === 'discontinued' ? endedAt : 0);
    buffers.treatment_plan.add([
      planId, setup.organisationId, clinic.id, patient.id, clinician.id, 1 + (reviewedAt ? 1 : 0) + (endedDay !== null ? 1 : 0), condition,
      REGIONS_FOR_CONDITION[condition], rng.pick(GOALS), plannedSessions, MEASURE_FOR_CONDITION[condition], status, statusReason,
      status === 'draft' ? null : dateOfDay(firstTreatmentDay ?? assessment.day.day), endedDay === null ? null : dateOfDay(endedDay),
      reviewedAt === null ? null : new Date(reviewedAt), reviewedAt === null ? null : clinician.userId,
      reviewedAt === null ? null : responder ? 'Session 4 review: responding, continue the course' : 'Session 4 review: little change yet; continue and reassess',
      new Date(planCreatedAt), new Date(updatedAt),
    ]);
    const withdrawnDay = status === 'discontinued' && endedDay !== null && rng.chance(0.15) ? Math.min(endedDay + 1, setup.anchorDay) : null;
    this.writeConsent(patient, clinicIndex, assessment.day.day, assessment.startsAt + 20 * MINUTE_MS, withdrawnDay);
    ctx.outcomes.write(rng, {
      planId, patientId: patient.id, measure: MEASURE_FOR_CONDITION[condition], recordedById: clinician.userId, responder, completed: status === 'completed', sessions,
    });
    return lastWeek;
  }

  private hasStarted(day: number, timeZone: string): boolean {
    return instantOf(timeZone, day, 0) <= this.now;
  }

  /** Consent to IMS, taken at the assessment (before any needling); withdrawn by some who stopped their course. */
  private writeConsent(patient: SetupPatient, clinic: number, day: number, at: number, withdrawnDay: number | null): void {
    const { ctx, rng, clinician } = this;
    const minor = Math.floor((day - patient.dateOfBirthDay) / 365.25) < 19;
    ctx.buffers.ims_consent.add([
      ctx.ids.next(tableCode('ims_consent'), at), ctx.setup.organisationId, ctx.setup.clinics[clinic].id, patient.id, clinician.userId,
      dateOfDay(day), ['soreness', 'bruising', 'bleeding', 'vasovagal', 'infection', 'broken_needle'], false,
      rng.weighted([['written', 70], ['electronic', 20], ['verbal', 10]] as const), minor ? 'guardian' : 'patient',
      minor ? `${rng.pick(['Alex', 'Jordan', 'Sam', 'Taylor', 'Robin'])} ${patient.lastName}` : null, minor ? rng.pick(['Mother', 'Father', 'Legal guardian']) : null,
      null, withdrawnDay === null ? null : dateOfDay(withdrawnDay), withdrawnDay === null ? null : clinician.userId,
      withdrawnDay === null ? null : 'Patient chose to stop IMS', new Date(at),
    ]);
  }
}

/**
 * Each clinic's waitlist over the calendar: a few people a week wait for an assessment, most are booked within days
 * or weeks, some give up; those still waiting today make the current list.
 */
export function writeWaitlist(buffers: ChainBuffers, options: LargeChainOptions, ids: IdMint, setup: ChainSetup, patients: SetupPatient[]): void {
  const rng = new Rng(options.seed, 'waitlist');
  const byClinic = setup.clinics.map((clinic) => setup.clinicians.filter((clinician) => clinician.homeClinic === clinic.index));
  for (const clinic of setup.clinics) {
    const clinicians = byClinic[clinic.index];
    for (let day = setup.startDay; day < setup.anchorDay; day += 7) {
      for (let n = rng.int(2, 6); n > 0; n -= 1) {
        const createdAt = instantOf(clinic.info.timeZone, day + rng.int(0, 5), rng.int(480, 1080));
        if (createdAt >= setup.nowMs) continue;
        const clinician = rng.pick(clinicians);
        const patient = patients[clinician.index + setup.clinicians.length * rng.int(0, Math.floor((patients.length - 1 - clinician.index) / setup.clinicians.length))];
        const removedAt = createdAt + rng.int(2, 45) * DAY_MS + rng.int(0, 8) * HOUR_MS;
        const removed = removedAt < setup.nowMs;
        const wantsEarly = rng.chance(0.3);
        buffers.waitlist_entry.add([
          ids.next(tableCode('waitlist_entry'), createdAt), setup.organisationId, clinic.id, patient.id, clinic.assessmentTypeId,
          rng.chance(0.4) ? [clinician.id] : [], rng.chance(0.3) ? rng.sample([1, 2, 3, 4, 5], rng.int(1, 3)).sort((a, b) => a - b) : [],
          wantsEarly ? '07:30:00' : null, wantsEarly ? '12:00:00' : null, rng.weighted([[1, 5], [2, 15], [3, 50], [4, 20], [5, 10]] as const),
          rng.chance(0.2) ? 'Prefers early mornings before work' : null, clinic.receptionistUserId, new Date(createdAt),
          removed ? new Date(removedAt) : null, removed ? (rng.chance(0.85) ? 'Booked' : 'No longer needed') : null,
        ]);
      }
    }
  }
}
