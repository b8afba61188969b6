import { randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import type { PrismaClient } from '@ims/prisma';
import { createOrganisation, createUser } from './factories';
import { createClinic, createClinician } from './clinician-factories';
import { createAppointmentType } from './clinic-setup-factories';
import { createClinicalPatient } from './clinical-factories';

/**
 * Builders for the report tests: rows written straight to the tables at exact local times, so each expected figure
 * can be worked out by hand from the fixture (the booking and signing rules are tested elsewhere).
 */

/** The instant of a wall-clock time (`2025-03-09T23:30`) in `timeZone`. */
export function localInstant(timeZone: string, wallClock: string): Date {
  const [day, time] = wallClock.split('T');
  const [year, month, date] = day.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(new TZDate(year, month - 1, date, hours, minutes, 0, timeZone).getTime());
}

const time = (hhmm: string) => new Date(`1970-01-01T${hhmm}:00Z`);
const calendarDay = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

export interface ReportClinic {
  id: string;
  timeZone: string;
}

export interface ReportWorld {
  organisationId: string;
  clinic: ReportClinic;
  manager: { email: string };
  physio: { email: string };
  receptionist: { email: string };
  admin: { email: string };
  typeId: string;
  typeIds: Map<string, string>;
}

/** An organisation with a Vancouver clinic, a manager, a receptionist, an admin and a physiotherapist (who logs in). */
export async function createReportWorld(prisma: PrismaClient, label = randomUUID().slice(0, 8)): Promise<ReportWorld> {
  const { organisation, clinic } = await createOrganisation(prisma, `Reports ${label}`);
  const base = { organisationId: organisation.id, clinicIds: [clinic.id] };
  const manager = await createUser(prisma, { ...base, roles: ['manager'], email: `manager-${label}@reports.test` });
  const receptionist = await createUser(prisma, { ...base, roles: ['receptionist'], email: `reception-${label}@reports.test` });
  const admin = await createUser(prisma, { ...base, roles: ['admin'], email: `admin-${label}@reports.test` });
  const { user: physio } = await createClinician(prisma, { ...base, email: `physio-${label}@reports.test`, name: `Logged-in physio ${label}` });
  const type = await createAppointmentType(prisma, { organisationId: organisation.id, clinicId: clinic.id });
  return {
    organisationId: organisation.id,
    clinic: { id: clinic.id, timeZone: clinic.timeZone },
    manager,
    physio,
    receptionist,
    admin,
    typeId: type.id,
    typeIds: new Map([[clinic.id, type.id]]),
  };
}

/** Another clinic of the world's organisation (with its own appointment type). */
export async function addClinic(prisma: PrismaClient, world: ReportWorld, timeZone: string, name?: string): Promise<ReportClinic> {
  const clinic = await createClinic(prisma, { organisationId: world.organisationId, timeZone, name });
  const type = await createAppointmentType(prisma, { organisationId: world.organisationId, clinicId: clinic.id });
  world.typeIds.set(clinic.id, type.id);
  return { id: clinic.id, timeZone };
}

/** A clinician member of `clinics`, with weekly hours per clinic (`{ weekday, start, end }`, local wall-clock). */
export async function reportClinician(
  prisma: PrismaClient,
  world: ReportWorld,
  options: { name: string; clinics: ReportClinic[]; hours?: Array<{ clinic: ReportClinic; weekday: number; start: string; end: string }> },
) {
  const { user, clinician } = await createClinician(prisma, {
    organisationId: world.organisationId,
    clinicIds: options.clinics.map((clinic) => clinic.id),
    name: options.name,
  });
  if (options.hours?.length) {
    await prisma.workingHours.createMany({
      data: options.hours.map((h) => ({
        organisationId: world.organisationId,
        clinicId: h.clinic.id,
        clinicianId: clinician.id,
        weekday: h.weekday,
        startTime: time(h.start),
        endTime: time(h.end),
      })),
    });
  }
  return { id: clinician.id, userId: user.id, name: options.name };
}

/** Time off of a clinician between two local wall-clock times of `timeZone`. */
export async function timeOff(prisma: PrismaClient, world: ReportWorld, clinicianId: string, timeZone: string, from: string, to: string) {
  return prisma.clinicianTimeOff.create({
    data: {
      organisationId: world.organisationId,
      clinicianId,
      startsAt: localInstant(timeZone, from),
      endsAt: localInstant(timeZone, to),
      reason: 'Leave',
      createdById: clinicianId,
    },
  });
}

export async function reportPatient(prisma: PrismaClient, world: ReportWorld, firstName: string, lastName: string) {
  return createClinicalPatient(prisma, { organisationId: world.organisationId, homeClinicId: world.clinic.id, firstName, lastName });
}

export type Status = 'booked' | 'arrived' | 'completed' | 'cancelled' | 'no_show';

/** An appointment at a local wall-clock time of its clinic, with whatever status, cancellation and entry time. */
export async function appointmentAt(
  prisma: PrismaClient,
  world: ReportWorld,
  options: {
    clinic?: ReportClinic;
    clinicianId: string;
    patientId: string;
    at: string;
    minutes?: number;
    status: Status;
    cancelReason?: string;
    late?: boolean;
    planId?: string;
    /** When it was entered (default: a week before it starts). */
    createdAt?: Date;
  },
) {
  const clinic = options.clinic ?? world.clinic;
  const startsAt = localInstant(clinic.timeZone, options.at);
  return prisma.appointment.create({
    data: {
      organisationId: world.organisationId,
      clinicId: clinic.id,
      patientId: options.patientId,
      clinicianId: options.clinicianId,
      appointmentTypeId: world.typeIds.get(clinic.id)!,
      planId: options.planId ?? null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (options.minutes ?? 30) * 60_000),
      localStart: new Date(`${options.at}:00Z`),
      timeZone: clinic.timeZone,
      status: options.status,
      statusChangedAt: options.status === 'booked' ? null : startsAt,
      cancelReason: options.cancelReason ?? null,
      lateCancellation: options.late ?? false,
      createdAt: options.createdAt ?? new Date(startsAt.getTime() - 7 * 86_400_000),
    },
  });
}

