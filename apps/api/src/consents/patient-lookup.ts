import type { Prisma, PrismaClient } from '@ims/prisma';
import type { RequestUser } from '../common/access/request-user';
import { InvalidInputError, RuleViolationError } from '../common/problem/domain-errors';
import { isUuid, ofOrganisation } from '../common/lookup/of-organisation';

export type Db = PrismaClient | Prisma.TransactionClient;

/** What the clinical routes need of a patient: who they are, where they belong, and whether they are still active. */
const PATIENT_SELECT = {
  id: true,
  organisationId: true,
  homeClinicId: true,
  dateOfBirth: true,
  archivedAt: true,
  anonymisedAt: true,
  homeClinic: { select: { timeZone: true } },
} satisfies Prisma.PatientSelect;

export type ClinicalPatient = Prisma.PatientGetPayload<{ select: typeof PATIENT_SELECT }>;

/**
 * The patient `id` of the caller's organisation. Patients belong to the organisation, so any of its clinics may see
 * them (per role); another organisation's patient is "not found", exactly like an id that does not exist.
 */
export async function patientOfOrganisation(db: Db, user: RequestUser, id: string): Promise<ClinicalPatient> {
  return ofOrganisation('patient', id, () => db.patient.findFirst({ where: { id, organisationId: user.organisationId }, select: PATIENT_SELECT }));
}

/**
 * Locks the patient's row for the rest of the transaction (SELECT ... FOR UPDATE), so two clinicians writing the same
 * patient's clinical record at once are serialised: the second sees what the first wrote. Then loads the patient.
 */
export async function lockPatient(tx: Prisma.TransactionClient, user: RequestUser, id: string): Promise<ClinicalPatient> {
  if (isUuid(id)) {
    await tx.$queryRaw`SELECT id FROM patient WHERE id = ${id}::uuid AND organisation_id = ${user.organisationId}::uuid FOR UPDATE`;
  }
  return patientOfOrganisation(tx, user, id);
}

/** New clinical entries go to patients still in care: archived or anonymised records keep their history, read-only. */
export function assertActivePatient(patient: ClinicalPatient): void {
  if (patient.anonymisedAt) {
    throw new RuleViolationError('The patient has been anonymised: their record is kept for reporting only', [
      { rule: 'patient-anonymised', message: 'The patient has been anonymised; no new clinical entries can be recorded' },
    ]);
  }
  if (patient.archivedAt) {
    throw new RuleViolationError('The patient is archived: restore the record before adding to it', [
      { rule: 'patient-archived', message: 'The patient is archived; restore the record before recording new clinical entries' },
    ]);
  }
}

/** A clinic the caller works in, with its time zone; any other (even of the organisation) is a bad `clinicId` (400). */
export async function clinicOfUser(db: Db, user: RequestUser, clinicId: string): Promise<{ id: string; timeZone: string }> {
  const clinic = user.clinicIds.includes(clinicId)
    ? await db.clinic.findFirst({ where: { id: clinicId, organisationId: user.organisationId }, select: { id: true, timeZone: true } })
    : null;
  if (!clinic) {
    throw new InvalidInputError('clinicId: is not one of your clinics', [{ path: 'clinicId', message: 'is not one of your clinics' }]);
  }
  return clinic;
}

/** Display names of users by id, for "recorded by" and "taken by" (users are never deleted, only deactivated). */
export async function userNames(db: Db, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}
