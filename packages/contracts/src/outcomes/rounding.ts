/** Scores and changes are kept to one decimal, half away from zero (35.55 → 35.6, −7.45 → −7.5). */
export function roundToTenth(value: number): number {
  // The epsilon absorbs binary noise such as 35.55 × 10 = 355.49999…, which would otherwise round down.
  const magnitude = Math.round(Math.abs(value) * 10 + 1e-9) / 10;
  if (magnitude === 0) return 0;
  return value < 0 ? -magnitude : magnitude;
}
