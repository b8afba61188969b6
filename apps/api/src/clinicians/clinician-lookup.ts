import type { Prisma, PrismaClient } from '@ims/prisma';
import { NotFoundError } from '../common/problem/domain-errors';
import { CLINICIAN_INCLUDE, type ClinicianRow } from './clinician-view';

export type Db = PrismaClient | Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids that are not UUIDs cannot name anything: answer 404 like any unknown id (PostgreSQL would reject them). */
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * The clinician `id` of the caller's organisation, with what a Clinician payload needs. Another organisation's
 * clinician is "not found", exactly like an id that does not exist.
 */
export async function clinicianOfOrganisation(db: Db, organisationId: string, id: string): Promise<ClinicianRow> {
  const row = isUuid(id) ? await db.clinician.findFirst({ where: { id, organisationId }, include: CLINICIAN_INCLUDE }) : null;
  if (!row) throw new NotFoundError('clinician', id);
  return row;
}
