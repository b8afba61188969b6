import type { AuthorisationKind, NeedlingAuthorisation } from '@ims/contracts';

const KIND_LABELS: Record<AuthorisationKind, string> = { ims: 'IMS', dry_needling: 'Dry needling' };

export function authorisationKindLabel(kind: AuthorisationKind): string {
  return KIND_LABELS[kind];
}

export type AuthorisationState = 'current' | 'ended' | 'future';

/** Where an authorisation stands on `today` (YYYY-MM-DD; both ends inclusive, as the API counts them). */
export function authorisationState(authorisation: NeedlingAuthorisation, today: string): AuthorisationState {
  if (authorisation.validFrom > today) return 'future';
  if (authorisation.validTo !== null && authorisation.validTo < today) return 'ended';
  return 'current';
}

/**
 * The IMS authorisation in force on `today` that runs longest (open-ended first), or undefined: the one whose
 * end date tells the admin when the clinician stops being allowed to needle.
 */
export function currentImsAuthorisation(
  authorisations: readonly NeedlingAuthorisation[],
  today: string,
): NeedlingAuthorisation | undefined {
  const current = authorisations.filter((a) => a.kind === 'ims' && authorisationState(a, today) === 'current');
  return current.sort((a, b) => {
    if (a.validTo === b.validTo) return 0;
    if (a.validTo === null) return -1;
    if (b.validTo === null) return 1;
    return a.validTo < b.validTo ? 1 : -1;
  })[0];
}

/** Today's date in the browser's time zone, as the API writes dates. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "2026-03-08" → "8 Mar 2026" in the browser's locale; a calendar date, so no time-zone shift. */
export function formatDate(date: string): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}
