import type { OutcomeMeasure } from './instrument-types';
import { outcomeInstrument } from './instruments';
import { roundToTenth } from './rounding';

export interface OutcomeChange {
  /** Later − baseline on the instrument's scale (negative when the score fell); for GROC, the GROC score itself. */
  absolute: number;
  /** Change as % of the baseline score; null when there is no baseline (GROC) or the baseline is 0. */
  percent: number | null;
  /** Moved in the better direction at all. */
  improved: boolean;
  /** Reached the MCID in the better direction (points, or % where the MCID allows it): a responder. */
  mcidReached: boolean;
}

// Scores carry one decimal, so differences hold binary noise (4.7 − 6.7 = −2.0000000000000004): compare with a tolerance.
const TOLERANCE = 1e-9;

/**
 * Change from baseline judged against the instrument's direction and MCID. NPRS responds at 2 points or 30%, PRTEE
 * at 11 points or 37%, FIQR at a 14% fall. GROC has no baseline: pass null (any baseline given is ignored)
 * and its score is the change (responder at +3 or more). Returns null for any other instrument without a baseline.
 */
export function changeFromBaseline(measure: OutcomeMeasure, baselineScore: number | null, laterScore: number): OutcomeChange | null {
  const instrument = outcomeInstrument(measure);
  const { mcid } = instrument;
  if (!instrument.hasBaseline) {
    return { absolute: laterScore, percent: null, improved: laterScore > 0, mcidReached: laterScore >= mcid.value - TOLERANCE };
  }
  if (baselineScore === null) return null;

  const difference = laterScore - baselineScore;
  const percent = baselineScore === 0 ? null : (difference / baselineScore) * 100;
  const betterSign = instrument.direction === 'lower-is-better' ? -1 : 1;
  const gainPoints = betterSign * difference;
  const gainPercent = percent === null ? null : betterSign * percent;

  const byPercent = (threshold: number | undefined) => threshold !== undefined && gainPercent !== null && gainPercent >= threshold - TOLERANCE;
  const mcidReached = mcid.kind === 'percent' ? byPercent(mcid.value) : gainPoints >= mcid.value - TOLERANCE || byPercent(mcid.alternativePercent);

  return {
    absolute: roundToTenth(difference),
    percent: percent === null ? null : roundToTenth(percent),
    improved: gainPoints > TOLERANCE,
    mcidReached,
  };
}

/** A responder reaches the MCID in the better direction (domain.md); without a baseline (other than GROC) nobody is. */
export function isResponder(measure: OutcomeMeasure, baselineScore: number | null, laterScore: number): boolean {
  return changeFromBaseline(measure, baselineScore, laterScore)?.mcidReached ?? false;
}

/**
 * The score a later assessment must reach to count as a responder, for drawing the MCID line on a chart: the easier of
 * the points and % thresholds where the MCID allows either, kept inside the instrument's range. GROC: the fixed +3.
 * Null when the baseline leaves no room to improve by the MCID (e.g. NPRS 0, or a FIQR % MCID on a baseline of 0).
 */
export function mcidTarget(measure: OutcomeMeasure, baselineScore: number | null): number | null {
  const instrument = outcomeInstrument(measure);
  const { mcid, scoreRange } = instrument;
  if (!instrument.hasBaseline) return mcid.value;
  if (baselineScore === null) return null;

  const towardsBetter = instrument.direction === 'lower-is-better' ? -1 : 1;
  const percentStep = (percent: number) => (Math.abs(baselineScore) * percent) / 100;
  const steps = mcid.kind === 'percent' ? [percentStep(mcid.value)] : [mcid.value];
  if (mcid.kind === 'points' && mcid.alternativePercent !== undefined) steps.push(percentStep(mcid.alternativePercent));
  const step = Math.min(...steps);
  if (step <= 0) return null;

  const target = roundToTenth(baselineScore + towardsBetter * step);
  return target < scoreRange.min || target > scoreRange.max ? null : target;
}
