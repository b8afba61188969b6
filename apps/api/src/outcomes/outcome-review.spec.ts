import type { OutcomeMeasure, OutcomeTimepoint, PlanStatus } from '@ims/contracts';
import { outcomeReview, type ReviewRecord } from './outcome-review';

const plan = (primaryMeasure: OutcomeMeasure = 'NDI', status: PlanStatus = 'active') => ({ status, primaryMeasure });
const record = (measure: OutcomeMeasure, timepoint: OutcomeTimepoint, score: number, atSession: number | null = null): ReviewRecord => ({ measure, timepoint, score, atSession });

describe('outcomeReview', () => {
  it('is silent before session 4', () => {
    expect(outcomeReview({ plan: plan(), signedSessions: 3, records: [] })).toEqual({ flagged: false, reason: null });
  });

  it('does not flag a plan whose primary measure reached its MCID by session 4', () => {
    const review = outcomeReview({ plan: plan(), signedSessions: 4, records: [record('NDI', 'baseline', 30), record('NDI', 'session', 20, 4)] });
    expect(review).toEqual({ flagged: false, reason: 'NDI reached its MCID of 7.5 points by session 4 (change -10 (-33.3%))' });
  });

  it('flags a non-responder at session 4, naming the MCID and the change', () => {
    const review = outcomeReview({ plan: plan(), signedSessions: 4, records: [record('NDI', 'baseline', 30), record('NDI', 'session', 26, 4)] });
    expect(review).toEqual({ flagged: true, reason: 'NDI has not reached its MCID of 7.5 points by session 4 (change -4 (-13.3%))' });
  });

  it('judges the newest record of session 4 or later, not an earlier good one', () => {
    const records = [record('NDI', 'baseline', 30), record('NDI', 'session', 20, 4), record('NDI', 'session', 27, 6)];
    expect(outcomeReview({ plan: plan(), signedSessions: 6, records }).flagged).toBe(true);
  });

  it('flags a plan with no record of its primary measure at session 4 or later, whatever was taken before', () => {
    const review = outcomeReview({ plan: plan(), signedSessions: 5, records: [record('NDI', 'baseline', 30), record('NDI', 'session', 12, 3), record('NPRS', 'session', 1, 5)] });
    expect(review).toEqual({ flagged: true, reason: 'No NDI recorded at session 4 or later (5 sessions signed)' });
  });

  it('flags a plan without a baseline of its primary measure: the change cannot be judged', () => {
    const review = outcomeReview({ plan: plan(), signedSessions: 4, records: [record('NDI', 'session', 10, 4)] });
    expect(review).toEqual({ flagged: true, reason: 'No baseline NDI: the change by session 4 cannot be judged' });
  });

  it('takes the NPRS percentage MCID and the GROC score as the change', () => {
    const nprs = outcomeReview({ plan: plan('NPRS'), signedSessions: 4, records: [record('NPRS', 'baseline', 5), record('NPRS', 'session', 3.5, 4)] });
    expect(nprs).toEqual({ flagged: false, reason: 'NPRS reached its MCID of 2 points or 30% by session 4 (change -1.5 (-30%))' });
    const groc = outcomeReview({ plan: plan('GROC'), signedSessions: 4, records: [record('GROC', 'session', 2, 4)] });
    expect(groc).toEqual({ flagged: true, reason: 'GROC has not reached its MCID of +3 by session 4 (rated +2)' });
  });

  it('does not flag a plan that is no longer open', () => {
    expect(outcomeReview({ plan: plan('NDI', 'completed'), signedSessions: 8, records: [] })).toEqual({ flagged: false, reason: 'The plan is completed' });
  });
});
