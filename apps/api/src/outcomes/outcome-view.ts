import { changeFromBaseline, outcomeInstrument, type OutcomeRecord, type OutcomeMeasure } from '@ims/contracts';
import type { OutcomeRecord as OutcomeRecordRow } from '@ims/prisma';
import { dayIn } from '../clinicians/needling-authorisation';
import { isoDay } from '../clinicians/clinician-view';

/** The plan session a record counts for, from the plan's signed visits (their calendar days, in the clinic's zone). */
export interface SessionClock {
  timeZone: string;
  /** `YYYY-MM-DD` of each signed visit of the plan. */
  signedVisitDays: readonly string[];
}

export function sessionClockOf(timeZone: string, signedVisits: ReadonlyArray<{ visitDate: Date }>): SessionClock {
  return { timeZone, signedVisitDays: signedVisits.map((visit) => isoDay(visit.visitDate)) };
}

/**
 * The session a record was taken at: the one recorded with it, else the sessions signed by the end of the day it was
 * taken (a reassessment taken during session 4 counts for session 4 once that note is signed); null before any.
 */
export function atSession(record: { sessionNumber: number | null; takenAt: Date }, clock: SessionClock): number | null {
  if (record.sessionNumber !== null) return record.sessionNumber;
  const day = dayIn(clock.timeZone, record.takenAt);
  const signedByThen = clock.signedVisitDays.filter((visitDay) => visitDay <= day).length;
  return signedByThen === 0 ? null : signedByThen;
}

export interface RecordContext {
  /** The score of the plan's baseline of this measure, when there is one. */
  baselineScore: number | null;
  atSession: number | null;
  recorderName: string;
}

/** The OutcomeRecord payload: the stored record judged against its baseline (none for the baseline itself). */
export function toOutcomeRecord(row: OutcomeRecordRow, context: RecordContext): OutcomeRecord {
  const measure = row.measure as OutcomeMeasure;
  const instrument = outcomeInstrument(measure);
  const score = row.score.toNumber();
  const change = row.timepoint === 'baseline' ? null : changeFromBaseline(measure, context.baselineScore, score);
  return {
    id: row.id,
    planId: row.planId,
    patientId: row.patientId,
    measure,
    timepoint: row.timepoint,
    sessionNumber: row.sessionNumber,
    atSession: context.atSession,
    answers: row.answers as OutcomeRecord['answers'],
    score,
    subscores: (row.subscores as Record<string, number> | null) ?? null,
    takenAt: row.takenAt.toISOString(),
    recordedBy: { id: row.recordedById, name: context.recorderName },
    createdAt: row.createdAt.toISOString(),
    changeFromBaseline: change,
    mcid: { ...instrument.mcid },
    responder: change ? change.mcidReached : null,
  };
}
