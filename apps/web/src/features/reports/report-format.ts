import type { ReportShare } from '@ims/contracts';

const counts = new Intl.NumberFormat('en-CA', { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat('en-CA', { maximumFractionDigits: 2 });

/** Shown where a figure has nothing to be a share or a mean of (the API's null). */
export const NOT_APPLICABLE = '–';

/** "1,234". */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** "12.5", "8": hours and means as the API rounds them, without trailing zeros. */
export function formatDecimal(value: number | null): string {
  return value === null ? NOT_APPLICABLE : decimals.format(value);
}

/** "40%", "33.3%"; "–" when there is nothing to divide by. */
export function formatPercent(value: number | null): string {
  return value === null ? NOT_APPLICABLE : `${decimals.format(value)}%`;
}

/** "2 of 5 (40%)": the count beside what it is a share of, so 1 of 2 never passes for 50 of 100. */
export function formatShare(share: ReportShare): string {
  return share.percent === null ? `${formatCount(share.count)} of ${formatCount(share.of)}` : `${formatCount(share.count)} of ${formatCount(share.of)} (${formatPercent(share.percent)})`;
}

/** "1.2 MB", "340 KB", "512 bytes": how much of a download has arrived. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${decimals.format(Math.round(bytes / 1024))} KB`;
  return `${decimals.format(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}
