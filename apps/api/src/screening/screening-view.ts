import { PRECAUTIONS, type PrecautionKey, type Screening, type ScreeningItems } from '@ims/contracts';
import type { PatientScreening } from '@ims/prisma';

/**
 * The items of a stored screening in the checklist's order. A precaution added to the checklist after the row was
 * written reads as "not present" with a note saying it was not asked, rather than breaking old history.
 */
export function itemsOf(stored: unknown): ScreeningItems {
  const source = (stored ?? {}) as Partial<Record<PrecautionKey, { present?: unknown; notes?: unknown }>>;
  return Object.fromEntries(
    PRECAUTIONS.map(({ key }) => {
      const item = source[key];
      if (!item) return [key, { present: false, notes: 'Not on the checklist when this screening was recorded' }];
      return [key, typeof item.notes === 'string' && item.notes !== '' ? { present: item.present === true, notes: item.notes } : { present: item.present === true }];
    }),
  ) as ScreeningItems;
}

/** Keys of the precautions present, in checklist order (for banners). */
export function precautionsOf(items: ScreeningItems): PrecautionKey[] {
  return PRECAUTIONS.map((p) => p.key).filter((key) => items[key].present);
}

/** What is stored for a checklist: every precaution, notes only where written. */
export function itemsToStore(items: ScreeningItems): ScreeningItems {
  return Object.fromEntries(
    PRECAUTIONS.map(({ key }) => [key, items[key].notes ? { present: items[key].present, notes: items[key].notes } : { present: items[key].present }]),
  ) as ScreeningItems;
}

export function toScreening(row: PatientScreening, names: Map<string, string>): Screening {
  const items = itemsOf(row.items);
  return {
    id: row.id,
    patientId: row.patientId,
    clinicId: row.clinicId,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: { id: row.recordedById, name: names.get(row.recordedById) ?? 'Unknown user' },
    items,
    precautionsPresent: row.precautionsPresent,
    precautions: precautionsOf(items),
    notes: row.notes,
  };
}
