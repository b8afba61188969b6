import { postgresErrorInfo, SQLSTATE } from '@ims/prisma';
import type { RequestUser } from '../common/access/request-user';
import { ConflictError } from '../common/problem/domain-errors';
import { ofOrganisation } from '../common/lookup/of-organisation';
import type { Db } from '../appointments/conflict-lookup';

/** A clinic of the caller's organisation (admins manage every clinic of it); another organisation's is a 404. */
export async function clinicOfOrganisation(db: Db, user: RequestUser, clinicId: string) {
  return ofOrganisation('clinic', clinicId, () => db.clinic.findFirst({ where: { id: clinicId, organisationId: user.organisationId } }));
}

/**
 * Runs a write whose unique index is "name per clinic", turning a duplicate (23505) into a 409 naming the field.
 * The index decides, so two admins adding the same name at once cannot both succeed.
 */
export async function uniqueNamePerClinic<T>(entity: string, name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (postgresErrorInfo(error)?.sqlState === SQLSTATE.uniqueViolation) {
      throw new ConflictError(`This clinic already has a ${entity} named "${name}"`, [{ entity, message: `name "${name}" is already used at this clinic` }]);
    }
    throw error;
  }
}
