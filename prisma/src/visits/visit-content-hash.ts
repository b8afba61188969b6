import { createHash } from 'node:crypto';

/** What a signature covers of a visit note: the note's row with its sites (and their muscle) and adverse events. */
export interface SignableVisit {
  id: string;
  appointmentId: string;
  patientId: string;
  clinicianId: string;
  planId: string | null;
  visitedAt: Date;
  visitDate: Date;
  painBefore: number | null;
  painAfter: number | null;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  advice: string;
  screeningChanges: string;
  needlingDone: boolean;
  minutesSpent: number | null;
  needlesOpened: number;
  needlesRemoved: number;
  needlesRetained: number;
  needlesDisposed: number;
  sites: Array<{
    muscleId: string;
    muscle: { code: string };
    side: string;
    level: string | null;
    gaugeMm: { toFixed(digits: number): string };
    lengthMm: number;
    depthCm: { toFixed(digits: number): string };
    depthAckReason: string | null;
    technique: string;
    twitch: string;
    tolerance: string;
  }>;
  adverseEvents: Array<{ kind: string; detail: string | null }>;
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so the same content always gives the same text
 * whatever order it was assembled in. Arrays keep their order (site 1 before site 2 is part of the record);
 * `undefined` properties are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The clinical content a signature covers: who, when, and everything charted. Decimals are written as fixed-point
 * text (gauge 0.25, depth 4.5) so the hash never depends on how a float prints. Record times (createdAt, signedAt)
 * and the session number are not content: they say when and in what order it was written, not what happened.
 */
export function signedContentOf(row: SignableVisit) {
  return {
    visitNoteId: row.id,
    appointmentId: row.appointmentId,
    patientId: row.patientId,
    clinicianId: row.clinicianId,
    planId: row.planId,
    visitedAt: row.visitedAt.toISOString(),
    visitDate: row.visitDate.toISOString().slice(0, 10),
    painBefore: row.painBefore,
    painAfter: row.painAfter,
    subjective: row.subjective,
    objective: row.objective,
    assessment: row.assessment,
    plan: row.plan,
    advice: row.advice,
    screeningChanges: row.screeningChanges,
    needlingDone: row.needlingDone,
    minutesSpent: row.minutesSpent,
    needleCount: { opened: row.needlesOpened, removed: row.needlesRemoved, retained: row.needlesRetained, disposed: row.needlesDisposed },
    sites: row.sites.map((site) => ({
      muscleId: site.muscleId,
      muscleCode: site.muscle.code,
      side: site.side,
      level: site.level,
      gaugeMm: site.gaugeMm.toFixed(2),
      lengthMm: site.lengthMm,
      depthCm: site.depthCm.toFixed(1),
      depthAckReason: site.depthAckReason,
      technique: site.technique,
      twitch: site.twitch,
      tolerance: site.tolerance,
    })),
    adverseEvents: row.adverseEvents.map((event) => ({ kind: event.kind, detail: event.detail })),
  };
}

/** SHA-256 (hex) of the canonical JSON of the note's signed content: a copy can be checked against the record. */
export function visitContentHash(row: SignableVisit): string {
  return createHash('sha256').update(canonicalJson(signedContentOf(row))).digest('hex');
}
