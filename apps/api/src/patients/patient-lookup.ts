import { InvalidInputError } from '../common/problem/domain-errors';
import { isUuid, ofOrganisation } from '../common/lookup/of-organisation';
import type { PatientRow } from './patient-columns';
import type { Db } from './patient-view';

/** Path ids that are not UUIDs cannot name anything: 404 like any unknown id (as the users and clinicians routes do). */
export { isUuid };

/** The patient `id` of the caller's organisation; another organisation's patient is "not found", like a missing one. */
export async function patientOfOrganisation(db: Db, organisationId: string, id: string): Promise<PatientRow> {
  return ofOrganisation('patient', id, () => db.patient.findFirst({ where: { id, organisationId } }));
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