/** Records a move of an appointment (its current start is already the new one). */
export async function recordMove(prisma: PrismaClient, world: ReportWorld, appointment: { id: string; clinicId: string; startsAt: Date }, fromStartsAt: Date) {
  return prisma.appointmentChange.create({
    data: {
      organisationId: world.organisationId,
      clinicId: appointment.clinicId,
      appointmentId: appointment.id,
      kind: 'moved',
      fromStartsAt,
      toStartsAt: appointment.startsAt,
      reason: 'Patient asked',
    },
  });
}

export async function reportPlan(
  prisma: PrismaClient,
  world: ReportWorld,
  options: {
    patientId: string;
    clinicianId: string;
    condition?: 'neck_pain' | 'back_pain' | 'headache' | 'tennis_elbow' | 'frozen_shoulder' | 'whiplash' | 'fibromyalgia';
    measure?: 'NPRS' | 'PSFS' | 'ODI' | 'NDI' | 'QUICKDASH' | 'PRTEE' | 'SPADI' | 'FIQR' | 'HIT6' | 'LEFS' | 'GROC';
    planned?: number;
    status: 'draft' | 'active' | 'completed' | 'discontinued';
    startedOn?: string | null;
    endedOn?: string | null;
    reviewedAt?: Date | null;
  },
) {
  return prisma.treatmentPlan.create({
    data: {
      organisationId: world.organisationId,
      clinicId: world.clinic.id,
      patientId: options.patientId,
      clinicianId: options.clinicianId,
      condition: options.condition ?? 'neck_pain',
      primaryMeasure: options.measure ?? 'NDI',
      plannedSessions: options.planned ?? 10,
      status: options.status,
      statusReason: options.status === 'discontinued' ? 'Moved away' : null,
      startedOn: options.startedOn ? calendarDay(options.startedOn) : null,
      endedOn: options.endedOn ? calendarDay(options.endedOn) : null,
      reviewedAt: options.reviewedAt ?? null,
      reviewedById: options.reviewedAt ? options.clinicianId : null,
    },
  });
}

/**
 * Session `sessionNumber` of a plan: a completed appointment at local `at` with a SIGNED visit note (draft notes use
 * `signed: false`). Pass `appointmentId` to chart an appointment the fixture already has.
 */
export async function signedSession(
  prisma: PrismaClient,
  world: ReportWorld,
  plan: { id: string; patientId: string; clinicianId: string },
  options: { at: string; sessionNumber: number | null; appointmentId?: string; signed?: boolean; signedByUserId: string },
) {
  const startsAt = localInstant(world.clinic.timeZone, options.at);
  const appointmentId =
    options.appointmentId ??
    (await appointmentAt(prisma, world, { clinicianId: plan.clinicianId, patientId: plan.patientId, at: options.at, status: 'completed', planId: plan.id })).id;
  const signed = options.signed ?? true;
  return prisma.visitNote.create({
    data: {
      organisationId: world.organisationId,
      clinicId: world.clinic.id,
      patientId: plan.patientId,
      clinicianId: plan.clinicianId,
      appointmentId,
      planId: plan.id,
      status: signed ? 'signed' : 'draft',
      visitedAt: startsAt,
      visitDate: calendarDay(options.at.slice(0, 10)),
      sessionNumber: signed ? options.sessionNumber : null,
      assessment: 'Responding',
      needlingDone: false,
      signedAt: signed ? startsAt : null,
      signedById: signed ? options.signedByUserId : null,
      contentHash: signed ? 'test-hash' : null,
      createdById: options.signedByUserId,
    },
  });
}

/** An outcome record of a plan's measure with a given score (answers are not re-scored by reports). */
export async function outcomeRecord(
  prisma: PrismaClient,
  world: ReportWorld,
  plan: { id: string; patientId: string },
  options: {
    measure: 'NPRS' | 'PSFS' | 'ODI' | 'NDI' | 'QUICKDASH' | 'PRTEE' | 'SPADI' | 'FIQR' | 'HIT6' | 'LEFS' | 'GROC';
    timepoint: 'baseline' | 'session' | 'discharge' | 'adhoc';
    sessionNumber?: number | null;
    score: number;
    at: string;
    recordedById: string;
  },
) {
  return prisma.outcomeRecord.create({
    data: {
      organisationId: world.organisationId,
      planId: plan.id,
      patientId: plan.patientId,
      measure: options.measure,
      timepoint: options.timepoint,
      sessionNumber: options.sessionNumber ?? null,
      answers: [],
      score: options.score,
      takenAt: localInstant(world.clinic.timeZone, options.at),
      recordedById: options.recordedById,
    },
  });
}

/** A waitlist entry of the world's clinic added and (optionally) removed at local times. */
export async function waitlistEntry(prisma: PrismaClient, world: ReportWorld, options: { patientId: string; addedAt: string; removedAt?: string; createdById: string }) {
  return prisma.waitlistEntry.create({
    data: {
      organisationId: world.organisationId,
      clinicId: world.clinic.id,
      patientId: options.patientId,
      createdById: options.createdById,
      createdAt: localInstant(world.clinic.timeZone, options.addedAt),
      removedAt: options.removedAt ? localInstant(world.clinic.timeZone, options.removedAt) : null,
      removedReason: options.removedAt ? 'Booked' : null,
    },
  });
}
