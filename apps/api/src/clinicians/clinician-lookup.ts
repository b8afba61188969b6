import type { Prisma, PrismaClient } from '@ims/prisma';
import { isUuid, ofOrganisation } from '../common/lookup/of-organisation';
import { CLINICIAN_INCLUDE, type ClinicianRow } from './clinician-view';

export type Db = PrismaClient | Prisma.TransactionClient;

/** Path ids that are not UUIDs cannot name anything: answer 404 like any unknown id (PostgreSQL would reject them). */
export { isUuid };

/**
 * The clinician `id` of the caller's organisation, with what a Clinician payload needs. Another organisation's
 * clinician is "not found", exactly like an id that does not exist.
 */
export async function clinicianOfOrganisation(db: Db, organisationId: string, id: string): Promise<ClinicianRow> {
  return ofOrganisation('clinician', id, () => db.clinician.findFirst({ where: { id, organisationId }, include: CLINICIAN_INCLUDE }));
}
