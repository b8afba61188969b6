import type { OutcomeMeasure, OutcomeRecord } from '@ims/contracts';
import type { OutcomeRecord as OutcomeRecordRow } from '@ims/prisma';
import { atSession, toOutcomeRecord, type SessionClock } from './outcome-view';

/** Records oldest first: by when they were taken, then by when they were entered. */
export const RECORD_ORDER = [{ takenAt: 'asc' as const }, { createdAt: 'asc' as const }];

/** The payloads of a plan's records (oldest first), each judged against its measure's baseline. */
export function recordViews(rows: readonly OutcomeRecordRow[], clock: SessionClock, names: Map<string, string>): OutcomeRecord[] {
  const baselines = new Map<OutcomeMeasure, number>();
  for (const row of rows) if (row.timepoint === 'baseline') baselines.set(row.measure as OutcomeMeasure, row.score.toNumber());
  return rows.map((row) =>
    toOutcomeRecord(row, {
      baselineScore: baselines.get(row.measure as OutcomeMeasure) ?? null,
      atSession: atSession(row, clock),
      recorderName: names.get(row.recordedById) ?? 'Unknown user',
    }),
  );
}
