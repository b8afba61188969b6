import { changeFromBaseline, outcomeInstrument, REVIEW_AT_SESSION, type OutcomeMeasure, type OutcomeReview, type OutcomeTimepoint, type PlanStatus } from '@ims/contracts';
import { describeChange, describeMcid } from './outcome-wording';

export interface ReviewRecord {
  measure: OutcomeMeasure;
  timepoint: OutcomeTimepoint;
  atSession: number | null;
  score: number;
}

export interface ReviewFacts {
  plan: { status: PlanStatus; primaryMeasure: OutcomeMeasure };
  signedSessions: number;
  /** The plan's records, oldest first. */
  records: readonly ReviewRecord[];
}

/**
 * The session-4 review (domain.md): once an open plan has signed session 4, it is flagged when its primary measure
 * has not reached the MCID in the better direction, judged on the newest record counting for session 4 or later, or
 * when there is no such record (or no baseline to compare it with) so nobody can tell.
 */
export function outcomeReview({ plan, signedSessions, records }: ReviewFacts): OutcomeReview {
  if (signedSessions < REVIEW_AT_SESSION) return { flagged: false, reason: null };
  if (plan.status !== 'draft' && plan.status !== 'active') return { flagged: false, reason: `The plan is ${plan.status}` };

  const instrument = outcomeInstrument(plan.primaryMeasure);
  const primary = records.filter((record) => record.measure === plan.primaryMeasure);
  const baseline = primary.find((record) => record.timepoint === 'baseline') ?? null;
  if (instrument.hasBaseline && !baseline) {
    return { flagged: true, reason: `No baseline ${instrument.name}: the change by session ${REVIEW_AT_SESSION} cannot be judged` };
  }
  const later = primary.filter((record) => record.timepoint !== 'baseline' && (record.atSession ?? 0) >= REVIEW_AT_SESSION).at(-1);
  if (!later) {
    return { flagged: true, reason: `No ${instrument.name} recorded at session ${REVIEW_AT_SESSION} or later (${signedSessions} sessions signed)` };
  }
  const change = changeFromBaseline(plan.primaryMeasure, baseline?.score ?? null, later.score)!;
  const at = `session ${later.atSession}`;
  if (change.mcidReached) {
    return { flagged: false, reason: `${instrument.name} reached its MCID of ${describeMcid(instrument)} by ${at} (${describeChange(instrument, change)})` };
  }
  return { flagged: true, reason: `${instrument.name} has not reached its MCID of ${describeMcid(instrument)} by ${at} (${describeChange(instrument, change)})` };
}
