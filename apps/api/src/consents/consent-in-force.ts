/** What decides whether a consent covers a day. Dates are calendar days, `YYYY-MM-DD`. */
export interface ConsentPeriod {
  consentedOn: string;
  /** The day the withdrawal takes effect: the consent no longer covers that day. */
  withdrawnOn: string | null;
  thoraxIncluded: boolean;
  /** Orders two consents given on the same day: the later record is the renewal. */
  createdAt: Date | string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Newest first: by the day consent was given, then by when it was recorded. */
export function compareNewestFirst(a: ConsentPeriod, b: ConsentPeriod): number {
  if (a.consentedOn !== b.consentedOn) return a.consentedOn < b.consentedOn ? 1 : -1;
  return new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime();
}

/**
 * The consent in force on `date`, or undefined. A renewal is a new consent and replaces the earlier ones, so only the
 * newest consent given on or before `date` can be in force: it is, unless withdrawn on or before `date`. A withdrawal
 * therefore never brings an older consent back, and a renewal that leaves the thorax out ends thoracic consent.
 * With `thorax: true` the consent in force must also cover thoracic muscles (pneumothorax disclosed).
 * Works on calendar days, never instants, so the caller decides the day in the clinic's time zone.
 */
export function consentInForceOn<T extends ConsentPeriod>(
  consents: readonly T[],
  date: string,
  options: { thorax?: boolean } = {},
): T | undefined {
  if (!ISO_DAY.test(date)) throw new Error(`expected a calendar day YYYY-MM-DD, got ${date}`);
  const newest = consents.filter((consent) => consent.consentedOn <= date).sort(compareNewestFirst)[0];
  if (!newest) return undefined;
  if (newest.withdrawnOn !== null && newest.withdrawnOn <= date) return undefined;
  if (options.thorax && !newest.thoraxIncluded) return undefined;
  return newest;
}
