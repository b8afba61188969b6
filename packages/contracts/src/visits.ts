import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery } from './common';
import { MuscleRegion } from './muscles';

export const NeedleSide = z.enum(['left', 'right', 'bilateral', 'midline']);
export type NeedleSide = z.infer<typeof NeedleSide>;
export const NeedleTechnique = z.enum(['pistoning', 'rotation', 'static', 'electrical']);
export type NeedleTechnique = z.infer<typeof NeedleTechnique>;
export const TwitchResponse = z.enum(['none', 'local', 'strong']);
export type TwitchResponse = z.infer<typeof TwitchResponse>;
export const NeedleTolerance = z.enum(['good', 'fair', 'poor']);
export type NeedleTolerance = z.infer<typeof NeedleTolerance>;

export const ADVERSE_EVENT_KINDS = [
  { key: 'bleeding', label: 'Bleeding' },
  { key: 'bruising', label: 'Bruising' },
  { key: 'soreness', label: 'Post-needling soreness' },
  { key: 'vasovagal', label: 'Vasovagal reaction / faint' },
  { key: 'suspected-pneumothorax', label: 'Suspected pneumothorax' },
  { key: 'retained-needle', label: 'Broken or retained needle' },
  { key: 'other', label: 'Other' },
] as const;
export type AdverseEventKind = (typeof ADVERSE_EVENT_KINDS)[number]['key'];
export const AdverseEventKind = z.enum(ADVERSE_EVENT_KINDS.map((k) => k.key) as [AdverseEventKind, ...AdverseEventKind[]]);

/** Needle diameters (mm) and lengths (mm) on sale for IMS and dry needling. */
export const NEEDLE_GAUGE_MM = { min: 0.1, max: 0.5 } as const;
export const NEEDLE_LENGTH_MM = { min: 5, max: 150 } as const;

const oneDecimal = (value: number) => Math.abs(Math.round(value * 10) - value * 10) < 1e-9;

export const VisitSiteInput = z
  .object({
    muscleId: Id,
    side: NeedleSide,
    level: z.string().trim().max(20).optional(),
    /** Needle diameter in mm, e.g. 0.25. */
    gauge: z.number().min(NEEDLE_GAUGE_MM.min).max(NEEDLE_GAUGE_MM.max).refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-9, 'at most 2 decimals'),
    lengthMm: z.number().int().min(NEEDLE_LENGTH_MM.min).max(NEEDLE_LENGTH_MM.max),
    depthCm: z.number().positive('must be more than 0').max(15).refine(oneDecimal, 'at most 1 decimal'),
    /** The clinician's acknowledgement of a depth outside the muscle's usual range, with the reason. */
    depthAck: z.object({ reason: z.string().trim().min(1, 'is required').max(1000) }).optional(),
    technique: NeedleTechnique,
    twitch: TwitchResponse,
    tolerance: NeedleTolerance,
  })
  .superRefine((site, context) => {
    // A depth deeper than the needle is long is impossible (domain.md): refused as input, never just warned.
    if (site.depthCm * 10 > site.lengthMm + 1e-9) {
      context.addIssue({ code: 'custom', path: ['depthCm'], message: `${site.depthCm} cm is deeper than the ${site.lengthMm} mm needle` });
    }
  });
export type VisitSiteInput = z.input<typeof VisitSiteInput>;

export const AdverseEventInput = z
  .object({ kind: AdverseEventKind, detail: z.string().trim().max(2000).optional() })
  .superRefine((event, context) => {
    if (event.kind === 'other' && !event.detail) context.addIssue({ code: 'custom', path: ['detail'], message: 'is required for "other"' });
  });
export type AdverseEventInput = z.input<typeof AdverseEventInput>;

const count = z.number().int().min(0).max(500);
export const NeedleCount = z.object({ opened: count, removed: count, retained: count, disposed: count });
export type NeedleCount = z.infer<typeof NeedleCount>;

const text = (max: number) => z.string().max(max).default('');
const pain = z.number().int().min(0).max(10).nullable().default(null);

/** `PUT /api/visits/:id`: the whole draft (autosave sends it as it stands), with the version it was loaded at. */
export const SaveVisitRequest = z.object({
  version: z.number().int().min(1),
  /** Link to a plan of the same patient, or null for an initial assessment. */
  planId: Id.nullable().optional(),
  painBefore: pain,
  painAfter: pain,
  subjective: text(20_000),
  objective: text(20_000),
  assessment: text(20_000),
  plan: text(20_000),
  advice: text(4_000),
  screeningChanges: text(4_000),
  needlingDone: z.boolean().default(true),
  sites: z.array(VisitSiteInput).max(40).default([]),
  adverseEvents: z.array(AdverseEventInput).max(20).default([]),
  needleCount: NeedleCount.default({ opened: 0, removed: 0, retained: 0, disposed: 0 }),
  minutesSpent: z.number().int().min(1).max(600).nullable().default(null),
});
export type SaveVisitRequest = z.input<typeof SaveVisitRequest>;

