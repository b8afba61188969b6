import type { NeedleSide, NeedleTechnique, NeedleTolerance, Plan, TwitchResponse, VisitNote } from '@ims/contracts';

export const SIDE_LABELS: Record<NeedleSide, string> = { left: 'Left', right: 'Right', bilateral: 'Both sides', midline: 'Midline' };
export const TECHNIQUE_LABELS: Record<NeedleTechnique, string> = {
  pistoning: 'Pistoning',
  rotation: 'Rotation',
  static: 'Static',
  electrical: 'Electrical',
};
export const TWITCH_LABELS: Record<TwitchResponse, string> = { none: 'None', local: 'Local', strong: 'Strong' };
export const TOLERANCE_LABELS: Record<NeedleTolerance, string> = { good: 'Good', fair: 'Fair', poor: 'Poor' };

/**
 * "Session 4 of 10". A signed note carries its own number; a draft becomes the next signed session of its plan, so
 * it reads from the plan's count of signed visits. No plan: an initial assessment.
 */
export function sessionLabel(
  visit: Pick<VisitNote, 'status' | 'planId' | 'sessionNumber' | 'plannedSessions'>,
  plan?: Pick<Plan, 'completedSessions' | 'plannedSessions'> | null,
): string | null {
  if (!visit.planId) return 'Initial assessment (no plan)';
  if (visit.status === 'signed' && visit.sessionNumber !== null) {
    return visit.plannedSessions !== null ? `Session ${visit.sessionNumber} of ${visit.plannedSessions}` : `Session ${visit.sessionNumber}`;
  }
  if (plan) return `Session ${plan.completedSessions + 1} of ${plan.plannedSessions}`;
  return null;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "10:42" in the browser's zone. */
export function formatTime(instant: Date | string): string {
  return timeFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** "Tue, 8 Mar 2026, 10:00": when the visit happened. */
export function formatVisitTime(instant: string): string {
  return dateTimeFormat.format(new Date(instant));
}

/** The first characters of a content hash: enough to compare a printout with the record by eye. */
export function shortHash(hash: string): string {
  const hex = hash.replace(/^sha256[:-]/i, '');
  return hex.slice(0, 12);
}

/** "4 → 2" for NPRS before and after; a dash where it was not recorded. */
export function painChange(before: number | null, after: number | null): string {
  return `${before ?? '–'} → ${after ?? '–'}`;
}
