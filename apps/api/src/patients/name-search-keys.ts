/**
 * The typed side of name search by keys. The SQL function `patient_name_keys(search_name)` (migration
 * `*_patient_name_keys`, GIN-indexed) gives every word of a patient's search name (split at spaces, apostrophes and
 * hyphens, and also joined: "o'brien" → o, brien, obrien) three kinds of key:
 *
 * - `p:` every prefix of the word, the whole word included;
 * - `d:` the word with one letter left out, for words of four letters or more;
 * - `s:` its sound-alike form ({@link soundsAlike}).
 *
 * A typed word is then looked up by exact keys only: the keys a name word close enough to it would have. That finds
 * one typo (a letter missing, extra, wrong, or two neighbours swapped) or a same-sounding spelling in a handful of
 * index probes, however many names share letters with what was typed. Keep this file and the SQL function in step.
 */

/** Shorter words are not given `d:` keys (three-letter leftovers of a three-letter word match far too much). */
export const MIN_DELETION_WORD = 4;

const SOUND_LETTERS: Record<string, string> = { y: 'i', c: 'k', z: 's', q: 'k' };

/**
 * A crude English sound-alike form: ph→f, ck→k, y→i, c→k, z→s, q→k, an h after a letter dropped (john→jon,
 * smith→smit, thompson→tompson), doubled letters single (gurpreet→gurpret). The SQL function computes the same
 * with `regexp_replace(regexp_replace(translate(replace(replace(w, 'ph', 'f'), 'ck', 'k'), 'yczq', 'iksk'),
 * '([a-z])h', '\1', 'g'), '([a-z])\1+', '\1', 'g')`.
 */
export function soundsAlike(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/[yczq]/g, (letter) => SOUND_LETTERS[letter])
    .replace(/([a-z])h/g, '$1')
    .replace(/([a-z])\1+/g, '$1');
}

/** The word with each of its letters left out in turn, without repeats. */
export function oneLetterLeftOut(word: string): string[] {
  const letters = [...word];
  return [...new Set(letters.map((_letter, index) => [...letters.slice(0, index), ...letters.slice(index + 1)].join('')))];
}

/** The key of a name word equal to `token` or starting with it. */
export function prefixKey(token: string): string {
  return `p:${token}`;
}

/**
 * Every key by which `token` finds a close name word: equal or a prefix (`p:token`), the same sound, a letter missing
 * from what was typed (`d:token`: the name word less one letter is the token), a wrong letter or two swapped (the
 * token and the word less one letter each agree) and, for tokens of five letters or more, one letter too many
 * (`p:` the token less one letter; shorter tokens would match every name starting with the remaining letters).
 */
export function closeKeys(token: string): string[] {
  const length = [...token].length;
  const keys = new Set([prefixKey(token), `s:${soundsAlike(token)}`]);
  if (length >= MIN_DELETION_WORD - 1) keys.add(`d:${token}`);
  const shorter = length >= MIN_DELETION_WORD ? oneLetterLeftOut(token) : [];
  for (const variant of shorter) keys.add(`d:${variant}`);
  if (length >= MIN_DELETION_WORD + 1) for (const variant of shorter) keys.add(`p:${variant}`);
  return [...keys];
}
