import { z } from 'zod';
import { Id } from './common';

export const MUSCLE_REGIONS = [
  { key: 'head_neck', label: 'Head and neck' },
  { key: 'shoulder', label: 'Shoulder' },
  { key: 'upper_limb', label: 'Arm and hand' },
  { key: 'thorax', label: 'Chest wall' },
  { key: 'back', label: 'Back' },
  { key: 'hip_pelvis', label: 'Hip and pelvis' },
  { key: 'lower_limb', label: 'Leg and foot' },
] as const;
export type MuscleRegion = (typeof MUSCLE_REGIONS)[number]['key'];
export const MuscleRegion = z.enum(MUSCLE_REGIONS.map((r) => r.key) as [MuscleRegion, ...MuscleRegion[]]);

/** A catalogue muscle with the depth range IMS usually needles it at (cm). */
export const Muscle = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  region: MuscleRegion,
  /** False for midline structures, where the side is "midline". */
  sided: z.boolean(),
  /** True where a spinal level is recorded (paraspinals, multifidus). */
  levelled: z.boolean(),
  depthMinCm: z.number(),
  depthMaxCm: z.number(),
  /** Needling it risks a pneumothorax: the consent in force must disclose that risk. */
  thoraxRisk: z.boolean(),
});
export type Muscle = z.infer<typeof Muscle>;

/** `GET /api/muscles`: the whole catalogue, by region then name. */
export const MuscleList = z.object({ items: z.array(Muscle) });
export type MuscleList = z.infer<typeof MuscleList>;
