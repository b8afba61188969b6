import type { CreateOutcomeRequest, OutcomeMeasure, PlanStatus } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { dayIn } from '../../src/clinicians/needling-authorisation';
import { createAppointmentType, insertAppointment } from './appointment-factories';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Each call of insertSignedVisits takes the next 35-minute slot back in time, so one clinician's visits never overlap. */
let visitSlot = 0;

/** A treatment plan written straight to the table (the plans API is not needed to test outcomes). */
export async function insertPlan(
  prisma: PrismaClient,
  options: {
    organisationId: string;
    clinicId: string;
    patientId: string;
    clinicianId: string;
    primaryMeasure?: OutcomeMeasure;
    plannedSessions?: number;
    status?: PlanStatus;
  },
) {
  const status = options.status ?? 'active';
  return prisma.treatmentPlan.create({
    data: {
      organisationId: options.organisationId,
      clinicId: options.clinicId,
      patientId: options.patientId,
      clinicianId: options.clinicianId,
      condition: 'neck_pain',
      primaryMeasure: options.primaryMeasure ?? 'NDI',
      plannedSessions: options.plannedSessions ?? 10,
      status,
      startedOn: status === 'draft' ? null : new Date(Date.now() - 90 * DAY_MS),
      statusReason: status === 'discontinued' ? 'Moved away' : null,
    },
  });
}

type Plan = Awaited<ReturnType<typeof insertPlan>>;

/** A draft visit note of `plan` at `visitedAt` (its visit date the clinic's calendar day), with its (completed) appointment of `appointmentTypeId`. */
export async function insertDraftVisit(
  prisma: PrismaClient,
  options: { plan: Plan; createdById: string; appointmentTypeId: string; visitedAt: Date; pain?: [number | null, number | null] },
) {
  const { plan, visitedAt } = options;
  const clinic = await prisma.clinic.findUniqueOrThrow({ where: { id: plan.clinicId } });
  const appointment = await insertAppointment(prisma, {
    organisationId: plan.organisationId,
    clinicId: plan.clinicId,
    patientId: plan.patientId,
    clinicianId: plan.clinicianId,
    appointmentTypeId: options.appointmentTypeId,
    startsAt: visitedAt,
    status: 'completed',
  });
  await prisma.appointment.update({ where: { id: appointment.id }, data: { planId: plan.id } });
  const [painBefore, painAfter] = options.pain ?? [null, null];
  return prisma.visitNote.create({
    data: {
      organisationId: plan.organisationId,
      clinicId: plan.clinicId,
      patientId: plan.patientId,
      clinicianId: plan.clinicianId,
      appointmentId: appointment.id,
      planId: plan.id,
      visitedAt,
      visitDate: new Date(`${dayIn(clinic.timeZone, visitedAt)}T00:00:00Z`),
      painBefore,
      painAfter,
      needlingDone: false,
      assessment: 'Improving',
      createdById: options.createdById,
    },
  });
}

/**
 * `sessions` signed visit notes of `plan`, one a week ending about `lastDaysAgo` days ago (each call a little earlier
 * than the one before, so the clinician's appointments do not overlap), each with its appointment (completed). A
 * signed note cannot be inserted as signed: it is inserted as a draft and then signed by an UPDATE with what the
 * database requires of a signed note (who, when, the content hash, balanced needle counts: none used here).
 * `pain[i]` is session i+1's [painBefore, painAfter].
 */
export async function insertSignedVisits(
  prisma: PrismaClient,
  options: { plan: Plan; signedById: string; sessions: number; lastDaysAgo?: number; pain?: Array<[number | null, number | null]> },
) {
  const { plan, sessions } = options;
  const type = await createAppointmentType(prisma, { organisationId: plan.organisationId, clinicId: plan.clinicId });
  const slotOffset = (visitSlot += 1) * 35 * MINUTE_MS;
  const signedBefore = await prisma.visitNote.count({ where: { planId: plan.id, status: 'signed' } });
  const notes = [];
  for (let index = 0; index < sessions; index += 1) {
    const visitedAt = new Date(Date.now() - ((options.lastDaysAgo ?? 1) + (sessions - 1 - index) * 7) * DAY_MS - slotOffset);
    const draft = await insertDraftVisit(prisma, { plan, createdById: options.signedById, appointmentTypeId: type.id, visitedAt, pain: options.pain?.[index] });
    notes.push(
      await prisma.visitNote.update({
        where: { id: draft.id },
        data: { status: 'signed', signedAt: visitedAt, signedById: options.signedById, contentHash: 'a'.repeat(64), sessionNumber: signedBefore + index + 1 },
      }),
    );
  }
  return notes;
}

/** NDI answers (10 items, 0-5) that add up to `total` (0-50): NDI's score is that sum. */
export function ndiAnswers(total: number): number[] {
  return Array.from({ length: 10 }, (_, index) => Math.floor(total / 10) + (index < total % 10 ? 1 : 0));
}

/** A recording body for `planId`, taken `daysAgo` days ago (default: an hour ago). */
export function outcomeBody(planId: string, overrides: Partial<CreateOutcomeRequest> & { daysAgo?: number } = {}): CreateOutcomeRequest {
  const { daysAgo, ...fields } = overrides;
  const takenAt = new Date(Date.now() - (daysAgo === undefined ? 3_600_000 : daysAgo * DAY_MS)).toISOString();
  return { planId, measure: 'NDI', timepoint: 'baseline', answers: ndiAnswers(30), takenAt, ...fields };
}
