import type { RoleName } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { createOrganisation, createUser } from './factories';
import { createClinician, createPatient } from './clinician-factories';
import { insertConsent } from './clinical-factories';
import { createAppointmentType, createRoom, insertAppointment } from './appointment-factories';
import { insertPlan } from './plan-factories';
import { csvOf, MAPPING } from './patient-import-csv';

export const FUZZ_ROLES: RoleName[] = ['receptionist', 'physiotherapist', 'manager', 'admin'];

/** The tenant the fuzzer works in: one user per role, and one record of every kind a route can name. */
export interface FuzzTenant {
  emails: Record<RoleName, string>;
  /** Path parameter ids, keyed like the authorisation matrix: `<route family>:id` for `:id`, else the name. */
  pathIds: Record<string, string>;
  /** Body and query uuid fields by name (clinicId, patientId, ...). */
  fieldIds: Record<string, string>;
}

/**
 * A clinic with a physiotherapist who is also the clinician (so "my" routes apply), a patient with consent, a plan,
 * a booked appointment, an arrived one with a draft note and another arrived one without, set-up records, a
 * waitlist entry and an import. The user the users routes edit is a spare receptionist, so a fuzzed PATCH that
 * happens to be valid (deactivating, changing roles) never locks out the users the fuzzer signs in as.
 */
export async function createFuzzTenant(prisma: PrismaClient, label = 'hostile'): Promise<FuzzTenant> {
  const { organisation, clinic } = await createOrganisation(prisma, `${label} organisation`);
  const organisationId = organisation.id;
  const clinicId = clinic.id;
  const emails = {} as Record<RoleName, string>;
  const users = {} as Record<RoleName, { id: string }>;
  const { user: physio, clinician } = await createClinician(prisma, {
    organisationId,
    clinicIds: [clinicId],
    name: `${label} Clinician`,
    email: `physiotherapist@${label}.clinic`,
    authorisations: [{ validFrom: '2024-01-01', validTo: null }],
  });
  users.physiotherapist = physio;
  emails.physiotherapist = physio.email;
  for (const role of FUZZ_ROLES.filter((r) => r !== 'physiotherapist')) {
    const user = await createUser(prisma, { organisationId, clinicIds: [clinicId], roles: [role], email: `${role}@${label}.clinic` });
    users[role] = user;
    emails[role] = user.email;
  }
  const spare = await createUser(prisma, { organisationId, clinicIds: [clinicId], roles: ['receptionist'], email: `spare@${label}.clinic` });
  const authorisation = await prisma.needlingAuthorisation.findFirstOrThrow({ where: { clinicianId: clinician.id } });
  const patient = await createPatient(prisma, { organisationId, homeClinicId: clinicId, lastName: `${label}-Patient` });
  const consent = await insertConsent(prisma, { organisationId, clinicId, patientId: patient.id, takenById: physio.id, consentedOn: '2026-01-02' });
  const room = await createRoom(prisma, { organisationId, clinicId });
  const type = await createAppointmentType(prisma, { organisationId, clinicId });
  const parties = { organisationId, clinicId, patientId: patient.id, clinicianId: clinician.id, appointmentTypeId: type.id, roomId: room.id };
  const appointment = await insertAppointment(prisma, { ...parties, startsAt: new Date(Date.now() + 3_600_000) });
  const visited = await insertAppointment(prisma, { ...parties, startsAt: new Date(Date.now() - 2 * 86_400_000), status: 'arrived' });
  const unwritten = await insertAppointment(prisma, { ...parties, startsAt: new Date(Date.now() - 3 * 86_400_000), status: 'arrived' });
  const plan = await insertPlan(prisma, { organisationId, clinicId, patientId: patient.id, clinicianId: clinician.id });
  const visit = await prisma.visitNote.create({
    data: { organisationId, clinicId, patientId: patient.id, clinicianId: clinician.id, appointmentId: visited.id, planId: plan.id, visitedAt: visited.startsAt, visitDate: new Date(visited.startsAt.toISOString().slice(0, 10)), createdById: physio.id },
  });
  const timeOff = await prisma.clinicianTimeOff.create({
    data: { organisationId, clinicianId: clinician.id, startsAt: new Date('2026-08-01T07:00:00Z'), endsAt: new Date('2026-08-02T07:00:00Z'), createdById: users.admin.id },
  });
  const waitlist = await prisma.waitlistEntry.create({ data: { organisationId, clinicId, patientId: patient.id, createdById: users.receptionist.id } });
  const patientImport = await prisma.patientImport.create({
    data: { organisationId, clinicId, createdById: users.receptionist.id, fileName: `${label}-import.csv`, status: 'validated', totalRows: 0, mapping: {}, rows: [], report: { validRows: 0, errorRows: [], duplicates: [], truncated: false } },
  });
  const muscle = await prisma.muscle.findFirstOrThrow({ orderBy: { code: 'asc' } });
  return {
    emails,
    pathIds: {
      'users:id': spare.id,
      'clinicians:id': clinician.id,
      authorisationId: authorisation.id,
      'patients:id': patient.id,
      'waitlist:id': waitlist.id,
      'patient-imports:id': patientImport.id,
      'consents:id': consent.id,
      'appointments:id': appointment.id,
      'clinics:id': clinicId,
      'rooms:id': room.id,
      'appointment-types:id': type.id,
      timeOffId: timeOff.id,
      'plans:id': plan.id,
      'visits:id': visit.id,
    },
    fieldIds: {
      clinicId,
      homeClinicId: clinicId,
      patientId: patient.id,
      clinicianId: clinician.id,
      appointmentTypeId: type.id,
      roomId: room.id,
      planId: plan.id,
      appointmentId: unwritten.id,
      visitId: visit.id,
      consentId: consent.id,
      muscleId: muscle.id,
      userId: spare.id,
      authorisationId: authorisation.id,
    },
  };
}

