import type { ReportShare } from '@ims/contracts';

/** Rounds half away from zero at `decimals` places (display only: PostgreSQL did the arithmetic). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.sign(value) * (Math.round(Math.abs(value) * factor + 1e-9) / factor);
  return rounded === 0 ? 0 : rounded; // never -0
}

export const roundOrNull = (value: number | null, decimals: number): number | null => (value === null ? null : roundTo(value, decimals));

/** `count` of `of` with its percentage (one decimal); no percentage of nothing. */
export function share(count: number, of: number): ReportShare {
  return { count, of, percent: of === 0 ? null : roundTo((count * 100) / of, 1) };
}

/** Part / whole as a percentage with one decimal, or null without a whole. */
export const percentOf = (part: number, whole: number): number | null => (whole > 0 ? roundTo((part * 100) / whole, 1) : null);
