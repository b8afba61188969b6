import type { OutcomeMeasure, OutcomeTimepoint, PlanStatus } from '@ims/contracts';
import { outcomesDue, type ScheduleRecord } from './outcome-schedule';

const plan = (overrides: Partial<{ status: PlanStatus; primaryMeasure: OutcomeMeasure; plannedSessions: number }> = {}) => ({
  status: 'active' as PlanStatus,
  primaryMeasure: 'NDI' as OutcomeMeasure,
  plannedSessions: 10,
  ...overrides,
});
const record = (measure: OutcomeMeasure, timepoint: OutcomeTimepoint, atSession: number | null = null): ScheduleRecord => ({ measure, timepoint, atSession });
const due = (...args: Parameters<typeof outcomesDue>) => outcomesDue(...args).map((item) => `${item.timepoint} ${item.measure}${item.sessionNumber ? ` @${item.sessionNumber}` : ''}`);

describe('outcomesDue', () => {
  it('expects the primary measure’s baseline by the first treatment visit, and says so once it is late', () => {
    const [before] = outcomesDue({ plan: plan(), signedSessions: 0, records: [] });
    expect(before).toEqual({ measure: 'NDI', timepoint: 'baseline', sessionNumber: 1, reason: 'Baseline NDI expected by the first treatment visit' });
    const [late] = outcomesDue({ plan: plan(), signedSessions: 2, records: [] });
    expect(late.reason).toBe('Baseline NDI missing: it was expected by the first treatment visit (2 sessions signed)');
  });

  it('asks for no baseline once recorded, nor ever for GROC, whose score is itself the change', () => {
    expect(due({ plan: plan(), signedSessions: 1, records: [record('NDI', 'baseline')] })).toEqual([]);
    expect(due({ plan: plan({ primaryMeasure: 'GROC' }), signedSessions: 0, records: [] })).toEqual([]);
  });

  it('a baseline of another measure does not stand in for the primary one', () => {
    expect(due({ plan: plan(), signedSessions: 0, records: [record('NPRS', 'baseline')] })).toEqual(['baseline NDI @1']);
  });

  it('lists the session-4 reassessment from session 3 (the next one is session 4) until a record counts for session 4 or later', () => {
    const baseline = record('NDI', 'baseline');
    expect(due({ plan: plan(), signedSessions: 2, records: [baseline] })).toEqual([]);
    const [next] = outcomesDue({ plan: plan(), signedSessions: 3, records: [baseline] });
    expect(next).toEqual({ measure: 'NDI', timepoint: 'session', sessionNumber: 4, reason: 'NDI reassessment due at session 4, the next session' });
    const [overdue] = outcomesDue({ plan: plan(), signedSessions: 6, records: [baseline, record('NDI', 'session', 3)] });
    expect(overdue.reason).toBe('NDI reassessment due at session 4: 6 sessions signed and none recorded since');
    expect(due({ plan: plan(), signedSessions: 4, records: [baseline, record('NDI', 'session', 4)] })).toEqual([]);
    expect(due({ plan: plan(), signedSessions: 6, records: [baseline, record('NDI', 'adhoc', 5)] })).toEqual([]);
  });

  it('does not count a late baseline, another measure or an undated record as the reassessment', () => {
    expect(due({ plan: plan({ primaryMeasure: 'GROC' }), signedSessions: 5, records: [record('NDI', 'session', 5), record('GROC', 'adhoc', null)] })).toEqual(['session GROC @4']);
    expect(due({ plan: plan(), signedSessions: 5, records: [record('NDI', 'baseline', 5)] })).toEqual(['session NDI @4']);
  });

  it('leaves the session-4 reassessment to discharge in a course of 4 sessions or fewer', () => {
    expect(due({ plan: plan({ plannedSessions: 4 }), signedSessions: 3, records: [record('NDI', 'baseline')] })).toEqual([]);
    expect(due({ plan: plan({ plannedSessions: 4 }), signedSessions: 4, records: [record('NDI', 'baseline')] })).toEqual(['discharge NDI']);
  });

  it('asks for a discharge record of each followed measure once all planned sessions are signed or the plan is completed', () => {
    const records = [record('NDI', 'baseline'), record('NDI', 'session', 4), record('PSFS', 'baseline'), record('NPRS', 'adhoc', 2), record('GROC', 'session', 4)];
    expect(due({ plan: plan({ plannedSessions: 8 }), signedSessions: 7, records })).toEqual([]);
    // NPRS was only taken ad hoc without a baseline, so there is no course of it to close.
    expect(due({ plan: plan({ plannedSessions: 8 }), signedSessions: 8, records })).toEqual(['discharge NDI', 'discharge PSFS', 'discharge GROC']);
    const completed = outcomesDue({ plan: plan({ status: 'completed' }), signedSessions: 6, records: [...records, record('NDI', 'discharge', 6)] });
    expect(completed.map((item) => item.reason)).toEqual(['Discharge PSFS due: the plan is completed', 'Discharge GROC due: the plan is completed']);
    const [allSigned] = outcomesDue({ plan: plan({ plannedSessions: 8 }), signedSessions: 8, records: [record('NDI', 'baseline'), record('NDI', 'session', 4)] });
    expect(allSigned.reason).toBe('Discharge NDI due: all 8 sessions planned are signed');
  });

  it('asks a completed plan only for its discharge, and a discontinued one for nothing', () => {
    expect(due({ plan: plan({ status: 'completed' }), signedSessions: 5, records: [] })).toEqual(['discharge NDI']);
    expect(due({ plan: plan({ status: 'discontinued' }), signedSessions: 10, records: [] })).toEqual([]);
  });

  it('lists baseline, session 4 and discharge in that order', () => {
    expect(due({ plan: plan({ plannedSessions: 5 }), signedSessions: 5, records: [] })).toEqual(['baseline NDI @1', 'session NDI @4', 'discharge NDI']);
  });
});
