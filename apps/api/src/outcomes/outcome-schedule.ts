import { outcomeInstrument, REVIEW_AT_SESSION, type OutcomeDue, type OutcomeMeasure, type OutcomeTimepoint, type PlanStatus } from '@ims/contracts';

export interface SchedulePlan {
  status: PlanStatus;
  primaryMeasure: OutcomeMeasure;
  plannedSessions: number;
}

/** What the schedule needs of a record: which measure, when, and the plan session it counts for (see `atSession`). */
export interface ScheduleRecord {
  measure: OutcomeMeasure;
  timepoint: OutcomeTimepoint;
  atSession: number | null;
}

export interface ScheduleFacts {
  plan: SchedulePlan;
  /** Signed visit notes of the plan: session n is the n-th. */
  signedSessions: number;
  records: readonly ScheduleRecord[];
}

const isOpen = (status: PlanStatus) => status === 'draft' || status === 'active';

function sessions(count: number): string {
  return `${count} session${count === 1 ? '' : 's'}`;
}

function baselineDue({ plan, signedSessions, records }: ScheduleFacts): OutcomeDue | null {
  const instrument = outcomeInstrument(plan.primaryMeasure);
  if (!isOpen(plan.status) || !instrument.hasBaseline) return null;
  if (records.some((record) => record.measure === plan.primaryMeasure && record.timepoint === 'baseline')) return null;
  const reason =
    signedSessions === 0
      ? `Baseline ${instrument.name} expected by the first treatment visit`
      : `Baseline ${instrument.name} missing: it was expected by the first treatment visit (${sessions(signedSessions)} signed)`;
  return { measure: plan.primaryMeasure, timepoint: 'baseline', sessionNumber: 1, reason };
}

/**
 * The session-4 reassessment of the primary measure: listed once session 4 is the next session (so it can be taken
 * there) and until a record counts for session 4 or later. A course of 4 sessions or fewer ends there, so its
 * discharge reassessment stands in for it.
 */
function reassessmentDue({ plan, signedSessions, records }: ScheduleFacts): OutcomeDue | null {
  if (!isOpen(plan.status) || plan.plannedSessions <= REVIEW_AT_SESSION || signedSessions < REVIEW_AT_SESSION - 1) return null;
  const measured = records.some(
    (record) => record.measure === plan.primaryMeasure && record.timepoint !== 'baseline' && (record.atSession ?? 0) >= REVIEW_AT_SESSION,
  );
  if (measured) return null;
  const { name } = outcomeInstrument(plan.primaryMeasure);
  const reason =
    signedSessions < REVIEW_AT_SESSION
      ? `${name} reassessment due at session ${REVIEW_AT_SESSION}, the next session`
      : `${name} reassessment due at session ${REVIEW_AT_SESSION}: ${sessions(signedSessions)} signed and none recorded since`;
  return { measure: plan.primaryMeasure, timepoint: 'session', sessionNumber: REVIEW_AT_SESSION, reason };
}

/**
 * The measures followed on this plan: the primary one, every measure with a baseline, and GROC once used (it has no
 * baseline to start it). These are the ones a discharge reassessment completes.
 */
function followedMeasures({ plan, records }: ScheduleFacts): OutcomeMeasure[] {
  const followed = new Set<OutcomeMeasure>([plan.primaryMeasure]);
  for (const record of records) {
    if (record.timepoint === 'baseline' || !outcomeInstrument(record.measure).hasBaseline) followed.add(record.measure);
  }
  return [...followed];
}

function dischargeDue(facts: ScheduleFacts): OutcomeDue[] {
  const { plan, signedSessions, records } = facts;
  const courseDone = plan.status === 'completed' || (isOpen(plan.status) && signedSessions >= plan.plannedSessions);
  if (!courseDone) return [];
  const why = plan.status === 'completed' ? 'the plan is completed' : `all ${sessions(plan.plannedSessions)} planned are signed`;
  return followedMeasures(facts)
    .filter((measure) => !records.some((record) => record.measure === measure && record.timepoint === 'discharge'))
    .map((measure) => ({ measure, timepoint: 'discharge', sessionNumber: null, reason: `Discharge ${outcomeInstrument(measure).name} due: ${why}` }));
}

/**
 * The outcome measurements a plan is waiting for (domain.md: baseline at the first session, reassessment at session 4
 * and at discharge): the primary measure's baseline until recorded, its session-4 reassessment from the session
 * before, and a discharge record of each followed measure once the course is completed or all planned sessions are
 * signed. Nothing for a discontinued plan. Baseline first, then session 4, then discharge.
 */
export function outcomesDue(facts: ScheduleFacts): OutcomeDue[] {
  if (facts.plan.status === 'discontinued') return [];
  return [baselineDue(facts), reassessmentDue(facts), ...dischargeDue(facts)].filter((due): due is OutcomeDue => due !== null);
}