/**
 * Valid bodies for routes whose contract has rules across fields the generator cannot meet by chance (an outcome's
 * answers must match its instrument's items), so hostile values still reach their service.
 */
export function knownGoodBodies(tenant: FuzzTenant): Record<string, object[]> {
  const takenAt = new Date(Date.now() - 3_600_000).toISOString();
  const planId = tenant.fieldIds.planId;
  return {
    'POST /api/patient-imports': [
      {
        clinicId: tenant.fieldIds.clinicId,
        fileName: 'front-desk.csv',
        csv: csvOf([
          ['Ada', 'Lovelace', '1980-01-02', '604-555-0101', 'ada@example.com', '9876500001'],
          ["O'Brien", 'Robert\'); --', '1975-06-07', '778-555-0102', '', '9876500002'],
        ]),
        mapping: MAPPING,
      },
    ],
    'POST /api/outcomes': [
      { planId, measure: 'NDI', timepoint: 'baseline', answers: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], takenAt },
      { planId, measure: 'NPRS', timepoint: 'adhoc', answers: [6], takenAt },
      { planId, measure: 'PSFS', timepoint: 'baseline', answers: [{ activity: 'Reversing the car', value: 4 }, { activity: 'Lifting a toddler', value: 3 }, { activity: 'Sleeping', value: null }], takenAt },
    ],
  };
}

/** The path with its parameters filled from the tenant (a parameter the tenant has no id for gets a fresh uuid). */
export function fillPath(path: string, tenant: FuzzTenant, override?: string): string {
  const family = path.split('/')[2];
  let first = true;
  return path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    // The override (a hostile segment) replaces the route's first parameter, the one that names the resource.
    if (override !== undefined && first) {
      first = false;
      return override;
    }
    first = false;
    return tenant.pathIds[name === 'id' ? `${family}:id` : name] ?? crypto.randomUUID();
  });
}
