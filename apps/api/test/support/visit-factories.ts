import { randomUUID } from 'node:crypto';
import type { SaveVisitRequest, VisitSiteInput } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { createClinicalPatient, createClinicalTenant } from './clinical-factories';
import { createClinician } from './clinician-factories';
import { createAppointmentType } from './clinic-setup-factories';
import { insertAppointment } from './appointment-factories';

const day = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);
/** Well before any visit the tests chart: authorisations and consents valid from here cover them all. */
export const LONG_AGO = '2020-01-01';

/**
 * A catalogue muscle of the test's own (codes `test_…` never clash with the seeded catalogue). Default: a sided,
 * unlevelled shoulder muscle usually needled 1-3 cm deep, no thoracic risk.
 */
export async function insertMuscle(
  prisma: PrismaClient,
  more: { name?: string; sided?: boolean; levelled?: boolean; depthMinCm?: number; depthMaxCm?: number; thoraxRisk?: boolean; region?: 'shoulder' | 'thorax' | 'back' } = {},
) {
  const code = `test_${randomUUID().slice(0, 8)}`;
  return prisma.muscle.create({
    data: {
      id: randomUUID(),
      code,
      name: more.name ?? `Test muscle ${code}`,
      region: more.region ?? 'shoulder',
      sided: more.sided ?? true,
      levelled: more.levelled ?? false,
      depthMinCm: more.depthMinCm ?? 1,
      depthMaxCm: more.depthMaxCm ?? 3,
      thoraxRisk: more.thoraxRisk ?? false,
    },
  });
}

/** An IMS (or dry-needling) authorisation of a clinician over [validFrom, validTo] (validTo null: open-ended). */
export async function authorise(
  prisma: PrismaClient,
  clinician: { id: string; organisationId: string },
  period: { validFrom?: string; validTo?: string | null; kind?: 'ims' | 'dry_needling' } = {},
) {
  return prisma.needlingAuthorisation.create({
    data: {
      organisationId: clinician.organisationId,
      clinicianId: clinician.id,
      kind: period.kind ?? 'ims',
      issuingBody: 'iSTOP',
      validFrom: day(period.validFrom ?? LONG_AGO),
      validTo: period.validTo ? day(period.validTo) : null,
    },
  });
}

/**
 * The cast of the visit-note tests: createClinicalTenant (physio with an open-ended IMS authorisation, receptionist,
 * manager, admin), an appointment type, and a colleague physiotherapist of the same clinic (authorised too).
 */
export async function createVisitTenant(prisma: PrismaClient, label = randomUUID().slice(0, 8)) {
  const tenant = await createClinicalTenant(prisma, label);
  await authorise(prisma, tenant.clinician);
  const type = await createAppointmentType(prisma, { organisationId: tenant.organisation.id, clinicId: tenant.clinic.id });
  const colleague = await createClinician(prisma, {
    organisationId: tenant.organisation.id,
    clinicIds: [tenant.clinic.id],
    name: `Colleague ${label}`,
    email: `colleague-${label}@clinical.test`,
    authorisations: [{ validFrom: LONG_AGO, validTo: null }],
  });
  return { ...tenant, type, colleague };
}
export type VisitTenant = Awaited<ReturnType<typeof createVisitTenant>>;

/** A fresh patient of the tenant's clinic with an IMS consent given LONG_AGO (thoracic muscles included or not), or none. */
export async function consentedPatient(prisma: PrismaClient, tenant: VisitTenant, consent: 'plain' | 'thorax' | 'none' = 'plain') {
  const patient = await createClinicalPatient(prisma, { organisationId: tenant.organisation.id, homeClinicId: tenant.clinic.id });
  if (consent !== 'none') {
    await prisma.imsConsent.create({
      data: {
        organisationId: tenant.organisation.id,
        clinicId: tenant.clinic.id,
        patientId: patient.id,
        takenById: tenant.physio.id,
        consentedOn: day(LONG_AGO),
        risksDisclosed: consent === 'thorax' ? ['soreness', 'bruising', 'pneumothorax'] : ['soreness', 'bruising'],
        thoraxIncluded: consent === 'thorax',
        method: 'written',
        givenBy: 'patient',
      },
    });
  }
  return patient;
}

/** A treatment plan of the patient, active, 10 sessions. */
export async function insertPlan(prisma: PrismaClient, tenant: VisitTenant, patientId: string, more: { clinicianId?: string; plannedSessions?: number } = {}) {
  return prisma.treatmentPlan.create({
    data: {
      organisationId: tenant.organisation.id,
      clinicId: tenant.clinic.id,
      patientId,
      clinicianId: more.clinicianId ?? tenant.clinician.id,
      condition: 'neck_pain',
      plannedSessions: more.plannedSessions ?? 10,
      primaryMeasure: 'NDI',
      status: 'active',
      startedOn: day(LONG_AGO),
    },
  });
}

let daysBack = 0;
/**
 * An appointment of the tenant's clinic written straight to the table (default: arrived, with the tenant's physio).
 * Each call starts one day earlier than the last, at a whole second, so no two overlap for a clinician or patient.
 */
export async function visitAppointment(
  prisma: PrismaClient,
  tenant: VisitTenant,
  options: { patientId: string; clinicianId?: string; clinicId?: string; planId?: string; status?: 'booked' | 'arrived' | 'completed' | 'cancelled' | 'no_show'; startsAt?: Date },
) {
  daysBack += 1;
  const startsAt = options.startsAt ?? new Date(Math.floor(Date.now() / 1000) * 1000 - daysBack * 86_400_000);
  const appointment = await insertAppointment(prisma, {
    organisationId: tenant.organisation.id,
    clinicId: options.clinicId ?? tenant.clinic.id,
    patientId: options.patientId,
    clinicianId: options.clinicianId ?? tenant.clinician.id,
    appointmentTypeId: tenant.type.id,
    startsAt,
    status: options.status ?? 'arrived',
  });
  return options.planId ? prisma.appointment.update({ where: { id: appointment.id }, data: { planId: options.planId } }) : appointment;
}

/** A needling site within the default muscle's usual range (2 cm with a 30 mm needle). */
export function site(muscleId: string, more: Partial<VisitSiteInput> = {}): VisitSiteInput {
  return { muscleId, side: 'left', gauge: 0.25, lengthMm: 30, depthCm: 2, technique: 'pistoning', twitch: 'local', tolerance: 'good', ...more };
}

/** A whole draft at `version` that every sign rule passes (given authorisation and consent): one site, balanced needles. */
export function signableDraft(version: number, muscleId: string, more: Partial<SaveVisitRequest> = {}): SaveVisitRequest {
  return {
    version,
    painBefore: 7,
    painAfter: 3,
    subjective: 'Neck pain for six months, worse at the desk',
    objective: 'Taut band, left upper trapezius',
    assessment: 'Neuropathic myofascial pain, responding',
    plan: 'Continue weekly IMS',
    advice: 'Heat and gentle movement tonight',
    needlingDone: true,
    sites: [site(muscleId)],
    adverseEvents: [],
    needleCount: { opened: 3, removed: 3, retained: 0, disposed: 3 },
    minutesSpent: 30,
    ...more,
  };
}
