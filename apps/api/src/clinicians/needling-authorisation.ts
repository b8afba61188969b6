import { format } from 'date-fns';
import { tz } from '@date-fns/tz';

/** The part of an authorisation that decides whether it covers a day. Dates are calendar days, `YYYY-MM-DD`. */
export interface AuthorisationPeriod {
  kind: 'ims' | 'dry_needling';
  validFrom: string;
  /** Last day covered; null while open-ended. */
  validTo: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The authorisation of `kind` that covers `date` (validFrom..validTo inclusive, open-ended when validTo is null),
 * or undefined. Used to gate who may sign an IMS note on the visit date, so it works on calendar days, never
 * instants: comparing `YYYY-MM-DD` strings is exact and free of time-zone drift.
 */
export function authorisationCovering<T extends AuthorisationPeriod>(
  authorisations: readonly T[],
  kind: AuthorisationPeriod['kind'],
  date: string,
): T | undefined {
  if (!ISO_DAY.test(date)) throw new Error(`expected a calendar day YYYY-MM-DD, got ${date}`);
  return authorisations.find(
    (a) => a.kind === kind && a.validFrom <= date && (a.validTo === null || date <= a.validTo),
  );
}

/** Whether any authorisation of `kind` covers `date` (`YYYY-MM-DD`). */
export function isAuthorisedOn(
  authorisations: readonly AuthorisationPeriod[],
  kind: AuthorisationPeriod['kind'],
  date: string,
): boolean {
  return authorisationCovering(authorisations, kind, date) !== undefined;
}

/** The calendar day `now` falls on in `timeZone` (IANA), as `YYYY-MM-DD`. */
export function dayIn(timeZone: string, now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd', { in: tz(timeZone) });
}
