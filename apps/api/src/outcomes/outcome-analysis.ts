import { mcidTarget, OUTCOME_MEASURES, outcomeInstrument, type OutcomeMeasure, type OutcomeRecord, type PlanOutcomeMeasure } from '@ims/contracts';

/**
 * The plan's records grouped per measure for the analysis and its charts: the primary measure first (even before
 * anything is recorded, so the plan page can show what is expected), then every other measure recorded, in the
 * instruments' order. `records` must be oldest first; each measure keeps that order.
 */
export function planMeasures(primaryMeasure: OutcomeMeasure, records: readonly OutcomeRecord[]): PlanOutcomeMeasure[] {
  const recorded = new Set(records.map((record) => record.measure));
  const measures = [primaryMeasure, ...OUTCOME_MEASURES.filter((measure) => measure !== primaryMeasure && recorded.has(measure))];
  return measures.map((measure) => {
    const instrument = outcomeInstrument(measure);
    const own = records.filter((record) => record.measure === measure);
    const baseline = own.find((record) => record.timepoint === 'baseline') ?? null;
    const latest = own.filter((record) => record.timepoint !== 'baseline').at(-1) ?? null;
    return {
      measure,
      name: instrument.name,
      primary: measure === primaryMeasure,
      direction: instrument.direction,
      unit: instrument.unit,
      scoreRange: { ...instrument.scoreRange },
      mcid: { ...instrument.mcid },
      mcidTarget: mcidTarget(measure, baseline?.score ?? null),
      baseline,
      records: own,
      latest,
      responder: latest?.responder ?? null,
    };
  });
}
