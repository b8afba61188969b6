/**
 * The derived columns that make patient search fast (trigram indexes in the patients migration). Every write of a
 * patient's names, phones or health number goes through here: the API service, the seed and the CSV import alike.
 */
export interface SearchSource {
  firstName: string;
  lastName: string;
  middleName?: string | null;
  preferredName?: string | null;
  phone?: string | null;
  phoneAlt?: string | null;
  healthNumber?: string | null;
}

export interface SearchFields {
  searchName: string;
  phoneDigits: string;
  healthNumberKey: string | null;
}

/** Lower-case, accents removed, whitespace collapsed: how names are stored for search and how queries are folded. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Digits of an E.164 number plus its national form (without the country code 1 for NANP), space-separated. */
function phoneSearchDigits(phone: string | null | undefined): string[] {
  if (!phone) return [];
  const digits = phone.replace(/\D/g, '');
  if (!digits) return [];
  return digits.length === 11 && digits.startsWith('1') ? [digits, digits.slice(1)] : [digits];
}

/** Health number without spaces, dashes or dots, upper-cased (BC PHN "9876 543 210" → "9876543210"). */
export function healthNumberKey(healthNumber: string | null | undefined): string | null {
  const key = healthNumber?.replace(/[\s.\-/]/g, '').toUpperCase();
  return key ? key : null;
}

export function searchFieldsOf(patient: SearchSource): SearchFields {
  return {
    searchName: foldForSearch([patient.firstName, patient.middleName, patient.lastName, patient.preferredName].filter(Boolean).join(' ')),
    phoneDigits: [...phoneSearchDigits(patient.phone), ...phoneSearchDigits(patient.phoneAlt)].join(' '),
    healthNumberKey: healthNumberKey(patient.healthNumber),
  };
}
