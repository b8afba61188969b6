import type { OutcomeChange, OutcomeInstrument } from '@ims/contracts';

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/** "7.5 points", "2 points or 30%", "14%", GROC "+3": the MCID as a clinician reads it. */
export function describeMcid(instrument: OutcomeInstrument): string {
  const { mcid } = instrument;
  if (!instrument.hasBaseline) return signed(mcid.value);
  if (mcid.kind === 'percent') return `${mcid.value}%`;
  const points = `${mcid.value} points`;
  return mcid.alternativePercent === undefined ? points : `${points} or ${mcid.alternativePercent}%`;
}

/** "change -10 (-33.3%)"; GROC, whose score is the change: "rated +2". */
export function describeChange(instrument: OutcomeInstrument, change: OutcomeChange): string {
  if (!instrument.hasBaseline) return `rated ${signed(change.absolute)}`;
  const percent = change.percent === null ? '' : ` (${signed(change.percent)}%)`;
  return `change ${signed(change.absolute)}${percent}`;
}
