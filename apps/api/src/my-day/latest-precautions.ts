import { Prisma } from '@ims/prisma';
import type { Db } from '../consents/patient-lookup';
import { itemsOf, precautionsOf } from '../screening/screening-view';

/**
 * The precautions present in each patient's newest screening (the current one; older rows are history), keyed by
 * patient id. One query for any number of patients: DISTINCT ON picks the newest row per patient in the database.
 * A patient never screened has no entry.
 */
export async function latestPrecautions(db: Db, patientIds: readonly string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(patientIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ patient_id: string; items: unknown }>>(Prisma.sql`
    SELECT DISTINCT ON (patient_id) patient_id, items
    FROM patient_screening
    WHERE patient_id = ANY(${ids}::uuid[])
    ORDER BY patient_id, recorded_at DESC, id DESC`);
  return new Map(rows.map((row) => [row.patient_id, precautionsOf(itemsOf(row.items))]));
}
