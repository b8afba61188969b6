import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './common';

/** Risks a clinician discloses before IMS (domain.md); pneumothorax is the serious one over the thorax. */
export const CONSENT_RISKS = [
  { key: 'soreness', label: 'Post-needling soreness' },
  { key: 'bruising', label: 'Bruising' },
  { key: 'bleeding', label: 'Bleeding' },
  { key: 'vasovagal', label: 'Feeling faint (vasovagal reaction)' },
  { key: 'infection', label: 'Infection' },
  { key: 'broken_needle', label: 'Broken or retained needle' },
  { key: 'nerve_irritation', label: 'Nerve irritation' },
  { key: 'pneumothorax', label: 'Pneumothorax (needling over the thorax)' },
] as const;
export type ConsentRisk = (typeof CONSENT_RISKS)[number]['key'];
export const ConsentRisk = z.enum(CONSENT_RISKS.map((r) => r.key) as [ConsentRisk, ...ConsentRisk[]]);

export const ConsentMethod = z.enum(['verbal', 'written', 'electronic']);
/** Who gave consent: the patient, a parent/guardian (minor), or a minor the clinician found capable. */
export const ConsentGivenBy = z.enum(['patient', 'guardian', 'capable_minor']);

/** Age of majority for consent in BC: under 19 is a minor (domain.md). */
export const AGE_OF_MAJORITY = 19;

export const CreateConsentRequest = z
  .object({
    clinicId: Id,
    // "Today" belongs to the clinic's time zone, which only the API knows: here refuse only days that are in the future
    // everywhere on earth (UTC+14); the API checks against the clinic's own today.
    consentedOn: IsoDate.refine((date) => date <= new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10), { message: 'cannot be in the future' }),
    risksDisclosed: z.array(ConsentRisk).min(1, 'disclose at least one risk'),
    thoraxIncluded: z.boolean(),
    method: ConsentMethod,
    givenBy: ConsentGivenBy,
    guardianName: z.string().trim().max(200).optional(),
    guardianRelationship: z.string().trim().max(100).optional(),
    capacityFinding: z.string().trim().max(2000).optional(),
    notes: z.string().trim().max(4000).optional(),
  })
  .superRefine((consent, context) => {
    if (consent.thoraxIncluded && !consent.risksDisclosed.includes('pneumothorax')) {
      context.addIssue({ code: 'custom', path: ['risksDisclosed'], message: 'must include pneumothorax when thoracic muscles may be treated' });
    }
    if (consent.givenBy === 'guardian') {
      if (!consent.guardianName) context.addIssue({ code: 'custom', path: ['guardianName'], message: 'is required when a guardian consents' });
      if (!consent.guardianRelationship) context.addIssue({ code: 'custom', path: ['guardianRelationship'], message: 'is required when a guardian consents' });
    }
    if (consent.givenBy === 'capable_minor' && !consent.capacityFinding) {
      context.addIssue({ code: 'custom', path: ['capacityFinding'], message: "is required: record why the minor is capable of consenting" });
    }
  });
export type CreateConsentRequest = z.input<typeof CreateConsentRequest>;

export const Consent = z.object({
  id: Id,
  patientId: Id,
  clinicId: Id,
  consentedOn: IsoDate,
  takenBy: z.object({ id: Id, name: z.string() }),
  risksDisclosed: z.array(ConsentRisk),
  thoraxIncluded: z.boolean(),
  method: ConsentMethod,
  givenBy: ConsentGivenBy,
  guardianName: z.string().nullable(),
  guardianRelationship: z.string().nullable(),
  capacityFinding: z.string().nullable(),
  notes: z.string().nullable(),
  withdrawnOn: IsoDate.nullable(),
  withdrawnBy: z.object({ id: Id, name: z.string() }).nullable(),
  withdrawalReason: z.string().nullable(),
  /** In force today in the clinic's time zone. */
  inForce: z.boolean(),
  createdAt: IsoDateTime,
});
export type Consent = z.infer<typeof Consent>;

/** `GET /api/patients/:id/consents`: every consent, newest first, and the one in force today (if any). */
export const ConsentList = z.object({ items: z.array(Consent), inForce: Consent.nullable() });
export type ConsentList = z.infer<typeof ConsentList>;

export const WithdrawConsentRequest = z.object({
  withdrawnOn: IsoDate,
  reason: z.string().trim().min(1, 'is required').max(1000),
});
export type WithdrawConsentRequest = z.input<typeof WithdrawConsentRequest>;
