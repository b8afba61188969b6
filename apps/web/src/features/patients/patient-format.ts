import type { DuplicateReason } from '@ims/contracts';
import type { z } from 'zod';

interface Named {
  firstName: string;
  lastName: string;
  preferredName: string | null;
}

/** "Jonathan (Jon) Smith": the legal name, with the name they go by in brackets when it differs. */
export function displayName({ firstName, lastName, preferredName }: Named): string {
  const preferred = preferredName && preferredName !== firstName ? ` (${preferredName})` : '';
  return `${firstName}${preferred} ${lastName}`;
}

/** Today's calendar date where the browser is (the clinic's desk), as YYYY-MM-DD. */
export function localTodayIso(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** Whole years from `dateOfBirth` to `on` (both YYYY-MM-DD): a birthday counts from its day, 29 Feb from 1 Mar. */
export function ageInYears(dateOfBirth: string, on: string = localTodayIso()): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "12 Mar 1984" in the browser's locale; a calendar date has no time zone, so it is formatted as UTC. */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** "12 Mar 1984 · 42 y" for a date of birth. */
export function formatDateOfBirth(dateOfBirth: string, today?: string): string {
  return `${formatDate(dateOfBirth)} · ${ageInYears(dateOfBirth, today)} y`;
}

/**
 * North American numbers (the API stores E.164) as the desk reads them: "+16045550123" → "(604) 555-0123".
 * Others keep their international form.
 */
export function formatPhone(phone: string | null): string {
  if (!phone) return '';
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return nanp ? `(${nanp[1]}) ${nanp[2]}-${nanp[3]}` : phone;
}

const REASON_LABELS: Record<z.infer<typeof DuplicateReason>, string> = {
  same_dob_similar_name: 'Same date of birth, similar name',
  same_phone: 'Same phone number',
  same_health_number: 'Same health number',
  same_email_and_dob: 'Same email and date of birth',
};

/** Why a registration looks like someone already registered, as the desk reads it. */
export function duplicateReasonLabel(reason: z.infer<typeof DuplicateReason>): string {
  return REASON_LABELS[reason];
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An instant in the browser's locale and zone, e.g. "8 Mar 2026, 10:04". */
export function formatDateTime(instant: string): string {
  return dateTimeFormat.format(new Date(instant));
}
