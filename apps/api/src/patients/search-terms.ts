import { foldForSearch, healthNumberKey } from '@ims/prisma';

/** What the front desk typed, read as the kind of search it means. */
export type SearchTerms =
  | { kind: 'all' }
  /** Digits only (spaces, dashes, dots, parentheses and + ignored): part of a phone number, or a health number. */
  | { kind: 'digits'; digits: string }
  | { kind: 'dateOfBirth'; date: string }
  /** A name fragment, folded the way `search_name` is stored; also tried as a health number when it has digits. */
  | { kind: 'name'; folded: string; tokens: string[]; healthKey: string | null };

/** Fewer digits than this match too many numbers to be a useful phone search. */
export const MIN_PHONE_DIGITS = 3;
/** Words of a name query beyond this many add nothing but cost. */
export const MAX_NAME_TOKENS = 6;

const ISO_DATE = /^(\d{4})[-/.](\d{2})[-/.](\d{2})$/;
const PHONE_NOTATION = /^[\d\s().+\-]+$/;

/** A real calendar date (rejects 1980-02-30), as `YYYY-MM-DD`, or null. */
function calendarDate(year: string, month: string, day: string): string | null {
  const iso = `${year}-${month}-${day}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/**
 * Reads `q`: a date of birth (`YYYY-MM-DD`, also with `/` or `.`), a number (at least 3 digits once phone notation is
 * stripped), or else a name. Day-first dates like 02/04/1980 are not guessed at: in Canada they are ambiguous.
 */
export function searchTermsOf(q: string | undefined): SearchTerms {
  const text = (q ?? '').trim();
  if (!text) return { kind: 'all' };
  const date = ISO_DATE.exec(text);
  if (date) {
    const iso = calendarDate(date[1], date[2], date[3]);
    if (iso) return { kind: 'dateOfBirth', date: iso };
  }
  if (PHONE_NOTATION.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.length >= MIN_PHONE_DIGITS) return { kind: 'digits', digits };
  }
  const folded = foldForSearch(text);
  // Words split as the name keys split them (name-search-keys.ts); punctuation alone ("%", "'") asks for everyone.
  const tokens = folded.split(/[\s'\-]+/).filter(Boolean).slice(0, MAX_NAME_TOKENS);
  if (tokens.length === 0) return { kind: 'all' };
  // Health numbers carry digits (some insurers' mix in letters); a plain name is never tried as one.
  return { kind: 'name', folded, tokens, healthKey: /\d/.test(text) ? healthNumberKey(text) : null };
}
