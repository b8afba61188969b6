import { NotFoundError, InvalidInputError } from '../common/problem/domain-errors';
import type { PatientRow } from './patient-columns';
import type { Db } from './patient-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids that are not UUIDs cannot name anything: 404 like any unknown id (as the users and clinicians routes do). */
export const isUuid = (value: string): boolean => UUID.test(value);

/** The patient `id` of the caller's organisation; another organisation's patient is "not found", like a missing one. */
export async function patientOfOrganisation(db: Db, organisationId: string, id: string): Promise<PatientRow> {
  const row = isUuid(id) ? await db.patient.findFirst({ where: { id, organisationId } }) : null;
  if (!row) throw new NotFoundError('patient', id);
  return row;
}

/** A home clinic must be one of the organisation's clinics; anything else is bad input naming the field (400). */
export async function assertHomeClinic(db: Db, organisationId: string, clinicId: string): Promise<void> {
  const clinic = await db.clinic.findFirst({ where: { id: clinicId, organisationId }, select: { id: true } });
  if (!clinic) {
    throw new InvalidInputError('homeClinicId: is not a clinic of your organisation', [
      { path: 'homeClinicId', message: 'is not a clinic of your organisation' },
    ]);
  }
}
