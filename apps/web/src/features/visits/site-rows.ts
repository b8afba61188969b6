import {
  VisitSiteInput,
  type Muscle,
  type NeedleSide,
  type NeedleTechnique,
  type NeedleTolerance,
  type TwitchResponse,
  type VisitSite,
} from '@ims/contracts';
import { checkDepth, depthAckFor, type DepthCheck } from './depth-check';

/**
 * One needling site as the charting table holds it while typing: every field may still be empty, and numbers are
 * the text the clinician typed (gauge and length are picked from presets or typed).
 */
export interface SiteRow {
  muscleId: string;
  side: NeedleSide | '';
  level: string;
  gauge: string;
  lengthMm: string;
  depthCm: number | string;
  depthAckReason: string;
  technique: NeedleTechnique | '';
  twitch: TwitchResponse | '';
  tolerance: NeedleTolerance | '';
}

/** Needle diameters (mm) and lengths (mm) clinics stock for IMS, offered first; others can be typed. */
export const GAUGE_PRESETS = ['0.16', '0.18', '0.20', '0.25', '0.30', '0.35'] as const;
export const LENGTH_PRESETS = ['15', '25', '30', '40', '50', '60', '75'] as const;

/** A typed number, or null while the field is empty or not a number yet. */
export function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * A new row. After the first, it copies what rarely changes from one site to the next (side, needle, technique),
 * so a clinician types only the muscle, the depth and what they observed; twitch and tolerance are observations of
 * this site and never copied.
 */
export function newSiteRow(above?: SiteRow): SiteRow {
  return {
    muscleId: '',
    side: above?.side ?? '',
    level: '',
    gauge: above?.gauge ?? '',
    lengthMm: above?.lengthMm ?? '',
    depthCm: '',
    depthAckReason: '',
    technique: above?.technique ?? 'pistoning',
    twitch: '',
    tolerance: '',
  };
}

/** A saved site as a row of the table. */
export function siteRowFrom(site: VisitSite): SiteRow {
  return {
    muscleId: site.muscleId,
    side: site.side,
    level: site.level ?? '',
    gauge: site.gauge.toFixed(2),
    lengthMm: String(site.lengthMm),
    depthCm: site.depthCm,
    depthAckReason: site.depthAck?.reason ?? '',
    technique: site.technique,
    twitch: site.twitch,
    tolerance: site.tolerance,
  };
}

/**
 * A previous visit's site as a starting row for today: where and how it was needled, not what was observed
 * (twitch, tolerance) nor that visit's reason for an unusual depth.
 */
export function siteRowCopiedFrom(site: VisitSite): SiteRow {
  return { ...siteRowFrom(site), depthAckReason: '', twitch: '', tolerance: '' };
}

/** True while nothing identifying has been typed: such a row is a placeholder, not an unfinished site. */
export function isBlankRow(row: SiteRow): boolean {
  return !row.muscleId && toNumber(row.depthCm) === null;
}

const MISSING_LABELS: [keyof SiteRow, string][] = [
  ['muscleId', 'muscle'],
  ['side', 'side'],
  ['gauge', 'gauge'],
  ['lengthMm', 'needle length'],
  ['depthCm', 'depth'],
  ['technique', 'technique'],
  ['twitch', 'twitch response'],
  ['tolerance', 'tolerance'],
];

/** The state of one row: what it would send, what is still missing, and its depth check. */
export interface SiteRowState {
  site: VisitSiteInput | null;
  missing: string[];
  /** Contract messages keyed by field (`depthCm`, `gauge`…), e.g. a depth deeper than the needle. */
  errors: Partial<Record<string, string>>;
  depth: DepthCheck;
  muscle: Muscle | null;
}

/** Reads a row against the contract and the muscle catalogue. */
export function siteRowState(row: SiteRow, musclesById: ReadonlyMap<string, Muscle>): SiteRowState {
  const muscle = musclesById.get(row.muscleId) ?? null;
  const depthCm = toNumber(row.depthCm);
  const lengthMm = toNumber(row.lengthMm);
  const depth = checkDepth({ depthCm, lengthMm, muscle, ackReason: row.depthAckReason });
  const missing = MISSING_LABELS.filter(([field]) => (field === 'depthCm' ? depthCm === null : row[field] === '')).map(([, label]) => label);
  const level = muscle?.levelled ? row.level.trim() : '';
  const depthAck = depthAckFor(depth, row.depthAckReason);
  const candidate = {
    muscleId: row.muscleId,
    side: row.side,
    ...(level ? { level } : {}),
    gauge: toNumber(row.gauge),
    lengthMm,
    depthCm,
    ...(depthAck ? { depthAck } : {}),
    technique: row.technique,
    twitch: row.twitch,
    tolerance: row.tolerance,
  };
  const parsed = VisitSiteInput.safeParse(candidate);
  const errors: Partial<Record<string, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      // A missing value is said once, in `missing`; only values that are there but wrong become field errors.
      if (candidate[field as keyof typeof candidate] === null || candidate[field as keyof typeof candidate] === '') continue;
      errors[field] ??= issue.message;
    }
  }
  return { site: parsed.success ? parsed.data : null, missing, errors, depth, muscle };
}
