import { randomUUID } from 'node:crypto';
import type { CreatePlanRequest, PrecautionKey } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { dayIn } from '../../src/clinicians/needling-authorisation';
import { createAppointmentType, insertAppointment } from './appointment-factories';
import { screeningItems } from './clinical-factories';

const DAY_MS = 86_400_000;

/** A valid create body: a 10-session neck pain course measured with the NDI, unless overridden. */
export function planBody(clinicId: string, patientId: string, overrides: Partial<CreatePlanRequest> = {}): CreatePlanRequest {
  return {
    clinicId,
    patientId,
    condition: 'neck_pain',
    regions: ['head_neck', 'shoulder'],
    goals: 'Reverse the car without turning the whole body',
    primaryMeasure: 'NDI',
    ...overrides,
  };
}

export interface PlanParties {
  organisationId: string;
  clinicId: string;
  patientId: string;
  clinicianId: string;
}

/** A plan written straight to the table, in any status (an active one started today in its clinic's zone). */
export async function insertPlan(
  prisma: PrismaClient,
  options: PlanParties & { status?: 'draft' | 'active' | 'completed' | 'discontinued'; plannedSessions?: number; condition?: 'neck_pain' | 'back_pain' | 'other'; conditionDetail?: string },
) {
  const status = options.status ?? 'active';
  const clinic = await prisma.clinic.findUniqueOrThrow({ where: { id: options.clinicId }, select: { timeZone: true } });
  const today = new Date(`${dayIn(clinic.timeZone)}T00:00:00Z`);
  return prisma.treatmentPlan.create({
    data: {
      organisationId: options.organisationId,
      clinicId: options.clinicId,
      patientId: options.patientId,
      clinicianId: options.clinicianId,
      condition: options.condition ?? 'back_pain',
      conditionDetail: options.conditionDetail ?? null,
      regions: ['back'],
      goals: 'Sit through a work meeting without pain',
      plannedSessions: options.plannedSessions ?? 10,
      primaryMeasure: 'ODI',
      status,
      statusReason: status === 'discontinued' ? 'Moved away' : null,
      startedOn: status === 'draft' ? null : today,
      endedOn: status === 'completed' || status === 'discontinued' ? today : null,
    },
  });
}

/**
 * A visit note on `appointment`, written straight to the table with the schema's fields: a draft, or signed (signer,
 * time, content hash, balanced needle count) as session `sessionNumber` of its plan.
 */
export async function insertVisitNote(
  prisma: PrismaClient,
  options: {
    appointment: { id: string; organisationId: string; clinicId: string; patientId: string; clinicianId: string; startsAt: Date; timeZone: string };
    authorUserId: string;
    planId?: string | null;
    status: 'draft' | 'signed';
    sessionNumber?: number;
  },
) {
  const { appointment } = options;
  const signed = options.status === 'signed';
  return prisma.visitNote.create({
    data: {
      organisationId: appointment.organisationId,
      clinicId: appointment.clinicId,
      patientId: appointment.patientId,
      clinicianId: appointment.clinicianId,
      appointmentId: appointment.id,
      planId: options.planId ?? null,
      status: options.status,
      visitedAt: appointment.startsAt,
      visitDate: new Date(`${dayIn(appointment.timeZone, appointment.startsAt)}T00:00:00Z`),
      painBefore: 6,
      painAfter: 3,
      assessment: 'Taut bands in the lumbar multifidus, L4-L5',
      needlesOpened: 4,
      needlesRemoved: 4,
      needlesDisposed: 4,
      createdById: options.authorUserId,
      ...(signed ? { sessionNumber: options.sessionNumber ?? null, signedAt: new Date(), signedById: options.authorUserId, contentHash: randomUUID().replace(/-/g, '') } : {}),
    },
  });
}

/**
 * Past sessions of `plan`: one appointment a day going back from before the earliest appointment of its patient and
 * clinician (so they never overlap), each with a visit note in the status given, signed ones numbered on from the
 * plan's signed notes. Returns the notes.
 */
export async function insertPlanSessions(
  prisma: PrismaClient,
  options: { plan: PlanParties & { id: string }; authorUserId: string; statuses: Array<'draft' | 'signed'>; appointmentTypeId?: string },
) {
  const { plan } = options;
  const typeId = options.appointmentTypeId ?? (await createAppointmentType(prisma, { organisationId: plan.organisationId, clinicId: plan.clinicId })).id;
  let session = await prisma.visitNote.count({ where: { planId: plan.id, status: 'signed' } });
  // Before the earliest appointment of the patient or the clinician, so no call ever overlaps an earlier one.
  const earliest = await prisma.appointment.findFirst({
    where: { OR: [{ patientId: plan.patientId }, { clinicianId: plan.clinicianId }] },
    orderBy: { startsAt: 'asc' },
    select: { startsAt: true },
  });
  const latestStart = Math.min(Date.now(), earliest?.startsAt.getTime() ?? Infinity) - DAY_MS;
  const notes = [];
  for (const [index, status] of options.statuses.entries()) {
    const startsAt = new Date(latestStart - index * DAY_MS);
    const appointment = await insertAppointment(prisma, {
      organisationId: plan.organisationId,
      clinicId: plan.clinicId,
      patientId: plan.patientId,
      clinicianId: plan.clinicianId,
      appointmentTypeId: typeId,
      startsAt,
      status: status === 'signed' ? 'completed' : 'arrived',
    });
    await prisma.appointment.update({ where: { id: appointment.id }, data: { planId: plan.id } });
    if (status === 'signed') session += 1;
    notes.push(await insertVisitNote(prisma, { appointment, authorUserId: options.authorUserId, planId: plan.id, status, sessionNumber: status === 'signed' ? session : undefined }));
  }
  return notes;
}

/** A screening with the given precautions present, recorded at `recordedAt` (default now). */
export async function insertScreening(
  prisma: PrismaClient,
  options: { organisationId: string; clinicId: string; patientId: string; recordedById: string; present: PrecautionKey[]; recordedAt?: Date },
) {
  return prisma.patientScreening.create({
    data: {
      organisationId: options.organisationId,
      clinicId: options.clinicId,
      patientId: options.patientId,
      recordedById: options.recordedById,
      recordedAt: options.recordedAt ?? new Date(),
      items: screeningItems(Object.fromEntries(options.present.map((key) => [key, true]))),
      precautionsPresent: options.present.length > 0,
    },
  });
}
