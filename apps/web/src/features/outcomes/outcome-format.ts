import { outcomeInstrument, type ChangeFromBaseline, type OutcomeMcid, type OutcomeMeasure, type OutcomeTimepoint } from '@ims/contracts';

type Unit = 'points' | '%';

/** Scores carry at most one decimal; a minus sign, not a hyphen, so "−10" reads as a negative number. */
export function formatNumber(value: number): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return text.replace('-', '−');
}

/** "+2", "−10", "0": a change always shows its direction. */
export function formatSigned(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

/** "20 points", "24%" (ODI is published as a percentage). */
export function formatScore(score: number, unit: Unit): string {
  return unit === '%' ? `${formatNumber(score)}%` : `${formatNumber(score)} point${score === 1 ? '' : 's'}`;
}

/** "−10 points (−33.3%)"; GROC, whose score is the change: "+4 points". */
export function formatChange(change: Pick<ChangeFromBaseline, 'absolute' | 'percent'>): string {
  const points = `${formatSigned(change.absolute)} point${Math.abs(change.absolute) === 1 ? '' : 's'}`;
  return change.percent === null ? points : `${points} (${formatSigned(change.percent)}%)`;
}

/** "7.5 points", "2 points or 30%", "14% of baseline", GROC "+3 or more": the MCID as a clinician reads it. */
export function describeMcid(measure: OutcomeMeasure, mcid: OutcomeMcid): string {
  if (!outcomeInstrument(measure).hasBaseline) return `${formatSigned(mcid.value)} or more`;
  if (mcid.kind === 'percent') return `${formatNumber(mcid.value)}% of baseline`;
  const points = `${formatNumber(mcid.value)} point${mcid.value === 1 ? '' : 's'}`;
  return mcid.alternativePercent === undefined ? points : `${points} or ${formatNumber(mcid.alternativePercent)}%`;
}

export const DIRECTION_LABELS = {
  'lower-is-better': 'Lower is better',
  'higher-is-better': 'Higher is better',
} as const;

export const TIMEPOINT_LABELS: Record<OutcomeTimepoint, string> = {
  baseline: 'Baseline',
  session: 'Session',
  discharge: 'Discharge',
  adhoc: 'Ad hoc',
};

/** "NDI", "QuickDASH", "HIT-6": the short name clinicians use. */
export function measureName(measure: OutcomeMeasure): string {
  return outcomeInstrument(measure).name;
}

/** When a measurement was (or is to be) taken: "baseline", "session 4", "discharge", "ad hoc". */
export function timepointPhrase(timepoint: OutcomeTimepoint, sessionNumber?: number | null): string {
  if (timepoint === 'session') return sessionNumber ? `session ${sessionNumber}` : 'session';
  return TIMEPOINT_LABELS[timepoint].toLowerCase();
}

/** "NDI (session 4)", "ODI (baseline)": an outcome the schedule expects, as a badge or a button names it. */
export function outcomeDueLabel(due: { measure: OutcomeMeasure; timepoint: OutcomeTimepoint; sessionNumber?: number | null }): string {
  return `${measureName(due.measure)} (${timepointPhrase(due.timepoint, due.sessionNumber)})`;
}
