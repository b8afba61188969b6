import type { OutcomeTimepoint, PlanOutcomeMeasure } from '@ims/contracts';
import { TIMEPOINT_LABELS } from './outcome-format';

export interface ChartPoint {
  /** 0 for the baseline, else the plan session the record counts for. */
  session: number;
  score: number;
  when: string;
}

function whenLabel(timepoint: OutcomeTimepoint, session: number): string {
  if (timepoint === 'baseline') return TIMEPOINT_LABELS.baseline;
  if (timepoint === 'session') return `Session ${session}`;
  return `${TIMEPOINT_LABELS[timepoint]} (${session === 0 ? 'before session 1' : `session ${session}`})`;
}

/** The records on the session axis: the baseline at 0, the rest at the session they count for (0 before the first). */
export function chartPoints(measure: PlanOutcomeMeasure): ChartPoint[] {
  return measure.records
    .map((record) => {
      const session = record.timepoint === 'baseline' ? 0 : (record.atSession ?? 0);
      return { session, score: record.score, when: whenLabel(record.timepoint, session) };
    })
    .sort((a, b) => a.session - b.session);
}

const NICE_STEPS = [1, 2, 5, 10, 20, 25];

/** The range's ends, and round numbers between them not crowding the ends (0-50 by 10; HIT-6 36, 50 … 70, 78). */
export function scoreTicks({ min, max }: { min: number; max: number }): number[] {
  const step = NICE_STEPS.find((candidate) => (max - min) / candidate <= 8) ?? 25;
  const inner: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max; tick += step) {
    if (tick - min > step / 2 && max - tick > step / 2) inner.push(tick);
  }
  return [min, ...inner, max];
}
