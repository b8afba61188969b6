import type { NprsByVisit } from '@ims/contracts';

export interface SignedVisitPain {
  id: string;
  sessionNumber: number;
  visitedAt: Date;
  painBefore: number | null;
  painAfter: number | null;
}

/** One decimal, half away from zero like the outcome scores (a mean drop of -0.25 is -0.3). */
function meanToTenth(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const value = values.reduce((total, each) => total + each, 0) / values.length;
  const magnitude = Math.round(Math.abs(value) * 10 + 1e-9) / 10;
  return magnitude === 0 ? 0 : Math.sign(value) * magnitude;
}

/**
 * NPRS before and after each signed visit of a plan, in session order, and what the visits did to the pain on
 * average. Means are over the visits rated both before and after, so an unrated side never skews the drop.
 */
export function nprsByVisit(visits: readonly SignedVisitPain[]): NprsByVisit {
  const ordered = [...visits].sort((a, b) => a.sessionNumber - b.sessionNumber);
  const rated = ordered.filter((visit) => visit.painBefore !== null && visit.painAfter !== null) as Array<SignedVisitPain & { painBefore: number; painAfter: number }>;
  return {
    visits: ordered.map((visit) => ({
      visitId: visit.id,
      sessionNumber: visit.sessionNumber,
      visitedAt: visit.visitedAt.toISOString(),
      painBefore: visit.painBefore,
      painAfter: visit.painAfter,
      drop: visit.painBefore !== null && visit.painAfter !== null ? visit.painBefore - visit.painAfter : null,
    })),
    summary: {
      visitsRated: rated.length,
      meanBefore: meanToTenth(rated.map((visit) => visit.painBefore)),
      meanAfter: meanToTenth(rated.map((visit) => visit.painAfter)),
      meanDrop: meanToTenth(rated.map((visit) => visit.painBefore - visit.painAfter)),
    },
  };
}
