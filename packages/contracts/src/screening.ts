import { z } from 'zod';
import { Id, IsoDateTime } from './common';

/** The precautions and contraindications screened before needling (domain.md), in the order clinicians ask them. */
export const PRECAUTIONS = [
  { key: 'needle_phobia', label: 'Needle phobia' },
  { key: 'anticoagulants', label: 'Anticoagulant or antiplatelet medication' },
  { key: 'bleeding_disorder', label: 'Bleeding disorder' },
  { key: 'pregnancy', label: 'Pregnancy' },
  { key: 'infection', label: 'Local or systemic infection' },
  { key: 'lymphoedema', label: 'Lymphoedema' },
  { key: 'implants', label: 'Implants or pacemaker' },
  { key: 'immunocompromise', label: 'Immunocompromise' },
  { key: 'metal_allergy', label: 'Metal allergy' },
  { key: 'diabetes', label: 'Diabetes (slow healing)' },
] as const;
export type PrecautionKey = (typeof PRECAUTIONS)[number]['key'];
export const PrecautionKey = z.enum(PRECAUTIONS.map((p) => p.key) as [PrecautionKey, ...PrecautionKey[]]);

export const ScreeningItem = z.object({ present: z.boolean(), notes: z.string().trim().max(1000).optional() });
/** Every precaution answered, yes or no: a screening with a gap is not a screening. */
export const ScreeningItems = z.object(
  Object.fromEntries(PRECAUTIONS.map((p) => [p.key, ScreeningItem])) as Record<PrecautionKey, typeof ScreeningItem>,
);
export type ScreeningItems = z.infer<typeof ScreeningItems>;

export const Screening = z.object({
  id: Id,
  patientId: Id,
  clinicId: Id,
  recordedAt: IsoDateTime,
  recordedBy: z.object({ id: Id, name: z.string() }),
  items: ScreeningItems,
  precautionsPresent: z.boolean(),
  /** Keys of the precautions present, for banners. */
  precautions: z.array(PrecautionKey),
  notes: z.string().nullable(),
});
export type Screening = z.infer<typeof Screening>;

/** `GET /api/patients/:id/screening`: the current screening (newest) and the history, newest first. */
export const ScreeningResponse = z.object({ current: Screening.nullable(), history: z.array(Screening) });
export type ScreeningResponse = z.infer<typeof ScreeningResponse>;

/**
 * `PUT /api/patients/:id/screening` records a new screening. `basedOnId` is the screening the clinician was looking at
 * (null for the first): if another was recorded meanwhile, 409 and nothing is written.
 */
export const PutScreeningRequest = z.object({
  clinicId: Id,
  items: ScreeningItems,
  notes: z.string().trim().max(4000).optional(),
  basedOnId: Id.nullable(),
});
export type PutScreeningRequest = z.input<typeof PutScreeningRequest>;
