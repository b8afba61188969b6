import { randomUUID } from 'node:crypto';
import { PRECAUTIONS, type CreateConsentRequest, type PrecautionKey, type ScreeningItems } from '@ims/contracts';
import { searchFieldsOf, type Prisma, type PrismaClient } from '@ims/prisma';
import { createOrganisation, createUser } from './factories';
import { createClinician } from './clinician-factories';
import { dayIn } from '../../src/clinicians/needling-authorisation';

const day = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/** A calendar day `years` years (and `days` days) before today, `YYYY-MM-DD` (UTC is fine for ages in whole years). */
export function yearsAgo(years: number, days = 0): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** A patient written straight to the database (search columns derived as the API does), with any registration fields. */
export async function createClinicalPatient(
  prisma: PrismaClient,
  options: { organisationId: string; homeClinicId: string; dateOfBirth?: string } & Partial<Omit<Prisma.PatientUncheckedCreateInput, 'dateOfBirth'>>,
) {
  const { organisationId, homeClinicId, dateOfBirth, ...fields } = options;
  const names = { firstName: fields.firstName ?? 'Robin', lastName: fields.lastName ?? `Clinical-${randomUUID().slice(0, 6)}`, ...fields };
  return prisma.patient.create({
    data: { organisationId, homeClinicId, ...names, dateOfBirth: day(dateOfBirth ?? '1980-04-02'), ...searchFieldsOf(names) },
  });
}

/** A full checklist: every precaution answered "no" except those listed, with an optional note each. */
export function screeningItems(present: Partial<Record<PrecautionKey, string | true>> = {}): ScreeningItems {
  return Object.fromEntries(
    PRECAUTIONS.map(({ key }) => {
      const mark = present[key];
      return [key, mark === undefined ? { present: false } : mark === true ? { present: true } : { present: true, notes: mark }];
    }),
  ) as ScreeningItems;
}

/**
 * A valid adult consent body for `clinicId`. Unless overridden it is given "today" on the earliest calendar on earth
 * (UTC-12), which is never a future day for any clinic, whatever its time zone and the hour the tests run.
 */
export function consentBody(clinicId: string, overrides: Partial<CreateConsentRequest> = {}): CreateConsentRequest {
  return {
    clinicId,
    consentedOn: dayIn('Etc/GMT+12'),
    risksDisclosed: ['soreness', 'bruising', 'bleeding', 'vasovagal'],
    thoraxIncluded: false,
    method: 'written',
    givenBy: 'patient',
    ...overrides,
  };
}

/** A consent written straight to the database (days as `YYYY-MM-DD`), for states the routes would refuse to create today. */
export async function insertConsent(
  prisma: PrismaClient,
  options: { organisationId: string; clinicId: string; patientId: string; takenById: string; consentedOn: string; withdrawnOn?: string; notes?: string },
) {
  return prisma.imsConsent.create({
    data: {
      organisationId: options.organisationId,
      clinicId: options.clinicId,
      patientId: options.patientId,
      takenById: options.takenById,
      consentedOn: day(options.consentedOn),
      risksDisclosed: ['soreness', 'bruising'],
      method: 'verbal',
      givenBy: 'patient',
      notes: options.notes ?? null,
      ...(options.withdrawnOn ? { withdrawnOn: day(options.withdrawnOn), withdrawnById: options.takenById, withdrawalReason: 'Changed their mind' } : {}),
    },
  });
}

/**
 * An organisation with one clinic, a physiotherapist (with a clinician profile), a receptionist, a manager and an
 * admin, all members of the clinic, and one adult patient: the cast of the clinical-record tests.
 */
export async function createClinicalTenant(prisma: PrismaClient, label = randomUUID().slice(0, 8)) {
  const { organisation, clinic } = await createOrganisation(prisma, `Clinical ${label}`);
  const base = { organisationId: organisation.id, clinicIds: [clinic.id] };
  const { user: physio, clinician } = await createClinician(prisma, { ...base, name: `Physio ${label}`, email: `physio-${label}@clinical.test` });
  await prisma.user.update({ where: { id: physio.id }, data: { name: `Physio ${label}` } });
  const receptionist = await createUser(prisma, { ...base, roles: ['receptionist'], email: `reception-${label}@clinical.test` });
  const manager = await createUser(prisma, { ...base, roles: ['manager'], email: `manager-${label}@clinical.test` });
  const admin = await createUser(prisma, { ...base, roles: ['admin'], email: `admin-${label}@clinical.test` });
  const patient = await createClinicalPatient(prisma, { organisationId: organisation.id, homeClinicId: clinic.id });
  return { organisation, clinic, physio, clinician, receptionist, manager, admin, patient };
}