export const CreateVisitRequest = z.object({ appointmentId: Id });
export type CreateVisitRequest = z.input<typeof CreateVisitRequest>;

export const SignVisitRequest = z.object({ version: z.number().int().min(1) });
export type SignVisitRequest = z.input<typeof SignVisitRequest>;

export const AddAddendumRequest = z.object({
  reason: z.string().trim().min(1, 'is required').max(1000),
  text: z.string().trim().min(1, 'is required').max(20_000),
});
export type AddAddendumRequest = z.input<typeof AddAddendumRequest>;

/** The rule ids of a refused signature (api-shape.md). */
export const SIGN_RULES = ['needling-authorisation', 'consent', 'needle-count', 'depth-range', 'thorax-consent', 'required-fields'] as const;
export const SignRule = z.enum(SIGN_RULES);
export type SignRule = z.infer<typeof SignRule>;

const PersonRef = z.object({ id: Id, name: z.string() });

export const VisitSite = z.object({
  muscleId: Id,
  muscle: z.object({ code: z.string(), name: z.string(), region: MuscleRegion, depthMinCm: z.number(), depthMaxCm: z.number(), thoraxRisk: z.boolean() }),
  side: NeedleSide,
  level: z.string().nullable(),
  gauge: z.number(),
  lengthMm: z.number().int(),
  depthCm: z.number(),
  depthAck: z.object({ reason: z.string() }).nullable(),
  /** Outside the muscle's usual depth range: the UI warns, signing needs depthAck. */
  depthOutsideRange: z.boolean(),
  technique: NeedleTechnique,
  twitch: TwitchResponse,
  tolerance: NeedleTolerance,
});
export type VisitSite = z.infer<typeof VisitSite>;

export const Addendum = z.object({ id: Id, author: PersonRef, reason: z.string(), text: z.string(), createdAt: IsoDateTime });
export type Addendum = z.infer<typeof Addendum>;

export const VisitNoteStatus = z.enum(['draft', 'signed']);
export type VisitNoteStatus = z.infer<typeof VisitNoteStatus>;

export const VisitNote = z.object({
  id: Id,
  version: z.number().int(),
  appointmentId: Id,
  clinicId: Id,
  patientId: Id,
  patient: PersonRef,
  clinicianId: Id,
  clinician: PersonRef,
  planId: Id.nullable(),
  /** Session n of the plan (signed notes only); plannedSessions gives the "of N". */
  sessionNumber: z.number().int().nullable(),
  plannedSessions: z.number().int().nullable(),
  status: VisitNoteStatus,
  /** Clinical time: when the visit happened; createdAt/updatedAt/signedAt are record times. */
  visitedAt: IsoDateTime,
  visitDate: IsoDate,
  painBefore: z.number().int().nullable(),
  painAfter: z.number().int().nullable(),
  subjective: z.string(),
  objective: z.string(),
  assessment: z.string(),
  plan: z.string(),
  advice: z.string(),
  screeningChanges: z.string(),
  needlingDone: z.boolean(),
  sites: z.array(VisitSite),
  adverseEvents: z.array(z.object({ kind: AdverseEventKind, detail: z.string().nullable() })),
  needleCount: NeedleCount,
  minutesSpent: z.number().int().nullable(),
  signedAt: IsoDateTime.nullable(),
  signedBy: PersonRef.nullable(),
  contentHash: z.string().nullable(),
  addenda: z.array(Addendum),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type VisitNote = z.infer<typeof VisitNote>;

export const VisitListQuery = PageQuery.extend({
  status: VisitNoteStatus.optional(),
  clinicianId: Id.optional(),
  patientId: Id.optional(),
  planId: Id.optional(),
});
export type VisitListQuery = z.infer<typeof VisitListQuery>;

export const VisitSummary = z.object({
  id: Id,
  appointmentId: Id,
  status: VisitNoteStatus,
  visitedAt: IsoDateTime,
  patient: PersonRef,
  clinician: PersonRef,
  planId: Id.nullable(),
  sessionNumber: z.number().int().nullable(),
  painBefore: z.number().int().nullable(),
  painAfter: z.number().int().nullable(),
  /** Muscle codes needled, for the course body map. */
  muscleCodes: z.array(z.string()),
  addendaCount: z.number().int(),
  signedAt: IsoDateTime.nullable(),
});
export type VisitSummary = z.infer<typeof VisitSummary>;

export const VisitList = z.object({ items: z.array(VisitSummary), total: z.number().int().nonnegative() });
export type VisitList = z.infer<typeof VisitList>;
